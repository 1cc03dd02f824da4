// The browser's CORS algorithm as an ordered run of check rules (Fetch §3 R5–R12), per browser: the first check
// that fails decides the verdict. The order is where Chromium and Firefox differ most, so it is spelled out here.
import { allowsHeader, parseRequestedHeaders, parseTokenList } from './cors/header-lists';
import type { BrowserProfile } from './cors/browsers';
import { storedCopyFor } from './cors/http-cache';
import type { CaptureFacts } from './capture-facts';
import { isRedirectStatus, wasNeverSent } from './har/entry-facts';
import type { Entry } from './har/normalize';
import type { Exchange, Failure, Hop, Stage, Verdict } from './model';
import type { CheckContext, CheckRule } from './rules/define-rule';
import { checkRules } from './rules/index';

type CheckId = keyof typeof checkRules;

const ALLOW_ORIGIN_CHROMIUM: CheckId[] = [
  // cors.cc CheckAccessInternal: wildcard, then missing, then the kinds of "not equal", then credentials.
  'allow-origin-wildcard-with-credentials',
  'allow-origin-missing',
  'allow-origin-multiple',
  'allow-origin-invalid',
  'allow-origin-mismatch',
  'allow-credentials-not-true',
];

const ALLOW_ORIGIN_FIREFOX: CheckId[] = [
  // nsCORSListenerProxy::CheckRequestApproved: header lines counted first.
  'allow-origin-multiple',
  'allow-origin-missing',
  'allow-origin-wildcard-with-credentials',
  'allow-origin-mismatch',
  'allow-credentials-not-true',
];

const PREFLIGHT_TAIL: CheckId[] = [
  'preflight-status-not-ok',
  'allow-methods-invalid',
  'method-not-allowed',
  'allow-headers-invalid',
  'header-not-allowed',
];

const NETWORK: CheckId[] = ['mixed-content', 'blocked-by-client', 'opaque-response-blocked', 'network-error'];

const pipelines = new WeakMap<BrowserProfile, Map<Stage, readonly CheckId[]>>();

/** The checks `browser` runs at `stage`, in its order (computed once per browser and stage). */
export function pipeline(browser: BrowserProfile, stage: Stage): readonly CheckId[] {
  let byStage = pipelines.get(browser);
  if (!byStage) pipelines.set(browser, (byStage = new Map()));
  let checks = byStage.get(stage);
  if (!checks) byStage.set(stage, (checks = buildPipeline(browser, stage)));
  return checks;
}

function buildPipeline(browser: BrowserProfile, stage: Stage): CheckId[] {
  const allowOrigin = browser.name === 'firefox' ? ALLOW_ORIGIN_FIREFOX : ALLOW_ORIGIN_CHROMIUM;
  switch (stage) {
    case 'network':
      return NETWORK;
    case 'preflight':
      // Chromium fails any redirected preflight at once; Firefox first CORS-checks the 3xx response itself.
      return browser.preflightRedirectFirst
        ? ['preflight-no-response', 'preflight-redirect-disallowed', ...allowOrigin, ...PREFLIGHT_TAIL]
        : ['preflight-no-response', ...allowOrigin, 'preflight-redirect-disallowed', ...PREFLIGHT_TAIL];
    case 'redirect':
      return [...allowOrigin, 'redirect-contains-credentials'];
    case 'response':
      return allowOrigin;
  }
}

/**
 * What `browser` decides for `exchange` if the request was (or was not) sent with credentials. With the `capture`,
 * a request the browser answered from its HTTP cache is judged on the copy it reused (storedCopyFor).
 */
export function evaluate(
  exchange: Exchange,
  browser: BrowserProfile,
  credentials: boolean,
  capture?: CaptureFacts,
): Verdict {
  const base = { browser, credentials };
  let wildcardAuthorization = false;
  for (const [hopIndex, hop] of exchange.hops.entries()) {
    const run = (stage: Stage, response: Entry): Failure | null =>
      runChecks({ exchange, hop, hopIndex, stage, response, credentials, browser });

    if (hop.entry) {
      const failure = run('network', hop.entry);
      if (failure) return { ...base, outcome: failure.outcome, failure, wildcardAuthorization };
    }
    if (!hop.corsChecked) continue;

    if (hop.preflight) {
      const failure = run('preflight', hop.preflight);
      if (failure) return { ...base, outcome: failure.outcome, failure, wildcardAuthorization };
      wildcardAuthorization ||= authorizationOnlyByWildcard(hop.preflight, credentials, browser);
    } else if (hop.preflightState === 'not-observed' && (!hop.entry || wasNeverSent(hop.entry))) {
      return {
        ...base,
        outcome: 'blocked',
        failure: null,
        unknownReason:
          'The request was never sent and its preflight is not in the capture, so which check failed cannot be told.',
        wildcardAuthorization,
      };
    }

    if (!hop.entry) {
      return {
        ...base,
        outcome: 'unknown',
        failure: null,
        unknownReason:
          'The preflight passed every check, but the real request is not in the capture (Firefox reports only requests that got a response; the capture may have ended first).',
        wildcardAuthorization,
      };
    }
    if (wasNeverSent(hop.entry)) {
      const stored = capture ? storedCopyFor(hop.entry, hop.origin, capture) : null;
      const failure = stored && !stored.redirectUrl ? run('response', stored) : null;
      if (failure) return { ...base, outcome: failure.outcome, failure, wildcardAuthorization };
      return {
        ...base,
        outcome: 'unknown',
        failure: null,
        unknownReason: 'The browser did not send the request, but every check visible in the capture passes.',
        wildcardAuthorization,
      };
    }

    const redirected = Boolean(hop.entry.redirectUrl) && (isRedirectStatus(hop.entry.status) || hop.entry.status === 0);
    const stage: Stage = redirected ? 'redirect' : 'response';
    const failure = run(stage, hop.entry);
    if (failure) return { ...base, outcome: failure.outcome, failure, wildcardAuthorization };
    if (redirected && hopIndex === exchange.hops.length - 1) {
      // The redirect passed its checks, and its target is not in the capture. Firefox records a redirect chain that
      // then failed the CORS check this way: the 3xx with status 0, and no entry for the target (CORS lab).
      return {
        ...base,
        outcome: hop.entry.status === 0 ? 'blocked' : 'unknown',
        failure: null,
        unknownReason: `The request was redirected to ${hop.entry.redirectUrl}, and the capture has no entry for that request, so the check that failed there cannot be told.`,
        wildcardAuthorization,
      };
    }
  }
  return { ...base, outcome: 'allowed', failure: null, wildcardAuthorization };
}

function runChecks(context: CheckContext): Failure | null {
  for (const id of pipeline(context.browser, context.stage)) {
    const rule: CheckRule = checkRules[id];
    const finding = rule.check(context);
    if (!finding) continue;
    return {
      rule: rule.id,
      outcome: rule.meta.outcome,
      stage: context.stage,
      hop: context.hopIndex,
      entry: context.response,
      chromium: rule.meta.chromium[context.stage] ?? null,
      firefox: finding.firefox !== undefined ? finding.firefox : rule.meta.firefox,
      finding,
    };
  }
  return null;
}

/** Authorization passed only through `Access-Control-Allow-Headers: *`, which the spec (R4) says must not cover it. */
function authorizationOnlyByWildcard(preflight: Entry, credentials: boolean, browser: BrowserProfile): boolean {
  const requested = parseRequestedHeaders(preflight.requestHeaders.get('access-control-request-headers'));
  if (!requested.includes('authorization')) return false;
  const list = parseTokenList(preflight.responseHeaders.get('access-control-allow-headers'));
  return allowsHeader(list, 'authorization', {
    credentials,
    authorizationCoveredByWildcard: browser.authorizationCoveredByWildcard,
  }).byWildcard;
}

export function sameVerdict(a: Verdict, b: Verdict): boolean {
  return (
    a.outcome === b.outcome &&
    a.failure?.rule === b.failure?.rule &&
    a.failure?.chromium === b.failure?.chromium &&
    a.failure?.finding.parameter === b.failure?.finding.parameter
  );
}

export type { Hop };
