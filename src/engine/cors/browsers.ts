// Where Chromium and Firefox decide differently (shared/docs/cors-reference.md §3.1), as data. The verdict
// pipeline follows the profile of the browser that produced the HAR and notes where the other would differ.

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserProfile {
  readonly name: BrowserName;
  readonly label: string;
  /** Chromium fails a redirected preflight before reading its headers; Firefox CORS-checks the 3xx response first. */
  readonly preflightRedirectFirst: boolean;
  /** Chromium upper-cases the request method before comparing it with Access-Control-Allow-Methods. */
  readonly caseInsensitiveRequestMethod: boolean;
  /** Firefox counts Access-Control-Allow-Origin lines; Chromium looks for ' ' or ',' in the combined value. */
  readonly multipleAllowOriginByLineCount: boolean;
  /** Chromium reports an unparsable ACAO as InvalidAllowOriginValue; Firefox as a mismatch. */
  readonly distinguishesInvalidAllowOrigin: boolean;
  /** Firefox rejects invalid tokens in Allow-Methods/Allow-Headers; Chromium's list parser accepts anything. */
  readonly validatesAllowListTokens: boolean;
  /** Both still let `Access-Control-Allow-Headers: *` cover Authorization, against the spec (R4). */
  readonly authorizationCoveredByWildcard: boolean;
}

export const CHROMIUM: BrowserProfile = {
  name: 'chromium',
  label: 'Chromium',
  preflightRedirectFirst: true,
  caseInsensitiveRequestMethod: true,
  multipleAllowOriginByLineCount: false,
  distinguishesInvalidAllowOrigin: true,
  validatesAllowListTokens: false,
  authorizationCoveredByWildcard: true,
};

export const FIREFOX: BrowserProfile = {
  name: 'firefox',
  label: 'Firefox',
  preflightRedirectFirst: false,
  caseInsensitiveRequestMethod: false,
  multipleAllowOriginByLineCount: true,
  distinguishesInvalidAllowOrigin: false,
  validatesAllowListTokens: true,
  authorizationCoveredByWildcard: true,
};

export function profileFor(name: BrowserName): BrowserProfile {
  return name === 'firefox' ? FIREFOX : CHROMIUM;
}

export function otherBrowser(profile: BrowserProfile): BrowserProfile {
  return profile.name === 'firefox' ? CHROMIUM : FIREFOX;
}

/**
 * Which browser wrote the HAR, from log.creator / log.browser. Chromium's DevTools writes "WebInspector".
 * Anything else is judged by Chromium's rules, and the report says the producer was not recognised.
 */
export function detectBrowser(
  creatorName: string | null,
  browserName: string | null,
): {
  name: BrowserName;
  recognised: boolean;
} {
  const names = `${creatorName ?? ''} ${browserName ?? ''}`.toLowerCase();
  if (/firefox|gecko/.test(names)) return { name: 'firefox', recognised: true };
  if (/webinspector|chrom|edge|opera|brave|electron/.test(names)) return { name: 'chromium', recognised: true };
  return { name: 'chromium', recognised: false };
}
