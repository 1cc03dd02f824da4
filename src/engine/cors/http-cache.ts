// HTTP caches and CORS (Fetch R14): when Access-Control-Allow-Origin depends on the request's Origin, the response
// must say `Vary: Origin`, or a browser or CDN cache hands a response made for one origin (or for a non-CORS load,
// without the header) to a request from another. This module reads the capture's signs that a response came from a
// cache, and decides when a cached response explains a failed CORS check.
import type { CaptureFacts } from '../capture-facts';
import { isPreflight } from '../har/entry-facts';
import type { HeaderList } from '../har/headers';
import type { Entry } from '../har/normalize';
import type { Hop, Stage } from '../model';
import { originOf } from './origin';
import { siteOf } from './site';

export interface CacheHit {
  /** Which cache: the browser's own, or a shared one (CDN, reverse proxy) in front of the server. */
  readonly cache: 'browser' | 'shared';
  /** Where the capture shows it: a header name, or the HAR field (`_fromCache`, `_transferSize`, `serverIPAddress`). */
  readonly field: string;
  readonly value: string;
  /** "the browser's disk cache", "a shared cache (Age: 120)": the end of "was served from …". */
  readonly description: string;
}

/** Cache-status headers of CDNs and reverse proxies, and the values that mean the response came from the cache. */
const HIT_HEADERS: readonly [name: string, hit: RegExp][] = [
  ['cf-cache-status', /^(hit|stale|updating|revalidated)$/i], // Cloudflare
  ['x-cache', /hit/i], // CloudFront ("Hit from cloudfront"), Fastly ("MISS, HIT"), Varnish, Squid ("TCP_HIT")
  ['x-cache-status', /hit|stale|updating|revalidated/i], // nginx proxy_cache conventions
  ['x-proxy-cache', /hit/i],
  ['x-vercel-cache', /^(hit|stale|prerender)$/i],
  ['cdn-cache', /hit/i], // Bunny
  ['cache-status', /;\s*hit\b/i], // RFC 9211, e.g. `"Netlify Edge"; hit`
];

/**
 * Whether `entry`'s response came out of a cache, and the capture's sign of it; null when nothing shows one.
 *
 * - HAR `_fromCache` ("memory" or "disk"): Chromium served it from its own cache.
 * - `Age` greater than 0: a shared cache held it that many seconds.
 * - `X-Cache`, `CF-Cache-Status`, `X-Cache-Status`, `X-Proxy-Cache`, `X-Vercel-Cache`, `CDN-Cache`, `Cache-Status`
 *   reporting a hit.
 * - Chromium's `_transferSize` 0 on a 200 that Chromium completed (`_error` null) and that is not a preflight.
 *   Chromium also writes 0 for every response it blocked (CORS or ORB, `_error` set) and for preflights, so on those
 *   it proves nothing and is ignored.
 */
export function cacheHitOf(entry: Entry): CacheHit | null {
  if (entry.fromCache) {
    return {
      cache: 'browser',
      field: '_fromCache',
      value: entry.fromCache,
      description: `the browser's ${entry.fromCache} cache`,
    };
  }
  const headers = entry.responseHeaders;
  const age = headers.get('age');
  if (age !== null && /^\s*\d+\s*$/.test(age) && Number(age) > 0) {
    return { cache: 'shared', field: headers.displayName('age'), value: age.trim(), description: sharedCache(entry) };
  }
  for (const [name, hit] of HIT_HEADERS) {
    const value = headers.get(name);
    if (value !== null && hit.test(value)) {
      return { cache: 'shared', field: headers.displayName(name), value, description: sharedCache(entry) };
    }
  }
  if (entry.transferSize === 0 && entry.status === 200 && entry.error === null && !isPreflight(entry)) {
    return { cache: 'browser', field: '_transferSize', value: '0', description: "the browser's cache" };
  }
  return null;
}

function sharedCache(entry: Entry): string {
  const headers = entry.responseHeaders;
  if (headers.has('cf-ray') || headers.has('cf-cache-status')) return 'the Cloudflare cache';
  if (headers.has('x-amz-cf-id') || /cloudfront/i.test(headers.get('x-cache') ?? '')) return 'the CloudFront cache';
  if (headers.has('x-vercel-cache')) return 'the Vercel edge cache';
  if (/varnish/i.test(headers.get('via') ?? '') || headers.has('x-varnish')) return 'a Varnish cache';
  return 'a shared cache (CDN or reverse proxy)';
}

/** The response says `Vary: Origin` (or `Vary: *`): the value list is case-insensitive and may span lines. */
export function variesByOrigin(headers: HeaderList): boolean {
  return headers
    .values('vary')
    .flatMap((line) => line.split(','))
    .some((item) => ['origin', '*'].includes(item.trim().toLowerCase()));
}

/** `Cache-Control: no-store`: no cache keeps the response, so a missing `Vary: Origin` cannot bite. */
export function isNoStore(headers: HeaderList): boolean {
  return /(^|,)\s*no-store\s*(,|$)/i.test(headers.get('cache-control') ?? '');
}

/** Exactly one Access-Control-Allow-Origin line, holding one serialized origin (not "*", not "null"). */
export function specificAllowOrigin(headers: HeaderList): string | null {
  const lines = headers.values('access-control-allow-origin');
  if (lines.length !== 1) return null;
  const value = (lines[0] as string).trim();
  return isSerializedOrigin(value) ? value : null;
}

/** `value` is exactly how a browser serializes an http(s) origin: what a server echoing Origin sends back. */
export function isSerializedOrigin(value: string): boolean {
  return /^https?:\/\/[^/?#\s,]+$/.test(value) && originOf(value) === value;
}

export interface CacheMixup {
  /**
   * - `another-origin`: the cached response allows another origin and has no `Vary: Origin`.
   * - `no-allow-origin`: the cached response has no Access-Control-Allow-Origin, while other responses of the same
   *   server carry one (the copy was stored from a non-CORS load, or for an origin the server does not allow).
   * - `vary-ignored`: a shared cache served another origin's response although it says `Vary: Origin`: the cache
   *   does not key on Origin (Cloudflare ignores Vary for most content; CloudFront needs Origin in its cache key).
   */
  readonly kind: 'another-origin' | 'no-allow-origin' | 'vary-ignored';
  readonly hit: CacheHit;
  /** The Access-Control-Allow-Origin the cached response carries (null: none). */
  readonly value: string | null;
  /** A response of the same server, not from a cache, that did allow `origin` (or, for `no-allow-origin`, any). */
  readonly proof: Entry | null;
}

/**
 * Whether the failed CORS check on `entry` (made from `origin`) is explained by a cache serving a response stored
 * for someone else; null when it is not. Not a cache problem, and null, when:
 * - nothing shows the response came from a cache;
 * - its Access-Control-Allow-Origin is not a single serialized origin (a typo such as a trailing slash is not how a
 *   server echoes an Origin, so it was not made for another page: see origin-diff.ts);
 * - a response of the same server that did not come from a cache, to a request from `origin`, carries the same
 *   wrong value: the server sends that value itself;
 * - `Vary: Origin` is present and the hit is the browser's own cache, which honours Vary.
 * `known` is a hit the caller already established (a stored copy standing in for a request, storedCopyFor).
 */
export function cacheMixupOf(
  entry: Entry,
  origin: string,
  capture: CaptureFacts,
  known: CacheHit | null = null,
): CacheMixup | null {
  const hit = known ?? cacheHitOf(entry) ?? addresslessHit(entry, capture);
  if (!hit || origin === 'null') return null;
  const headers = entry.responseHeaders;
  const server = originOf(entry.url);
  const siblings = (server ? (capture.byServer.get(server) ?? []) : []).filter(
    (e) => e !== entry && e.status > 0 && !cacheHitOf(e),
  );
  if (!headers.has('access-control-allow-origin')) {
    if (entry.status >= 400) return null;
    const proof = siblings.find((e) => !isPreflight(e) && e.responseHeaders.has('access-control-allow-origin'));
    return proof ? { kind: 'no-allow-origin', hit, value: null, proof } : null;
  }
  const value = specificAllowOrigin(headers);
  if (value === null || value === origin) return null;
  const fromOrigin = siblings.filter((e) => e.requestHeaders.get('origin') === origin);
  if (fromOrigin.some((e) => e.responseHeaders.get('access-control-allow-origin') === value)) return null;
  const proof = fromOrigin.find((e) => e.responseHeaders.get('access-control-allow-origin') === origin) ?? null;
  if (variesByOrigin(headers)) {
    return hit.cache === 'shared' ? { kind: 'vary-ignored', hit, value, proof } : null;
  }
  return { kind: 'another-origin', hit, value, proof };
}

/**
 * cacheMixupOf() for a failed CORS check at `hop` on the response `checked` at `stage`: the preflight's, the hop's
 * own, or the copy an earlier response stored, which the verdict checked because the request shows no response of
 * its own (storedCopyFor).
 */
export function failedCheckCacheMixup(
  hop: Hop,
  checked: Entry,
  stage: Stage,
  capture: CaptureFacts,
): CacheMixup | null {
  const reused = stage !== 'preflight' && hop.entry !== null && hop.entry !== checked;
  return cacheMixupOf(checked, hop.origin, capture, reused ? storedCopyHit(checked) : null);
}

/**
 * Firefox's HAR has no cache field: a response it served from its own cache has no `serverIPAddress`, while the
 * same server's responses from the network have one (measured by the CORS lab, Firefox 153).
 */
function addresslessHit(entry: Entry, capture: CaptureFacts): CacheHit | null {
  // Chromium writes an `_error` field (null when fine) and leaves the address empty on a response it blocked.
  if (entry.error !== undefined || entry.serverIp || entry.status === 0 || entry.responseHeaders.size === 0)
    return null;
  if (isPreflight(entry)) return null;
  const server = originOf(entry.url);
  const others = server ? (capture.byServer.get(server) ?? []) : [];
  if (!others.some((e) => e !== entry && e.serverIp)) return null;
  return { cache: 'browser', field: 'serverIPAddress', value: '', description: "the browser's cache" };
}

/**
 * The response Chromium reused from its HTTP cache for `entry`, when the capture shows none of its own: an earlier,
 * still fresh response to the same URL that the cache would hand to this request. Null when there is none.
 *
 * Chromium runs the CORS check above its HTTP cache, and when a response it takes from the cache fails that check it
 * records the request exactly like one blocked at its preflight: status 0, no response headers, provisional request
 * headers, `_error` net::ERR_FAILED (CORS lab, Chromium 156). A GET that needed no preflight, or whose preflight
 * passed, has no other way to end up like that, so the copy stored by the latest earlier response stands in for it:
 * - same URL, method GET, started before this request, not itself a preflight, and completed by the browser (with or
 *   without passing its own CORS check: the cache stores the response either way);
 * - storable and still fresh when this request started (`Cache-Control: max-age`, else `Expires`, else the heuristic
 *   10 % of the time since `Last-Modified`), without `no-store`, `no-cache` or `Vary: *`;
 * - not keyed apart: no `Vary: Origin` while the two requests came from different origins, and the same top-level
 *   site when the capture shows both pages (Chromium partitions its cache by it).
 */
export function storedCopyFor(entry: Entry, origin: string, capture: CaptureFacts): Entry | null {
  if (entry.error !== 'net::ERR_FAILED' || entry.status !== 0 || entry.responseHeaders.size > 0) return null;
  const started = entry.startedMs;
  if (started === null || entry.method.toUpperCase() !== 'GET') return null;
  const site = pageSite(entry, capture);
  const candidates = (capture.byUrl.get(entry.url) ?? []).filter(
    (e) =>
      e !== entry &&
      e.method.toUpperCase() === 'GET' &&
      e.startedMs !== null &&
      e.startedMs < started &&
      (e.error === null || (e.error === 'net::ERR_FAILED' && e.status > 0)) &&
      !isPreflight(e) &&
      isFreshAt(e, started) &&
      !keyedApart(e, origin) &&
      (site === null || pageSite(e, capture) === null || pageSite(e, capture) === site),
  );
  let latest: Entry | null = null;
  for (const e of candidates) if (!latest || (e.startedMs as number) >= (latest.startedMs as number)) latest = e;
  return latest;
}

/** CacheHit.field of a stored copy standing in for a request that shows no response of its own. */
export const STORED_COPY = 'stored copy';

/** How the capture shows a stored copy standing in for a request (for cacheMixupOf and the evidence). */
function storedCopyHit(stored: Entry): CacheHit {
  return {
    cache: 'browser',
    field: STORED_COPY,
    value: String(stored.index),
    description: "the browser's cache",
  };
}

/** Statuses a cache may keep without explicit freshness (RFC 9111 §4.2.2, "heuristically cacheable"). */
const HEURISTICALLY_CACHEABLE = new Set([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501]);

/** Whether `stored`'s response was kept by the cache and still fresh `at` (ms), so it is reused without asking. */
function isFreshAt(stored: Entry, at: number): boolean {
  const headers = stored.responseHeaders;
  if (stored.status < 200 || stored.status === 206 || stored.status === 304) return false;
  if (stored.redirectUrl !== null) return false;
  const cacheControl = (headers.get('cache-control') ?? '').toLowerCase();
  if (/(^|,)\s*(no-store|no-cache)\s*(,|=|$)/.test(cacheControl)) return false;
  if (headers.values('vary').some((line) => line.split(',').some((item) => item.trim() === '*'))) return false;
  const age = Number(/^\s*(\d+)\s*$/.exec(headers.get('age') ?? '')?.[1] ?? 0);
  const lifetime = freshnessLifetime(stored, cacheControl);
  return lifetime > 0 && age + (at - (stored.startedMs as number)) / 1000 < lifetime;
}

/** Seconds the response stays fresh in a private (browser) cache; 0 when it must be revalidated at once. */
function freshnessLifetime(stored: Entry, cacheControl: string): number {
  const maxAge = /(^|,)\s*max-age\s*=\s*"?(\d+)"?/.exec(cacheControl);
  if (maxAge) return Number(maxAge[2]);
  const headers = stored.responseHeaders;
  const date = Date.parse(headers.get('date') ?? '');
  const expires = headers.get('expires');
  if (expires !== null) {
    const until = Date.parse(expires);
    return Number.isNaN(until) || Number.isNaN(date) ? 0 : Math.max(0, (until - date) / 1000);
  }
  const modified = Date.parse(headers.get('last-modified') ?? '');
  if (!HEURISTICALLY_CACHEABLE.has(stored.status) || Number.isNaN(modified) || Number.isNaN(date)) return 0;
  return Math.max(0, (date - modified) / 10_000);
}

/** The cache keeps separate copies per Origin (`Vary: Origin`), and `stored` was made for another one. */
function keyedApart(stored: Entry, origin: string): boolean {
  return variesByOrigin(stored.responseHeaders) && (stored.requestHeaders.get('origin') ?? '') !== origin;
}

/** The site of the top-level page the entry belongs to, when the capture names it. */
function pageSite(entry: Entry, capture: CaptureFacts): string | null {
  const url = entry.pageref === null ? null : capture.pages.find((p) => p.id === entry.pageref)?.url;
  return url ? siteOf(url) : null;
}
