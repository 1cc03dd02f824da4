import type { BrowserProfile } from './cors/browsers';
import type { UnsafeHeader } from './cors/safelist';
import type { CorsErrorName, FirefoxCategory } from './cors/vocabulary';
import type { Entry } from './har/normalize';

export type PreflightState = 'observed' | 'not-needed' | 'not-observed';

/** Fetch request modes as far as the HAR shows them (Sec-Fetch-Mode, or inferred). */
export type RequestMode = 'cors' | 'no-cors' | 'navigate' | 'same-origin' | 'websocket' | 'unknown';

/** One request of a redirect chain, with its own preflight (a redirect can trigger a new one). */
export interface Hop {
  /** Null only when the real request is not in the capture (blocked at the preflight, or lost). */
  readonly entry: Entry | null;
  readonly url: string;
  readonly method: string;
  readonly preflight: Entry | null;
  readonly preflightState: PreflightState;
  /** Why this hop needed a preflight (empty when it did not). */
  readonly preflightReasons: readonly PreflightReason[];
  /** The Origin the browser sends at this hop: the page origin, or "null" after a tainting redirect (R12). */
  readonly origin: string;
  /** Response tainting is "cors" here: the chain has left the page's origin, so the CORS check applies. */
  readonly corsChecked: boolean;
}

export type PreflightReason =
  { readonly kind: 'method'; readonly method: string } | ({ readonly kind: 'header' } & UnsafeHeader);

/** A real request with its preflight(s) and redirect hops: the unit the verdict is about. */
export interface Exchange {
  /** Stable within a capture: `<input>:<first entry index>`. */
  readonly id: string;
  readonly input: number;
  readonly method: string;
  readonly url: string;
  /** The page's origin (the request's origin), or null when the capture does not show it. */
  readonly origin: string | null;
  readonly crossOrigin: boolean;
  readonly mode: RequestMode;
  readonly hops: readonly Hop[];
  /** Chromium's `_resourceType` of the real request. */
  readonly resourceType: string | null;
}

export type Outcome = 'allowed' | 'blocked' | 'failed-not-cors' | 'unknown';
export type Stage = 'network' | 'preflight' | 'response' | 'redirect';
export type Severity = 'error' | 'warning' | 'info';

/** A place in the capture that supports a diagnosis; the panel highlights it, exports quote it. */
export interface Evidence {
  /** Index in log.entries. */
  readonly entry: number;
  readonly role: 'preflight' | 'request' | 'redirect';
  readonly location: 'response-header' | 'request-header' | 'status' | 'error' | 'url';
  /** Header name, for header evidence. */
  readonly name?: string;
  /** What the capture holds (null: absent). */
  readonly actual: string | null;
  /** What the browser needed, when that is a single value. */
  readonly expected?: string;
}

export interface Finding {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** The browser's failed_parameter for this failure. */
  readonly parameter?: string | null;
  /** For network-stage failures: the net error the browser reported, or our name for it. */
  readonly netError?: string | null;
  /** Overrides the rule's Firefox category for this finding (null: Firefox logs none here). */
  readonly firefox?: FirefoxCategory | null;
  readonly evidence: readonly Evidence[];
}

/** The check that decided a verdict. */
export interface Failure {
  readonly rule: string;
  /** "blocked" for CORS checks, "failed-not-cors" for network-level failures. */
  readonly outcome: 'blocked' | 'failed-not-cors';
  readonly stage: Stage;
  readonly hop: number;
  /** The entry whose response failed, or null for failures derived without one. */
  readonly entry: Entry | null;
  readonly chromium: CorsErrorName | null;
  readonly firefox: FirefoxCategory | null;
  readonly finding: Finding;
}

/** What one browser does with an exchange under one credentials assumption. */
export interface Verdict {
  readonly browser: BrowserProfile;
  readonly credentials: boolean;
  readonly outcome: Outcome;
  readonly failure: Failure | null;
  /** Why the outcome is unknown, when it is. */
  readonly unknownReason?: string;
  /** Headers or methods that passed only because both browsers still honour a wildcard the spec rejects. */
  readonly wildcardAuthorization: boolean;
}

export type CredentialsMode = 'include' | 'not-include' | 'unknown';

export interface CredentialsInference {
  readonly mode: CredentialsMode;
  readonly evidence: string;
}
