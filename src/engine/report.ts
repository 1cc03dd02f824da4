// The engine's result, exactly the JSON contract of `cors-doctor diagnose --format json` (README, "JSON output").
// Extend it, never break it: other tools and our tests depend on it. report.schema.json describes every field
// (test/robustness/properties.test.ts keeps the two in step).
// The report holds what the capture holds, credentials included; redactReport() (redact-report.ts) masks them, and
// every export applies it unless the user opts in (`--include-secrets`).
import type { BrowserName } from './cors/browsers';
import type { CorsErrorName, FirefoxCategory } from './cors/vocabulary';
import type { StackFixReport } from './fixes/catalog';
import type { DetectedStack } from './fixes/stacks';
import type { CredentialsMode, Evidence, Outcome, PreflightState, RequestMode, Severity, Stage } from './model';

export interface Report {
  tool: 'cors-doctor';
  version: string;
  inputs: InputReport[];
  exchanges: ExchangeReport[];
  summary: {
    exchanges: number;
    blocked: number;
    failedNotCors: number;
    allowed: number;
    unknown: number;
  };
}

export interface InputReport {
  file: string;
  entries: number;
  creator: string | null;
  /** Whose CORS rules were applied: the browser that produced the HAR. */
  browser: BrowserName;
  /** False when the producer was not recognised and Chromium's rules were applied by default. */
  browserRecognised: boolean;
  /** Entries left out or read with defaults, with why. */
  problems: { entry: number; problem: string }[];
}

export interface ExchangeReport {
  id: string;
  input: number;
  method: string;
  url: string;
  origin: string | null;
  entries: { request: number | null; preflight: number | null; redirects: number[] };
  preflight: PreflightState;
  /** Why the request needed a preflight ("method PUT", "header authorization: …"). */
  preflightReasons: string[];
  credentials: CredentialsMode;
  credentialsEvidence: string;
  outcome: Outcome;
  browserError: CorsErrorName | null;
  failedParameter: string | null;
  netError: string | null;
  /** Firefox's console category for the same failure (Firefox's own verdict for this exchange). */
  firefoxError: FirefoxCategory | null;
  /** What each browser's console prints for this exchange, null when it prints nothing. */
  console: { chromium: string | null; firefox: string | null };
  browser: BrowserName;
  /** Which step failed: the preflight, the response, a redirect hop, or the network. */
  stage: Stage | null;
  mode: RequestMode;
  crossOrigin: boolean;
  /** The final response status (0: no response). */
  status: number | null;
  /** Where the other browser decides differently. */
  deviation: string | null;
  /** When credentials are unknown and matter: the verdict under each assumption. */
  alternatives: AlternativeReport[] | null;
  hops: HopReport[];
  /** Server software the response headers reveal (application frameworks first), with the header as evidence. */
  stacks: DetectedStack[];
  /**
   * curl commands that replay the preflight and the real request, with the headers the page sent. They carry the
   * request's credentials: exports pass the report through redactReport() unless the user opts in.
   */
  curl: { preflight: string | null; request: string | null };
  /** Root causes first, then the failed check, then advice. */
  diagnoses: DiagnosisReport[];
}

export interface AlternativeReport {
  credentials: 'include' | 'not-include';
  outcome: Outcome;
  browserError: CorsErrorName | null;
  failedParameter: string | null;
}

export interface HopReport {
  entry: number | null;
  url: string;
  method: string;
  status: number | null;
  preflight: number | null;
  /** The preflight's status (0: no response), null when there is no preflight entry. */
  preflightStatus: number | null;
  preflightState: PreflightState;
  /** The Origin sent at this hop ("null" after a tainting redirect). */
  origin: string;
}

export interface DiagnosisReport {
  rule: string;
  /** "root-cause": why the check failed; "check": the browser check that failed; "advice": warnings and notes. */
  kind: 'root-cause' | 'check' | 'advice';
  severity: Severity;
  title: string;
  message: string;
  evidence: Evidence[];
  fixes: string[];
  /** The fix in each stack's terms, detected stacks first. */
  stackFixes: StackFixReport[];
  /** The rule's documentation, relative to the repository root. */
  docs: string;
}
