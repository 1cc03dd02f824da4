// Credentials never leave CORS Doctor in an export unless the user opts in. Presence and length stay visible:
// whether a request carried Authorization, a Cookie or an access token matters to the diagnosis.
// This is the one place that decides what a secret is and how it is masked: redactReport() (redact-report.ts,
// every export of a report: CLI output, panel exports), the panel's HAR export and rules that quote a credential
// all use it.

import { memoize } from './memo';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'set-cookie2']);
const SECRET_NAME = /(^|[-_])(api[-_]?key|token|secret|session|password|auth)([-_]|$)|^x-(api|auth|access|csrf|xsrf)-/i;

/** Query (and fragment, and `;` matrix) parameters that carry credentials: OAuth, API keys, signed URLs, sessions. */
const SECRET_PARAMS = new Set([
  'access_token',
  'api_key',
  'apikey',
  'auth',
  'client_secret',
  'code',
  'credential',
  'id_token',
  'jsessionid',
  'jwt',
  'key',
  'passwd',
  'password',
  'phpsessid',
  'pwd',
  'refresh_token',
  'secret',
  'session',
  'sessionid',
  'sid',
  'sig',
  'signature',
  'ticket',
  'token',
]);
const SECRET_PARAM_NAME =
  /(^|[-_.])(access[-_]?token|api[-_]?key|token|secret|password|passwd|signature|session|auth|credential|jwt)([-_.]|$)/i;

/** The mark that replaces a secret: it keeps the secret's presence and length, and nothing else. */
export function redactionMark(secret: string): string {
  return `<redacted: ${secret.length} chars>`;
}

const MARK = /^<redacted: \d+ chars>$/;
const MARK_INSIDE = /<redacted: \d+ chars>/;
/** Already masked (by this module, or by a rule that replaced a cookie value by "…"), or a placeholder. */
function isMasked(value: string): boolean {
  return MARK.test(value) || value === '…' || value === '' || value === '<value>';
}

/** Asked for every header of every exchange an export quotes; a capture has a few hundred distinct names. */
export const isSecretHeader = memoize((name: string): boolean => {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || SECRET_NAME.test(lower);
}, 10_000);

export function isSecretParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep it as written
  }
  const lower = decoded.toLowerCase();
  return (
    SECRET_PARAMS.has(lower) ||
    SECRET_PARAM_NAME.test(lower) ||
    /^x-(amz|goog)-(signature|credential|security-token)$/.test(lower)
  );
}

/** "Bearer <redacted: 36 chars>": keeps an auth scheme, hides the credential. */
export function redactValue(name: string, value: string): string {
  const { scheme, secret } = splitCredential(name, value);
  if (isMasked(secret)) return value;
  return `${scheme ? `${scheme} ` : ''}${redactionMark(secret)}`;
}

/** Authorization's scheme ("Bearer", "Basic") is not secret; the rest of the value is. */
function splitCredential(name: string, value: string): { scheme: string | undefined; secret: string } {
  const scheme = /^(authorization|proxy-authorization)$/i.test(name) ? /^(\w+)\s+/.exec(value)?.[1] : undefined;
  return { scheme, secret: scheme ? value.slice(scheme.length).trim() : value };
}

/**
 * A header value fit to export: secret headers masked, and token-like parameters of URLs in any other header
 * (Location, Referer, Link). Cookies keep their names and Set-Cookie its attributes
 * (`sid=<redacted: 32 chars>; Path=/; SameSite=Lax`): which cookie, and its SameSite, explain CORS failures.
 */
export function redactHeader(name: string, value: string): string {
  if (!isSecretHeader(name)) return redactUrls(value);
  const lower = name.toLowerCase();
  if (lower === 'cookie') return value.split(/;\s*/).map(redactCookiePair).join('; ');
  if (lower === 'set-cookie' || lower === 'set-cookie2') {
    return setCookieLines(value)
      .map((line, i) => {
        if (i % 2 === 1) return line;
        const [pair = '', ...attributes] = line.split(';');
        return [redactCookiePair(pair), ...attributes].join(';');
      })
      .join('');
  }
  return redactValue(name, value);
}

/**
 * The parts of a header value that redactHeader() masks, as they appear in it: what an export must not show
 * anywhere else either. Empty for a header that is not secret or is masked already.
 */
export function secretParts(name: string, value: string): string[] {
  if (!isSecretHeader(name)) return [];
  const lower = name.toLowerCase();
  let parts: string[];
  if (lower === 'cookie') parts = value.split(/;\s*/).map(cookieValue);
  else if (lower === 'set-cookie' || lower === 'set-cookie2') {
    parts = setCookieLines(value)
      .filter((_, i) => i % 2 === 0)
      .map((line) => cookieValue(line.split(';')[0] ?? ''));
  } else parts = [splitCredential(name, value).secret];
  return [...new Set(parts.map((part) => part.trim()).filter((part) => !isMasked(part) && !MARK_INSIDE.test(part)))];
}

/**
 * Set-Cookie lines and the separators between them, alternating: lines arrive joined by newlines (Firefox) or by
 * ", " (a header list; the ", " of an Expires date is not followed by name=).
 */
function setCookieLines(value: string): string[] {
  return value.split(/(\n|,\s*(?=[^;,=\s]+=))/);
}

function cookieValue(pair: string): string {
  return pair.slice(pair.indexOf('=') + 1);
}

function redactCookiePair(pair: string): string {
  const equals = pair.indexOf('=');
  if (equals === -1) return isMasked(pair.trim()) ? pair : redactionMark(pair);
  const value = pair.slice(equals + 1);
  return isMasked(value.trim()) ? pair : `${pair.slice(0, equals + 1)}${redactionMark(value)}`;
}

/**
 * `?name=value`, `&name=value` and `#name=value` (OAuth implicit flow); and `;name=value` (jsessionid), which ends
 * where the path's next segment or the query starts.
 */
const PARAM = /([?&#])([^=&;#?\s'"`<>]+)=([^&;#\s'"`<>]*)|(;)([^=&;#?/\s'"`<>]+)=([^&;#?/\s'"`<>]*)/g;
/** The password of `scheme://user:password@host`. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:'"`<>]*:)([^/?#@\s'"`<>]+)@/gi;

/**
 * Masks the credentials in URLs anywhere in `text` (a URL, a console line, a message that quotes a URL): token-like
 * query parameters and the password of user:password@. Everything else is left exactly as it was.
 */
export function redactUrls(text: string): string {
  if (!/[?&;#@]/.test(text)) return text;
  return text
    .replace(PARAM, (match, ...groups: (string | undefined)[]) => {
      const [separator = '', name = '', value = ''] = groups[0] === undefined ? groups.slice(3, 6) : groups.slice(0, 3);
      if (value === '' || !isSecretParam(name) || isMasked(value)) return match;
      return `${separator}${name}=${redactionMark(value)}`;
    })
    .replace(USERINFO, (_, before: string, password: string) => `${before}${redactionMark(password)}@`);
}
