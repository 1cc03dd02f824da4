// The rule registry, alphabetical within each kind. test/engine/rules-meta.test.ts keeps it in step with the
// rule files, their docs and their tests.
import allowCredentialsNotTrue from './allow-credentials-not-true';
import allowHeadersInvalid from './allow-headers-invalid';
import allowMethodsInvalid from './allow-methods-invalid';
import allowOriginInvalid from './allow-origin-invalid';
import allowOriginMismatch from './allow-origin-mismatch';
import allowOriginMissing from './allow-origin-missing';
import allowOriginMultiple from './allow-origin-multiple';
import allowOriginWildcardWithCredentials from './allow-origin-wildcard-with-credentials';
import authorizationCoveredByWildcard from './authorization-covered-by-wildcard';
import blockedByClient from './blocked-by-client';
import credentialsModeUnknown from './credentials-mode-unknown';
import errorStatusWithoutCors from './error-status-without-cors';
import headerNotAllowed from './header-not-allowed';
import methodNotAllowed from './method-not-allowed';
import mixedContent from './mixed-content';
import networkError from './network-error';
import noCorsOpaque from './no-cors-opaque';
import opaqueResponseBlocked from './opaque-response-blocked';
import preflightNoResponse from './preflight-no-response';
import preflightNotObserved from './preflight-not-observed';
import preflightRedirectDisallowed from './preflight-redirect-disallowed';
import preflightStatusNotOk from './preflight-status-not-ok';
import redirectContainsCredentials from './redirect-contains-credentials';
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
  'authorization-covered-by-wildcard': authorizationCoveredByWildcard,
  'credentials-mode-unknown': credentialsModeUnknown,
  'error-status-without-cors': errorStatusWithoutCors,
  'no-cors-opaque': noCorsOpaque,
  'preflight-not-observed': preflightNotObserved,
  'verdict-not-derived': verdictNotDerived,
} satisfies Record<string, AdviceRule>;

export const allRules: readonly Rule[] = [...Object.values(checkRules), ...Object.values(adviceRules)];
