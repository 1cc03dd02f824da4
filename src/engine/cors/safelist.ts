// The Fetch standard's CORS-safelisting rules (R1–R3 in shared/docs/cors-reference.md §3): what makes a request
// need a preflight, and which names it lists in Access-Control-Request-Headers.
import type { HeaderList } from '../har/headers';

/** R1: GET, HEAD and POST, compared as bytes (so "post" is not safelisted, but browsers normalize it first). */
export function isSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

/** Fetch's method normalization: only these six are upper-cased; "patch" stays "patch". */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}

const MAX_SAFELISTED_VALUE_BYTES = 128;
const MAX_SAFELISTED_TOTAL_BYTES = 1024;

/** Why a header is not CORS-safelisted, in words fit for a message; null when it is safelisted. */
export function whyNotSafelisted(name: string, value: string): string | null {
  const lower = name.toLowerCase();
  const bytes = byteLength(value);
  if (!['accept', 'accept-language', 'content-language', 'content-type', 'range'].includes(lower)) {
    return lower === 'authorization'
      ? 'Authorization is never CORS-safelisted'
      : `${lower} is not a CORS-safelisted header`;
  }
  if (bytes > MAX_SAFELISTED_VALUE_BYTES) return `its value is ${bytes} bytes, over the 128-byte limit`;
  switch (lower) {
    case 'accept':
      return hasUnsafeByte(value) ? 'its value contains a character CORS does not allow' : null;
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value) ? null : 'its value contains a character CORS does not allow';
    case 'content-type': {
      if (hasUnsafeByte(value)) return 'its value contains a character CORS does not allow';
      const essence = parseMimeEssence(value);
      if (essence === null) return `"${value}" is not a valid MIME type`;
      return SAFELISTED_CONTENT_TYPES.has(essence)
        ? null
        : `${essence} is not one of application/x-www-form-urlencoded, multipart/form-data or text/plain`;
    }
    case 'range':
      return /^bytes=\d+-\d*$/.test(value) ? null : `"${value}" is not a simple single byte range`;
  }
  return null;
}

const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Headers a page's script cannot set, or that the browser adds itself after the CORS decision: they never make a
 * request "unsafe". (Forbidden request-headers, the Sec-/Proxy- prefixes, and headers the network stack adds,
 * including Pragma/Cache-Control from DevTools' "Disable cache".)
 */
export function isBrowserControlledHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('sec-') || lower.startsWith('proxy-') || lower.startsWith(':') || BROWSER_HEADERS.has(lower);
}

/** Fetch's forbidden request-header names: a script cannot set them; the browser does. */
export const FORBIDDEN_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/** Headers the browser or DevTools add after the CORS decision, though a script could also set some of them. */
const BROWSER_ADDED_HEADERS = [
  'access-control-request-private-network',
  'cache-control',
  'pragma',
  'priority',
  'upgrade-insecure-requests',
  'user-agent',
  'x-client-data',
];

const BROWSER_HEADERS = new Set([...FORBIDDEN_REQUEST_HEADERS, ...BROWSER_ADDED_HEADERS]);

export interface UnsafeHeader {
  name: string;
  reason: string;
}

/**
 * R3: the CORS-unsafe request-header names of a request, sorted and lower-cased, each with the reason; these are
 * what the browser lists in Access-Control-Request-Headers.
 */
export function unsafeRequestHeaders(headers: HeaderList): UnsafeHeader[] {
  const unsafe = new Map<string, string>();
  let safelistedBytes = 0;
  const safelisted: string[] = [];
  for (const { name, value } of headers.all) {
    if (isBrowserControlledHeader(name)) continue;
    const lower = name.toLowerCase();
    const reason = whyNotSafelisted(lower, value);
    if (reason) unsafe.set(lower, reason);
    else {
      safelistedBytes += byteLength(value);
      safelisted.push(lower);
    }
  }
  if (safelistedBytes > MAX_SAFELISTED_TOTAL_BYTES) {
    for (const name of safelisted) {
      if (!unsafe.has(name)) {
        unsafe.set(name, `the safelisted headers total ${safelistedBytes} bytes, over the 1024-byte limit`);
      }
    }
  }
  return [...unsafe.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, reason]) => ({ name, reason }));
}

/** A CORS-unsafe request-header byte: controls other than tab, `"():<>?@[\]{}`, and DEL. */
function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || '"():<>?@[\\]{}'.includes(value[i] as string)) return true;
  }
  return false;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** MIME "parse a MIME type", reduced to what CORS needs: the essence, or null when it does not parse. */
export function parseMimeEssence(value: string): string | null {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  const slash = trimmed.indexOf('/');
  if (slash <= 0) return null;
  const type = trimmed.slice(0, slash);
  const rest = trimmed.slice(slash + 1);
  const semicolon = rest.indexOf(';');
  const subtype = (semicolon === -1 ? rest : rest.slice(0, semicolon)).replace(/[\t\n\r ]+$/, '');
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  return `${type}/${subtype}`.toLowerCase();
}

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** UTF-8 length without TextEncoder (kept out of the engine's lib). */
export function byteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
