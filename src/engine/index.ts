// The engine's public API. Everything outside src/engine imports from here only.
export { diagnose, type DiagnoseOptions, type HarInput } from './diagnose';
export { HarInputError, parseHarJson, parseHarText, type ParsedHar } from './har/parse';
export type { RawHarEntry, RawHarLog } from './har/types';
export type { AlternativeReport, DiagnosisReport, ExchangeReport, HopReport, InputReport, Report } from './report';
export type { Evidence, Outcome, Severity } from './model';
export { allRules, adviceRules, checkRules } from './rules/index';
export type { AdviceRule, CheckRule, Rule } from './rules/define-rule';
export { CORS_ERROR_NAMES, FIREFOX_CATEGORIES, type CorsErrorName, type FirefoxCategory } from './cors/vocabulary';
