// Turns a capture's entries into exchanges: each real request with its redirect hops and the preflight of each
// hop. Pairing is by URL + method (+ requested headers) + start time, because neither browser links a real request
// to its preflight (Chromium links only the other way, by URL). Entries are matched within groups keyed by URL
// (pairing.ts), each kept in start order, so the work grows linearly with the capture.
import { parseRequestedHeaders } from './cors/header-lists';
import { originOf } from './cors/origin';
import { isSafelistedMethod, normalizeMethod, unsafeRequestHeaders } from './cors/safelist';
import { isPreflight, isRedirectStatus } from './har/entry-facts';
import type { Entry, PageInfo } from './har/normalize';
import type { Exchange, Hop, PreflightReason, RequestMode } from './model';
import { PreflightGroup, RedirectGroup } from './pairing';

export interface CaptureIndex {
  readonly entries: readonly Entry[];
  readonly pages: readonly PageInfo[];
}

export function buildExchanges(input: number, capture: CaptureIndex): Exchange[] {
  const preflights: Entry[] = [];
  const requests: Entry[] = [];
  const preflightGroups = new Map<string, PreflightGroup>();
  for (const entry of capture.entries) {
    if (isPreflight(entry)) {
      preflights.push(entry);
      groupFor(preflightGroups, preflightKey(entry), PreflightGroup).candidates.push(entry);
    } else if (entry.url !== '') requests.push(entry);
  }
  const redirectGroups = new Map<string, RedirectGroup>();
  for (const request of requests) {
    preflightGroups.get(requestKey(request))?.seekers.push(request);
    const target = redirectTarget(request);
    if (target !== null) groupFor(redirectGroups, target, RedirectGroup).seekers.push(request);
  }
  for (const request of requests) redirectGroups.get(request.url)?.candidates.push(request);

  const nextHop = new Map<Entry, Entry>();
  for (const group of redirectGroups.values()) {
    group.solve();
    for (const [from, to] of group.match) nextHop.set(from, to);
  }
  const preflightOf = new Map<Entry, Entry>();
  for (const group of preflightGroups.values()) {
    group.solve();
    for (const [request, preflight] of group.match) preflightOf.set(request, preflight);
  }
  const continuations = new Set(nextHop.values());
  const paired = new Set(preflightOf.values());

  const exchanges: Exchange[] = [];
  for (const head of requests) {
    if (continuations.has(head)) continue;
    exchanges.push(buildExchange(input, chainFrom(head, nextHop), preflightOf, capture.pages));
  }
  for (const preflight of preflights) {
    if (!paired.has(preflight)) exchanges.push(buildPreflightOnlyExchange(input, preflight));
  }
  return exchanges.sort((a, b) => firstIndex(a) - firstIndex(b));
}

/** The redirect chain that starts at `head`. */
export function chainFrom(head: Entry, nextHop: Pick<ReadonlyMap<Entry, Entry>, 'get'>): Entry[] {
  const chain = [head];
  for (let next = nextHop.get(head); next && !chain.includes(next); next = nextHop.get(next)) chain.push(next);
  return chain;
}

/** The exchanges' order in a report: by the first of their entries in the file. */
export function firstIndex(exchange: Exchange): number {
  const hop = exchange.hops[0];
  return Math.min(hop?.entry?.index ?? Infinity, hop?.preflight?.index ?? Infinity);
}

/** The group a preflight is matched in: its URL and the method it asks for. */
export function preflightKey(preflight: Entry): string {
  return pairKey(preflight.url, preflight.requestHeaders.get('access-control-request-method') ?? '');
}

/** The group a real request looks for its preflight in. */
export function requestKey(request: Entry): string {
  return pairKey(request.url, request.method);
}

/** The URL a 3xx entry sends the browser to next, or null when it is not a redirect. */
export function redirectTarget(entry: Entry): string | null {
  return isRedirectStatus(entry.status) && entry.redirectUrl ? entry.redirectUrl : null;
}

function groupFor<G>(groups: Map<string, G>, key: string, Group: new () => G): G {
  let group = groups.get(key);
  if (!group) {
    group = new Group();
    groups.set(key, group);
  }
  return group;
}

export function buildExchange(
  input: number,
  chain: readonly Entry[],
  preflightOf: Pick<ReadonlyMap<Entry, Entry>, 'get' | 'has'>,
  pages: readonly PageInfo[],
): Exchange {
  const head = chain[0] as Entry;
  const origin = requestOrigin(head, preflightOf.get(head) ?? null, pages);
  const mode = requestMode(head, preflightOf.has(head), origin);
  const hops: Hop[] = [];
  let tainted = false;
  let corsChecked = false;
  chain.forEach((entry, i) => {
    if (i > 0) {
      // R12: a redirect from a cross-origin URL to yet another origin taints the request's origin ("null").
      const previous = originOf((chain[i - 1] as Entry).url);
      if (previous !== originOf(entry.url) && previous !== origin) tainted = true;
    }
    if (origin !== null && originOf(entry.url) !== origin) corsChecked = true;
    const preflight = preflightOf.get(entry) ?? null;
    const reasons = mode === 'cors' && corsChecked ? preflightReasons(entry, preflight) : [];
    hops.push({
      entry,
      url: entry.url,
      method: entry.method,
      preflight,
      preflightState: preflight ? 'observed' : reasons.length > 0 ? 'not-observed' : 'not-needed',
      preflightReasons: reasons,
      origin: tainted ? 'null' : (origin ?? 'null'),
      corsChecked: corsChecked && (mode === 'cors' || mode === 'unknown'),
    });
  });
  return {
    id: `${input}:${head.index}`,
    input,
    method: head.method,
    url: head.url,
    origin,
    crossOrigin: origin !== null && chain.some((entry) => originOf(entry.url) !== origin),
    mode,
    hops,
    resourceType: head.resourceType,
  };
}

/** A preflight whose real request is not in the capture: Firefox never reports preflight-blocked requests live. */
export function buildPreflightOnlyExchange(input: number, preflight: Entry): Exchange {
  const method = preflight.requestHeaders.get('access-control-request-method') ?? 'GET';
  const origin = preflight.requestHeaders.get('origin');
  const requested = parseRequestedHeaders(preflight.requestHeaders.get('access-control-request-headers'));
  const reasons: PreflightReason[] = [
    ...(isSafelistedMethod(method) ? [] : [{ kind: 'method' as const, method }]),
    ...requested.map((name) => ({ kind: 'header' as const, name, reason: requestedHeaderReason(name) })),
  ];
  return {
    id: `${input}:${preflight.index}`,
    input,
    method,
    url: preflight.url,
    origin,
    crossOrigin: true,
    mode: 'cors',
    hops: [
      {
        entry: null,
        url: preflight.url,
        method,
        preflight,
        preflightState: 'observed',
        preflightReasons: reasons,
        origin: origin ?? 'null',
        corsChecked: true,
      },
    ],
    resourceType: null,
  };
}

/** Why the browser had to preflight this request (R5): a non-safelisted method or CORS-unsafe headers. */
function preflightReasons(entry: Entry, preflight: Entry | null): PreflightReason[] {
  const reasons: PreflightReason[] = [];
  if (!isSafelistedMethod(entry.method)) reasons.push({ kind: 'method', method: entry.method });
  const computed = unsafeRequestHeaders(entry.requestHeaders);
  if (preflight) {
    // The preflight's own list is what the browser decided; explain each name with our computed reason if we have one.
    for (const name of parseRequestedHeaders(preflight.requestHeaders.get('access-control-request-headers'))) {
      const known = computed.find((h) => h.name === name);
      reasons.push({ kind: 'header', name, reason: known?.reason ?? requestedHeaderReason(name) });
    }
  } else {
    for (const header of computed) reasons.push({ kind: 'header', ...header });
  }
  return reasons;
}

/** Why a header the preflight lists was unsafe, when the capture does not show the request's own value. */
function requestedHeaderReason(name: string): string {
  if (['accept', 'accept-language', 'content-language', 'content-type', 'range'].includes(name)) {
    return `its value is not CORS-safelisted (the browser listed ${name} in the preflight; the capture does not show the value)`;
  }
  return name === 'authorization'
    ? 'Authorization is never CORS-safelisted'
    : `${name} is not a CORS-safelisted header`;
}

/**
 * The page origin that made the request: its Origin header, else its preflight's (Chromium records only
 * provisional headers for a request blocked at the preflight), else its Referer, else its page.
 */
function requestOrigin(entry: Entry, preflight: Entry | null, pages: readonly PageInfo[]): string | null {
  const header = entry.requestHeaders.get('origin');
  if (header && header !== 'null') return header;
  const fromPreflight = preflight?.requestHeaders.get('origin');
  if (fromPreflight && fromPreflight !== 'null') return fromPreflight;
  const referer = entry.requestHeaders.get('referer');
  const refererOrigin = referer ? originOf(referer) : null;
  if (refererOrigin && refererOrigin !== 'null') return refererOrigin;
  const page = pages.find((p) => p.id === entry.pageref)?.url;
  if (page && entry.resourceType !== 'document') return originOf(page);
  if (entry.resourceType === 'document') return originOf(entry.url);
  return header;
}

function requestMode(entry: Entry, hasPreflight: boolean, origin: string | null): RequestMode {
  const declared = entry.requestHeaders.get('sec-fetch-mode');
  if (declared && ['cors', 'no-cors', 'navigate', 'same-origin', 'websocket'].includes(declared)) {
    return declared as RequestMode;
  }
  if (hasPreflight) return 'cors';
  if (entry.resourceType === 'document') return 'navigate';
  const hasOrigin = entry.requestHeaders.has('origin');
  if (entry.resourceType === 'fetch' || entry.resourceType === 'xhr') {
    // fetch() defaults to cors and XHR is always cors; a sent CORS request carries Origin. Without a response the
    // HAR may hold only provisional headers, so a missing Origin proves nothing then.
    // A same-origin GET carries no Origin in either mode; cors is fetch's default.
    const sameOrigin = origin !== null && originOf(entry.url) === origin;
    return hasOrigin || sameOrigin || entry.status === 0 ? 'cors' : 'no-cors';
  }
  // Origin rides on every CORS request, and on no-cors requests only for non-GET/HEAD methods (R13); no-cors
  // allows only GET, HEAD and POST, so any other method with an Origin is a CORS request.
  if (
    hasOrigin &&
    (entry.method === 'GET' || entry.method === 'HEAD' || !isSafelistedMethod(normalizeMethod(entry.method)))
  ) {
    return 'cors';
  }
  if (origin !== null && originOf(entry.url) === origin) return 'unknown';
  return hasOrigin ? 'unknown' : 'no-cors';
}

function pairKey(url: string, method: string): string {
  return `${method}\u0000${url}`;
}
