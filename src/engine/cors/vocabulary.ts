// The browsers' own names for CORS failures and the console text they print, so reports can quote what the user
// saw. Chromium: services/network/public/mojom/cors.mojom + cors_error_string.cc. Firefox: security.properties.

export type CorsErrorName =
  | 'DisallowedByMode'
  | 'InvalidResponse'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'CorsDisabledScheme'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials';

export const CORS_ERROR_NAMES: readonly CorsErrorName[] = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
];

export type FirefoxCategory =
  | 'CORSDidNotSucceed2'
  | 'CORSRequestNotHttp'
  | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSMissingAllowOrigin2'
  | 'CORSNotSupportingCredentials'
  | 'CORSAllowOriginNotMatchingOrigin'
  | 'CORSMissingAllowCredentials'
  | 'CORSExternalRedirectNotAllowed'
  | 'CORSPreflightDidNotSucceed3'
  | 'CORSInvalidAllowMethod'
  | 'CORSMethodNotFound'
  | 'CORSInvalidAllowHeader'
  | 'CORSMissingAllowHeaderFromPreflight2';

export const FIREFOX_CATEGORIES: readonly FirefoxCategory[] = [
  'CORSDidNotSucceed2',
  'CORSRequestNotHttp',
  'CORSMultipleAllowOriginNotAllowed',
  'CORSMissingAllowOrigin2',
  'CORSNotSupportingCredentials',
  'CORSAllowOriginNotMatchingOrigin',
  'CORSMissingAllowCredentials',
  'CORSExternalRedirectNotAllowed',
  'CORSPreflightDidNotSucceed3',
  'CORSInvalidAllowMethod',
  'CORSMethodNotFound',
  'CORSInvalidAllowHeader',
  'CORSMissingAllowHeaderFromPreflight2',
];

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
const NO_CORS_HINT =
  " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
const MISSING_NO_CORS_HINT =
  " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
const XHR_CREDENTIALS_NOTE =
  ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';

function chromiumDetail(error: CorsErrorName, p: string, initiator: string): string {
  const base =
    error.startsWith('Preflight') && error !== 'PreflightInvalidStatus' && error !== 'PreflightDisallowedRedirect'
      ? (error.slice('Preflight'.length) as CorsErrorName)
      : error;
  const fetchHint = initiator === 'fetch';
  const xhr = initiator === 'XMLHttpRequest';
  switch (base) {
    case 'MissingAllowOriginHeader':
      return (
        "No 'Access-Control-Allow-Origin' header is present on the requested resource." +
        (fetchHint ? MISSING_NO_CORS_HINT : '')
      );
    case 'MultipleAllowOriginValues':
      return (
        `The 'Access-Control-Allow-Origin' header contains multiple values '${p}', but only one is allowed.` +
        (fetchHint ? NO_CORS_HINT : '')
      );
    case 'InvalidAllowOriginValue':
      return (
        `The 'Access-Control-Allow-Origin' header contains the invalid value '${p}'.` + (fetchHint ? NO_CORS_HINT : '')
      );
    case 'AllowOriginMismatch':
      return (
        `The 'Access-Control-Allow-Origin' header has a value '${p}' that is not equal to the supplied origin.` +
        (fetchHint ? NO_CORS_HINT : '')
      );
    case 'WildcardOriginNotAllowed':
      return (
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'." +
        (xhr ? XHR_CREDENTIALS_NOTE : '')
      );
    case 'InvalidAllowCredentials':
      return (
        `The value of the 'Access-Control-Allow-Credentials' header in the response is '${p}' which must be 'true' when the request's credentials mode is 'include'.` +
        (xhr ? XHR_CREDENTIALS_NOTE : '')
      );
    case 'PreflightInvalidStatus':
      return 'It does not have HTTP ok status.';
    case 'PreflightDisallowedRedirect':
      return 'Redirect is not allowed for a preflight request.';
    case 'InvalidResponse':
      return 'The response is invalid.';
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${p} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${p} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'RedirectContainsCredentials':
      return `Redirect location '${p}' contains a username and password, which is disallowed for cross-origin requests.`;
    case 'DisallowedByMode':
      return 'Cross origin requests are not allowed by request mode.';
    case 'CorsDisabledScheme':
      return 'Cross origin requests are only supported for protocol schemes: http, https.';
    default:
      return base;
  }
}

export interface ConsoleContext {
  /** The URL that was blocked (the last hop for a redirected request). */
  url: string;
  /** The URL the script asked for, when the request was redirected. */
  initialUrl: string | null;
  origin: string;
  /** Chromium's initiator word: fetch, XMLHttpRequest, script, font, … */
  initiator: string;
  parameter: string | null;
  status: number;
}

/** The error line Chromium's console prints for this failure. */
export function chromiumConsoleMessage(error: CorsErrorName, ctx: ConsoleContext): string {
  const isPreflight =
    error.startsWith('Preflight') && error !== 'PreflightInvalidStatus' && error !== 'PreflightDisallowedRedirect';
  const prefix =
    isPreflight || error === 'PreflightInvalidStatus' || error === 'PreflightDisallowedRedirect'
      ? PREFLIGHT_PREFIX
      : '';
  const redirected = ctx.initialUrl && ctx.initialUrl !== ctx.url ? ` (redirected from '${ctx.initialUrl}')` : '';
  return (
    `Access to ${ctx.initiator} at '${ctx.url}'${redirected} from origin '${ctx.origin}' has been blocked by CORS policy: ` +
    prefix +
    chromiumDetail(error, ctx.parameter ?? '', ctx.initiator)
  );
}

/** The "Cross-Origin Request Blocked" line Firefox's console prints for this failure. */
export function firefoxConsoleMessage(category: FirefoxCategory, ctx: ConsoleContext): string {
  const p = ctx.parameter ?? '';
  const status = ctx.status > 0 ? String(ctx.status) : '(null)';
  const reason: Record<FirefoxCategory, string> = {
    CORSDidNotSucceed2: `CORS request did not succeed). Status code: ${status}.`,
    CORSRequestNotHttp: 'CORS request not http).',
    CORSMultipleAllowOriginNotAllowed: 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).',
    CORSMissingAllowOrigin2: `CORS header ‘Access-Control-Allow-Origin’ missing). Status code: ${status}.`,
    CORSNotSupportingCredentials:
      'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).',
    CORSAllowOriginNotMatchingOrigin: `CORS header ‘Access-Control-Allow-Origin’ does not match ‘${p}’).`,
    CORSMissingAllowCredentials: 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).',
    CORSExternalRedirectNotAllowed: 'CORS request external redirect not allowed).',
    CORSPreflightDidNotSucceed3: `CORS preflight response did not succeed). Status code: ${status}.`,
    CORSInvalidAllowMethod: `invalid token ‘${p}’ in CORS header ‘Access-Control-Allow-Methods’).`,
    CORSMethodNotFound: 'Did not find method in CORS header ‘Access-Control-Allow-Methods’).',
    CORSInvalidAllowHeader: `invalid token ‘${p}’ in CORS header ‘Access-Control-Allow-Headers’).`,
    CORSMissingAllowHeaderFromPreflight2: `header ‘${p}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).`,
  };
  return `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${ctx.url}. (Reason: ${reason[category]}`;
}

/** Chromium's console word for the request's initiator, from HAR `_resourceType`. */
export function initiatorWord(resourceType: string | null): string {
  if (resourceType === 'xhr') return 'XMLHttpRequest';
  if (!resourceType || resourceType === 'fetch' || resourceType === 'preflight' || resourceType === 'other')
    return 'fetch';
  return resourceType;
}
