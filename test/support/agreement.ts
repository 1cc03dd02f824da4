// Whether the engine's verdict on an exchange is the browser's own: Chromium's CDP verdict, or the categories of
// Firefox's "Cross-Origin Request Blocked" console messages. Shared by the conformance tests on recorded captures and
// the lab's conformance runner on live browsers.
import type { ExchangeReport, FirefoxCategory } from '../../src/engine';

export interface Agreement {
  agree: boolean;
  /** The browser's verdict, in words for the report ("allowed", "AllowOriginMismatch", "net::ERR_…"). */
  browser: string;
  /** The engine's verdict in the same terms. */
  engine: string;
}

/** Chromium's verdict: null when the request loaded, else the CORS error or the net error of `loadingFailed`. */
export function chromiumAgreement(
  verdict: string | null,
  failedParameter: string,
  exchange: ExchangeReport | undefined,
): Agreement {
  const browser = verdict === null ? 'allowed' : failedParameter ? `${verdict} (${failedParameter})` : verdict;
  if (!exchange) return { agree: false, browser, engine: 'no exchange' };
  const engine = engineWords(exchange, exchange.browserError, exchange.failedParameter);
  if (verdict === null)
    return { agree: exchange.outcome === 'allowed' && exchange.browserError === null, browser, engine };
  if (verdict.startsWith('net::')) {
    return { agree: exchange.outcome === 'failed-not-cors' && exchange.netError === verdict, browser, engine };
  }
  const agree =
    exchange.outcome === 'blocked' &&
    exchange.browserError === verdict &&
    (exchange.failedParameter ?? '') === failedParameter;
  return { agree, browser, engine };
}

/** Firefox has one category for the preflight and the response; the engine names the stage Chromium's way. */
export const FIREFOX_TO_CHROMIUM: Record<string, string[]> = {
  CORSMissingAllowOrigin2: ['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader'],
  CORSMultipleAllowOriginNotAllowed: ['MultipleAllowOriginValues', 'PreflightMultipleAllowOriginValues'],
  CORSNotSupportingCredentials: ['WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed'],
  CORSAllowOriginNotMatchingOrigin: ['AllowOriginMismatch', 'PreflightAllowOriginMismatch'],
  CORSMissingAllowCredentials: ['InvalidAllowCredentials', 'PreflightInvalidAllowCredentials'],
  CORSExternalRedirectNotAllowed: ['PreflightDisallowedRedirect'],
  CORSPreflightDidNotSucceed3: ['PreflightInvalidStatus'],
  CORSMethodNotFound: ['MethodDisallowedByPreflightResponse'],
  CORSMissingAllowHeaderFromPreflight2: ['HeaderDisallowedByPreflightResponse'],
};

const FIREFOX_REASONS: readonly [FirefoxCategory, RegExp][] = [
  ['CORSDidNotSucceed2', /^CORS request did not succeed\)/],
  ['CORSRequestNotHttp', /^CORS request not http\)/],
  ['CORSMultipleAllowOriginNotAllowed', /^Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed\)/],
  ['CORSMissingAllowOrigin2', /^CORS header ‘Access-Control-Allow-Origin’ missing\)/],
  ['CORSNotSupportingCredentials', /^Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’/],
  ['CORSAllowOriginNotMatchingOrigin', /^CORS header ‘Access-Control-Allow-Origin’ does not match /],
  ['CORSMissingAllowCredentials', /^expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’\)/],
  ['CORSExternalRedirectNotAllowed', /^CORS request external redirect not allowed\)/],
  ['CORSPreflightDidNotSucceed3', /^CORS preflight response did not succeed\)/],
  ['CORSInvalidAllowMethod', /^invalid token ‘.*’ in CORS header ‘Access-Control-Allow-Methods’\)/],
  ['CORSMethodNotFound', /^Did not find method in CORS header ‘Access-Control-Allow-Methods’\)/],
  ['CORSInvalidAllowHeader', /^invalid token ‘.*’ in CORS header ‘Access-Control-Allow-Headers’\)/],
  [
    'CORSMissingAllowHeaderFromPreflight2',
    /^header ‘.*’ is not allowed according to header ‘Access-Control-Allow-Headers’/,
  ],
];

export interface FirefoxBlockedMessage {
  url: string;
  category: FirefoxCategory | 'unrecognised';
  /** From "(Reason: " on, as the fixtures' oracle quotes it. */
  reason: string;
  text: string;
}

/** Parses a "Cross-Origin Request Blocked" console message; null for any other message. */
export function parseFirefoxBlocked(text: string): FirefoxBlockedMessage | null {
  // Firefox quotes some URLs (‘…’), not others.
  const match = /^Cross-Origin Request Blocked: .* at ‘?(\S+?)’?\. \(Reason: ([\s\S]*)$/.exec(text);
  if (!match) return null;
  const [, url = '', reason = ''] = match;
  const category = FIREFOX_REASONS.find(([, pattern]) => pattern.test(reason))?.[0] ?? 'unrecognised';
  return { url, category, reason: `Reason: ${reason}`, text };
}

/**
 * Firefox's verdict from the categories of its messages for the request, in order: none means it loaded; a cause
 * first, then "did not succeed" for the request it then did not send; "did not succeed" alone is a network failure.
 */
export function firefoxAgreement(
  categories: readonly string[],
  exchange: ExchangeReport | undefined,
  pageFailed: boolean,
): Agreement {
  const primary = categories.find((c) => c !== 'CORSDidNotSucceed2');
  const browser =
    categories.length === 0 ? (pageFailed ? 'failed without a console message' : 'allowed') : categories.join(' + ');
  if (!exchange) return { agree: false, browser, engine: 'no exchange' };
  const engine = engineWords(exchange, exchange.firefoxError, null);
  if (categories.length === 0) {
    return { agree: !pageFailed && exchange.outcome === 'allowed' && exchange.firefoxError === null, browser, engine };
  }
  // "did not succeed" alone: Firefox gave up on the request (network error, refused redirect); the engine must
  // predict that same message, whether it counts the cause as CORS or not.
  if (!primary) {
    return { agree: exchange.outcome !== 'allowed' && exchange.firefoxError === 'CORSDidNotSucceed2', browser, engine };
  }
  const agree =
    exchange.outcome === 'blocked' &&
    exchange.firefoxError === primary &&
    (FIREFOX_TO_CHROMIUM[primary] ?? []).includes(exchange.browserError ?? '');
  return { agree, browser, engine };
}

function engineWords(exchange: ExchangeReport, error: string | null, parameter: string | null): string {
  if (exchange.outcome === 'allowed') return 'allowed';
  if (exchange.outcome === 'unknown') {
    const alternatives = (exchange.alternatives ?? []).map((a) => `${a.credentials}: ${a.browserError ?? a.outcome}`);
    return `undecided (${alternatives.join('; ')})`;
  }
  if (exchange.outcome === 'failed-not-cors') return exchange.netError ?? error ?? 'failed, not CORS';
  return parameter ? `${error} (${parameter})` : (error ?? exchange.outcome);
}
