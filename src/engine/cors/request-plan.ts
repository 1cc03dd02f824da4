// What a browser puts on the wire for a page's fetch(), hop by hop (Fetch R1–R3, R5, R6, R11–R13 in
// shared/docs/cors-reference.md §3): whether a preflight goes first and with which headers, the Origin each hop
// carries, and how a redirect changes the request. Pure: `cors-doctor probe` sends what this plans and hands what
// came back to diagnose(), so the prediction and the verdict use the same Fetch rules.
import { HeaderList, type Header } from '../har/headers';
import type { PreflightReason } from '../model';
import { isPotentiallyTrustworthy, originOf } from './origin';
import {
  FORBIDDEN_REQUEST_HEADERS,
  isSafelistedMethod,
  isToken,
  normalizeMethod,
  unsafeRequestHeaders,
} from './safelist';
import { isCrossSite } from './site';

/** A page's fetch(url, { method, headers, body, credentials }), as the probe is asked to make it. */
export interface FetchCall {
  url: string;
  /** The page's origin, serialized (`https://app.example`). */
  pageOrigin: string;
  method: string;
  /** The headers the page's script sets, in order. */
  headers: readonly Header[];
  hasBody: boolean;
  /** credentials: "include" (otherwise fetch's default "same-origin", which is "omit" for a cross-origin URL). */
  credentials: boolean;
  /** The Cookie header the browser would add from its cookie jar (sent only with credentials). */
  cookie: string | null;
}

/** The request as the browser carries it from hop to hop. */
export interface BrowserRequest {
  readonly pageOrigin: string;
  /** Fetch's URL list: every URL the request has been at, the current one last. */
  readonly urlList: readonly string[];
  readonly method: string;
  /** The page's headers as they stand now (a redirect can remove some). */
  readonly headers: readonly Header[];
  readonly hasBody: boolean;
  readonly credentials: boolean;
  readonly cookie: string | null;
  /** R12: a redirect tainted the origin, so the Origin header serializes to "null". */
  readonly taintedOrigin: boolean;
  /** Response tainting is "cors": the request has left the page's origin, so every response is CORS-checked. */
  readonly corsTainted: boolean;
}

/** One hop: the preflight (if any) and the request the browser sends for the current URL. */
export interface HopPlan {
  readonly url: string;
  readonly method: string;
  /** The Origin header value ("null" after a tainting redirect), or null when the browser sends none. */
  readonly origin: string | null;
  /** The CORS protocol applies to this hop. */
  readonly cors: boolean;
  /** Why the browser would not send anything for this hop (mixed content), or null. */
  readonly blocked: string | null;
  /** Why this hop needs a preflight; empty when it does not (R5). */
  readonly preflightReasons: readonly PreflightReason[];
  /** The preflight's request headers (R6): never cookies or Authorization. Null when no preflight is needed. */
  readonly preflightHeaders: readonly Header[] | null;
  /** The request's headers: the page's, plus those the browser adds (Origin, Accept, Referer, Sec-Fetch-*, Cookie). */
  readonly requestHeaders: readonly Header[];
}

export type RedirectStep =
  /** Not a redirect the browser follows: this response is the answer. */
  | { readonly kind: 'final' }
  /** The browser fails the request with a network error instead of following. */
  | { readonly kind: 'error'; readonly netError: string; readonly reason: string }
  /** The browser follows: `request` is at the Location now; `changes` says what the redirect changed. */
  | { readonly kind: 'follow'; readonly request: BrowserRequest; readonly changes: readonly string[] };

/** Fetch's limit: the 21st redirect is a network error. */
export const MAX_REDIRECTS = 20;

/** The request-body-header names a method-changing redirect removes (Fetch "HTTP-redirect fetch"). */
const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);

/**
 * Headers a script may set that the engine's safelist treats as browser-added (DevTools adds them too): set by the
 * page, they are CORS-unsafe like any other non-safelisted name.
 */
const SCRIPT_SETTABLE_BROWSER_HEADERS = new Set(['cache-control', 'pragma', 'priority', 'x-client-data']);

/** Why a script cannot set this header (fetch() drops it), or null when it can. */
export function forbiddenRequestHeader(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return 'the browser adds Cookie from its cookie jar, only with credentials';
  if (lower === 'origin') return 'the browser sets Origin itself';
  if (FORBIDDEN_REQUEST_HEADERS.has(lower)) return `${name} is a forbidden request header: the browser sets it`;
  if (lower.startsWith('sec-') || lower.startsWith('proxy-')) {
    return `${name} is a forbidden request header (Sec-/Proxy- prefix): the browser sets it`;
  }
  return null;
}

/**
 * Starts a request as fetch() does: normalizes the method and combines repeated headers. Returns the reasons the
 * call is not one a page can make (a forbidden method or header, a body on GET/HEAD, a URL that is not http(s)).
 */
export function startRequest(call: FetchCall): BrowserRequest | { errors: string[] } {
  const errors: string[] = [];
  const url = parseHttpUrl(call.url);
  if (!url) errors.push(`"${call.url}" is not an absolute http(s) URL`);
  const pageOrigin = parseOrigin(call.pageOrigin);
  if (!pageOrigin) {
    errors.push(
      `"${call.pageOrigin}" is not an http(s) origin (scheme://host[:port], no path), such as https://app.example`,
    );
  }
  if (!isToken(call.method)) errors.push(`"${call.method}" is not a valid HTTP method`);
  const method = normalizeMethod(call.method);
  if (['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase())) {
    errors.push(`${method} is a forbidden method: fetch() refuses it`);
  }
  if (call.hasBody && (method === 'GET' || method === 'HEAD')) {
    errors.push(`a ${method} request cannot have a body: fetch() refuses it`);
  }
  const combined = new Map<string, Header>();
  for (const { name, value } of call.headers) {
    if (!isToken(name)) {
      errors.push(`"${name}" is not a valid header name`);
      continue;
    }
    const forbidden = forbiddenRequestHeader(name);
    if (forbidden) {
      errors.push(forbidden);
      continue;
    }
    if (/[\0\r\n]/.test(value)) {
      errors.push(`the value of ${name} contains a NUL, CR or LF character, which fetch() refuses`);
      continue;
    }
    const key = name.toLowerCase();
    const trimmed = value.replace(/^[\t ]+|[\t ]+$/g, '');
    const existing = combined.get(key);
    combined.set(
      key,
      existing ? { name: existing.name, value: `${existing.value}, ${trimmed}` } : { name, value: trimmed },
    );
  }
  if (errors.length > 0 || !url || !pageOrigin) return { errors };
  return {
    pageOrigin,
    urlList: [url],
    method,
    headers: [...combined.values()],
    hasBody: call.hasBody,
    credentials: call.credentials,
    cookie: call.credentials ? call.cookie : null,
    taintedOrigin: false,
    corsTainted: originOf(url) !== pageOrigin,
  };
}

/** What the browser sends for the request's current URL. */
export function planHop(request: BrowserRequest): HopPlan {
  const url = currentUrl(request);
  const method = request.method;
  const cors = request.corsTainted;
  // R13: Origin rides on every CORS request, and on any request whose method is not GET or HEAD.
  const serializedOrigin = request.taintedOrigin ? 'null' : request.pageOrigin;
  const origin = cors || (method !== 'GET' && method !== 'HEAD') ? serializedOrigin : null;

  const blocked =
    request.pageOrigin.startsWith('https:') && url.startsWith('http:') && !isPotentiallyTrustworthy(url)
      ? `mixed content: the page at ${request.pageOrigin} is served over https, and the browser blocks requests to http URLs from it`
      : null;

  const reasons: PreflightReason[] = [];
  if (cors) {
    if (!isSafelistedMethod(method)) reasons.push({ kind: 'method', method });
    for (const header of unsafeHeaderNames(request.headers)) reasons.push({ kind: 'header', ...header });
  }
  const requestedHeaders = reasons.flatMap((r) => (r.kind === 'header' ? [r.name] : []));
  const browserAdded = [...referer(request.pageOrigin, url), ...fetchMetadata(request)];

  const preflightHeaders: Header[] | null =
    reasons.length > 0
      ? [
          { name: 'Accept', value: '*/*' },
          { name: 'Access-Control-Request-Method', value: method },
          ...(requestedHeaders.length > 0
            ? [{ name: 'Access-Control-Request-Headers', value: requestedHeaders.join(',') }]
            : []),
          { name: 'Origin', value: serializedOrigin },
          ...browserAdded,
        ]
      : null;

  const hasAccept = request.headers.some((h) => h.name.toLowerCase() === 'accept');
  const requestHeaders: Header[] = [
    ...(hasAccept ? [] : [{ name: 'Accept', value: '*/*' }]),
    ...request.headers,
    ...(origin !== null ? [{ name: 'Origin', value: origin }] : []),
    ...browserAdded,
    ...(request.cookie !== null ? [{ name: 'Cookie', value: request.cookie }] : []),
  ];
  return {
    url,
    method,
    origin,
    cors,
    blocked,
    preflightReasons: reasons,
    preflightHeaders,
    requestHeaders,
  };
}

/** How the browser treats a response with `status` and `location` (Fetch "HTTP-redirect fetch", R11–R12). */
export function followRedirect(request: BrowserRequest, status: number, location: string | null): RedirectStep {
  if (![301, 302, 303, 307, 308].includes(status) || location === null) return { kind: 'final' };
  const from = currentUrl(request);
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { kind: 'error', netError: 'net::ERR_INVALID_REDIRECT', reason: `the Location "${location}" is not a URL` };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return {
      kind: 'error',
      netError: 'net::ERR_UNSAFE_REDIRECT',
      reason: `the redirect goes to ${target.protocol} URL ${target.href}, which fetch() does not follow`,
    };
  }
  if (request.urlList.length > MAX_REDIRECTS) {
    return {
      kind: 'error',
      netError: 'net::ERR_TOO_MANY_REDIRECTS',
      reason: `more than ${MAX_REDIRECTS} redirects (the last one from ${from} to ${target.href})`,
    };
  }
  const to = target.href.replace(/#.*$/, '');
  const fromOrigin = originOf(from);
  const toOrigin = target.origin;
  if ((target.username || target.password) && toOrigin !== request.pageOrigin) {
    return {
      kind: 'error',
      netError: 'net::ERR_FAILED',
      reason: `the redirect Location ${target.href} contains a user name or password, which CORS requests may not follow`,
    };
  }

  const changes: string[] = [];
  let method = request.method;
  let headers = request.headers;
  let hasBody = request.hasBody;
  if (
    ((status === 301 || status === 302) && method === 'POST') ||
    (status === 303 && method !== 'GET' && method !== 'HEAD')
  ) {
    changes.push(`${status}: the method changes from ${method} to GET, and the body and its headers are dropped`);
    method = 'GET';
    hasBody = false;
    headers = headers.filter((h) => !BODY_HEADERS.has(h.name.toLowerCase()));
  }
  if (fromOrigin !== toOrigin && headers.some((h) => h.name.toLowerCase() === 'authorization')) {
    changes.push(`a redirect to another origin (${toOrigin}) drops the Authorization header`);
    headers = headers.filter((h) => h.name.toLowerCase() !== 'authorization');
  }
  let cookie = request.cookie;
  if (cookie !== null && hostOf(from) !== target.hostname) {
    changes.push(
      `cookies are per host: the given Cookie is for ${hostOf(from)}, so none is sent to ${target.hostname} (a browser would send the cookies it holds for that host)`,
    );
    cookie = null;
  }
  // R12: leaving a cross-origin URL for yet another origin taints the request's origin.
  const taintedOrigin = request.taintedOrigin || (fromOrigin !== toOrigin && fromOrigin !== request.pageOrigin);
  if (taintedOrigin && !request.taintedOrigin) {
    changes.push(`a redirect from ${fromOrigin} to another origin taints the request: the Origin header is now "null"`);
  }
  return {
    kind: 'follow',
    request: {
      ...request,
      urlList: [...request.urlList, to],
      method,
      headers,
      hasBody,
      cookie,
      taintedOrigin,
      corsTainted: request.corsTainted || toOrigin !== request.pageOrigin,
    },
    changes,
  };
}

export function currentUrl(request: BrowserRequest): string {
  return request.urlList[request.urlList.length - 1] as string;
}

/** R3, plus the names the engine's safelist counts as browser-added but a script can set (Cache-Control…). */
function unsafeHeaderNames(headers: readonly Header[]): { name: string; reason: string }[] {
  const unsafe = new Map(unsafeRequestHeaders(new HeaderList(headers)).map((h) => [h.name, h.reason]));
  for (const { name } of headers) {
    const lower = name.toLowerCase();
    if (SCRIPT_SETTABLE_BROWSER_HEADERS.has(lower)) unsafe.set(lower, `${lower} is not a CORS-safelisted header`);
  }
  return [...unsafe.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, reason]) => ({ name, reason }));
}

/**
 * Referer under the default policy, strict-origin-when-cross-origin: the page's origin for a cross-origin URL,
 * nothing from https to plain http. (The page's path is unknown, so a same-origin request gets the origin too.)
 */
function referer(pageOrigin: string, url: string): Header[] {
  if (pageOrigin.startsWith('https:') && !isPotentiallyTrustworthy(url)) return [];
  return [{ name: 'Referer', value: `${pageOrigin}/` }];
}

/** Sec-Fetch-* (fetch metadata), sent only to potentially trustworthy URLs. */
function fetchMetadata(request: BrowserRequest): Header[] {
  const url = currentUrl(request);
  if (!isPotentiallyTrustworthy(url)) return [];
  let site = 'same-origin';
  for (const hop of request.urlList) {
    if (originOf(hop) === request.pageOrigin) continue;
    if (isCrossSite(hop, request.pageOrigin)) site = 'cross-site';
    else if (site === 'same-origin') site = 'same-site';
  }
  return [
    { name: 'Sec-Fetch-Dest', value: 'empty' },
    { name: 'Sec-Fetch-Mode', value: 'cors' },
    { name: 'Sec-Fetch-Site', value: site },
  ];
}

function parseHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/#.*$/, '') : null;
  } catch {
    return null;
  }
}

/** `https://app.example` (a trailing slash is forgiven); null for anything with a path, query or credentials. */
function parseOrigin(value: string): string | null {
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.username || url.password ? null : url.origin;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
