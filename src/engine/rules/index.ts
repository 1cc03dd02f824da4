// The rule registry, alphabetical within each kind. test/engine/rules-meta.test.ts keeps it in step with the
// rule files, their docs and their tests.
import allowCredentialsNotTrue from './allow-credentials-not-true';
import allowHeadersInvalid from './allow-headers-invalid';
import allowMethodsInvalid from './allow-methods-invalid';
import allowOriginDuplicated from './allow-origin-duplicated';
import allowOriginInvalid from './allow-origin-invalid';
import allowOriginMismatch from './allow-origin-mismatch';
import allowOriginMissing from './allow-origin-missing';
import allowOriginMultiple from './allow-origin-multiple';
import allowOriginNearMiss from './allow-origin-near-miss';
import allowOriginNull from './allow-origin-null';
import allowOriginWildcardWithCredentials from './allow-origin-wildcard-with-credentials';
import allowOriginWrongEnvironment from './allow-origin-wrong-environment';
import apiWrongEnvironment from './api-wrong-environment';
import authorizationCoveredByWildcard from './authorization-covered-by-wildcard';
import blockedByClient from './blocked-by-client';
import cacheMissingVaryOrigin from './cache-missing-vary-origin';
import cookieBlockedCrossSite from './cookie-blocked-cross-site';
import credentialsModeUnknown from './credentials-mode-unknown';
import credentialsWildcard from './credentials-wildcard';
import errorStatusWithoutCors from './error-status-without-cors';
import headerNotAllowed from './header-not-allowed';
import localNetworkAccess from './local-network-access';
import methodNotAllowed from './method-not-allowed';
import mixedContent from './mixed-content';
import networkError from './network-error';
import noCorsOpaque from './no-cors-opaque';
import notACorsError from './not-a-cors-error';
import opaqueResponseBlocked from './opaque-response-blocked';
import preflightNoResponse from './preflight-no-response';
import preflightNotObserved from './preflight-not-observed';
import preflightRedirect from './preflight-redirect';
import preflightRedirectDisallowed from './preflight-redirect-disallowed';
import preflightRejectedByAuth from './preflight-rejected-by-auth';
import preflightRouteMissing from './preflight-route-missing';
import preflightServerError from './preflight-server-error';
import preflightStatusNotOk from './preflight-status-not-ok';
import preflightTrigger from './preflight-trigger';
import redirectContainsCredentials from './redirect-contains-credentials';
import redirectTaintedOrigin from './redirect-tainted-origin';
import varyOriginMissing from './vary-origin-missing';
import verdictNotDerived from './verdict-not-derived';
import type { AdviceRule, CheckRule, Rule } from './define-rule';

/** Steps of the browsers' CORS algorithm; verdict.ts runs them in each browser's order. */
export const checkRules = {
  'allow-credentials-not-true': allowCredentialsNotTrue,
  'allow-headers-invalid': allowHeadersInvalid,
  'allow-methods-invalid': allowMethodsInvalid,
  'allow-origin-invalid': allowOriginInvalid,
  'allow-origin-mismatch': allowOriginMismatch,
  'allow-origin-missing': allowOriginMissing,
  'allow-origin-multiple': allowOriginMultiple,
  'allow-origin-wildcard-with-credentials': allowOriginWildcardWithCredentials,
  'blocked-by-client': blockedByClient,
  'header-not-allowed': headerNotAllowed,
  'method-not-allowed': methodNotAllowed,
  'mixed-content': mixedContent,
  'network-error': networkError,
  'opaque-response-blocked': opaqueResponseBlocked,
  'preflight-no-response': preflightNoResponse,
  'preflight-redirect-disallowed': preflightRedirectDisallowed,
  'preflight-status-not-ok': preflightStatusNotOk,
  'redirect-contains-credentials': redirectContainsCredentials,
} satisfies Record<string, CheckRule>;

/** Explanations and warnings added once the verdict is known. */
export const adviceRules = {
  'allow-origin-duplicated': allowOriginDuplicated,
  'allow-origin-near-miss': allowOriginNearMiss,
  'allow-origin-null': allowOriginNull,
  'allow-origin-wrong-environment': allowOriginWrongEnvironment,
  'api-wrong-environment': apiWrongEnvironment,
  'authorization-covered-by-wildcard': authorizationCoveredByWildcard,
  'cache-missing-vary-origin': cacheMissingVaryOrigin,
  'cookie-blocked-cross-site': cookieBlockedCrossSite,
  'credentials-mode-unknown': credentialsModeUnknown,
  'credentials-wildcard': credentialsWildcard,
  'error-status-without-cors': errorStatusWithoutCors,
  'local-network-access': localNetworkAccess,
  'no-cors-opaque': noCorsOpaque,
  'not-a-cors-error': notACorsError,
  'preflight-not-observed': preflightNotObserved,
  'preflight-redirect': preflightRedirect,
  'preflight-rejected-by-auth': preflightRejectedByAuth,
  'preflight-route-missing': preflightRouteMissing,
  'preflight-server-error': preflightServerError,
  'preflight-trigger': preflightTrigger,
  'redirect-tainted-origin': redirectTaintedOrigin,
  'vary-origin-missing': varyOriginMissing,
  'verdict-not-derived': verdictNotDerived,
} satisfies Record<string, AdviceRule>;

export const allRules: readonly Rule[] = [...Object.values(checkRules), ...Object.values(adviceRules)];
