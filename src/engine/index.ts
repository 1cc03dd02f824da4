// The engine's public API. Everything outside src/engine imports from here only.
export {
  countExchange,
  diagnose,
  diagnoseEach,
  type DiagnoseOptions,
  type HarInput,
  type ReportStream,
} from './diagnose';
export { HarInputError, parseHarJson, parseHarText, type ParsedHar } from './har/parse';
export { HarEntryCollector, type PreparedHar } from './har/prepared';
export { IncrementalDiagnoser, type ExchangeChanges, type IncrementalOptions } from './incremental';
export type { RawHarEntry, RawHarLog } from './har/types';
export type { AlternativeReport, DiagnosisReport, ExchangeReport, HopReport, InputReport, Report } from './report';
export { redactReport, redactStream } from './redact-report';
export { isSecretHeader, isSecretParam, redactHeader, redactUrls } from './redact';
export { shellQuote } from './curl';
export type { Evidence, Outcome, Severity } from './model';
export { allRules, adviceRules, checkRules } from './rules/index';
export type { AdviceRule, CheckRule, Rule } from './rules/define-rule';
export { CORS_ERROR_NAMES, FIREFOX_CATEGORIES, type CorsErrorName, type FirefoxCategory } from './cors/vocabulary';
export type { DeclaredCredentials } from './credentials';
export {
  followRedirect,
  forbiddenRequestHeader,
  MAX_REDIRECTS,
  planHop,
  startRequest,
  type BrowserRequest,
  type FetchCall,
  type HopPlan,
  type RedirectStep,
} from './cors/request-plan';
export type { Header } from './har/headers';
export type { PreflightReason } from './model';
