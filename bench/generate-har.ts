// Deterministic, realistic HAR captures of a busy single-page app, for the benchmark (bench/run.ts) and for tests
// that need more than hand-written entries (test/engine/incremental.test.ts, test/cli/read-har.test.ts).
//
// The page https://shop.example loads mostly same-origin assets and calls an API on https://api.shop.example:
// simple GETs, preflighted writes (the preflight starts 1–12 ms after its real request, as browsers record it),
// a hot GraphQL endpoint whose preflight is often cached, redirects (same-server and cross-origin), third-party
// beacons and fonts, and a mix of failures (CORS, network, auth). Headers are what Chromium 156 records: 15–25 per
// message. The same seed always gives the same bytes.
import { closeSync, openSync, writeSync } from 'node:fs';

export interface GenerateOptions {
  /** Exactly this many entries. */
  entries: number;
  seed?: number;
  producer?: 'chromium' | 'firefox';
}

type Header = { name: string; value: string };

export interface GeneratedEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: Header[];
    queryString: Header[];
    cookies: { name: string; value: string }[];
    headersSize: number;
    bodySize: number;
    postData?: { mimeType: string; text: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: Header[];
    cookies: { name: string; value: string }[];
    content: { size: number; mimeType: string; compression?: number };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _transferSize?: number;
    _error?: string | null;
  };
  cache: Record<string, never>;
  timings: Record<string, number>;
  serverIPAddress?: string;
  connection?: string;
  pageref?: string;
  _initiator?: unknown;
  _priority?: string;
  _resourceType?: string;
}

export const PAGE_ORIGIN = 'https://shop.example';
const API = 'https://api.shop.example';
const CDN = 'https://cdn.shop.example';
const STAGING_ORIGIN = 'https://staging.shop.example';
const EPOCH = Date.parse('2026-11-02T09:00:00.000Z');

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';

/** mulberry32: small, fast and good enough to make realistic noise reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type EventKind =
  | 'asset'
  | 'same-origin-xhr'
  | 'api-get'
  | 'api-write'
  | 'graphql'
  | 'third-party'
  | 'redirect'
  | 'login'
  | 'blocked-mismatch'
  | 'error-without-cors'
  | 'preflight-rejected'
  | 'header-not-allowed'
  | 'blocked-by-client'
  | 'connection-refused'
  | 'unauthorized';

const WEIGHTS: readonly [EventKind, number][] = [
  ['asset', 56],
  ['same-origin-xhr', 6],
  ['api-get', 13],
  ['api-write', 7],
  ['graphql', 6],
  ['third-party', 5],
  ['redirect', 2],
  ['login', 0.3],
  ['blocked-mismatch', 0.8],
  ['error-without-cors', 0.8],
  ['preflight-rejected', 0.6],
  ['header-not-allowed', 0.5],
  ['blocked-by-client', 0.5],
  ['connection-refused', 0.3],
  ['unauthorized', 0.4],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/** Yields exactly `options.entries` entries, in the order a browser would write them. */
export function* generateEntries(options: GenerateOptions): Generator<GeneratedEntry> {
  const random = prng(options.seed ?? 1);
  const firefox = options.producer === 'firefox';
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = (length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(random() * 16)];
    return out;
  };

  let now = EPOCH;
  let emitted = 0;
  let requestId = 0;
  const session = hex(32);
  const token = `eyJhbGciOiJSUzI1NiJ9.${hex(48)}.${hex(40)}`;
  const chunks = Array.from({ length: 80 }, () => hex(8));
  const images = Array.from({ length: 400 }, () => hex(12));

  const iso = (ms: number) => new Date(ms).toISOString();
  const httpDate = (ms: number) => new Date(ms).toUTCString();
  const h = (name: string, value: string): Header => ({ name, value });

  const clientHints = (): Header[] =>
    firefox
      ? []
      : [
          h('sec-ch-ua', '"Chromium";v="156", "Not:A-Brand";v="24", "Google Chrome";v="156"'),
          h('sec-ch-ua-mobile', '?0'),
          h('sec-ch-ua-platform', '"Linux"'),
        ];

  const pseudo = (method: string, url: string): Header[] => {
    if (firefox) return [];
    const u = new URL(url);
    return [h(':authority', u.host), h(':method', method), h(':path', u.pathname + u.search), h(':scheme', 'https')];
  };

  const requestHeaders = (
    method: string,
    url: string,
    options: { dest: string; mode: string; site: string; accept: string; extra?: Header[]; cookie?: boolean },
  ): Header[] => [
    ...pseudo(method, url),
    h('accept', options.accept),
    h('accept-encoding', 'gzip, deflate, br, zstd'),
    h('accept-language', 'en-GB,en-US;q=0.9,en;q=0.8,de;q=0.7'),
    ...(options.cookie
      ? [h('cookie', `session=${session}; _ga=GA1.1.${int(1e8, 9e8)}.${int(1e9, 2e9)}; theme=dark`)]
      : []),
    h('priority', options.dest === 'script' || options.dest === 'style' ? 'u=1' : 'u=1, i'),
    h('referer', `${PAGE_ORIGIN}/catalog/shoes?page=${int(1, 40)}`),
    ...clientHints(),
    h('sec-fetch-dest', options.dest),
    h('sec-fetch-mode', options.mode),
    h('sec-fetch-site', options.site),
    h('user-agent', firefox ? FIREFOX_UA : UA),
    ...(options.extra ?? []),
  ];

  const commonResponse = (at: number, server: string, extra: Header[]): Header[] => [
    h('date', httpDate(at)),
    h('server', server),
    h('strict-transport-security', 'max-age=63072000; includeSubDomains; preload'),
    h('x-content-type-options', 'nosniff'),
    h('x-request-id', `${hex(8)}-${hex(4)}-${hex(4)}-${hex(12)}`),
    h('alt-svc', 'h3=":443"; ma=86400'),
    ...extra,
  ];

  const corsHeaders = (origin: string, credentials: boolean): Header[] => [
    h('access-control-allow-origin', origin),
    ...(credentials ? [h('access-control-allow-credentials', 'true')] : []),
    h('access-control-expose-headers', 'X-Request-Id, X-RateLimit-Remaining'),
    h('vary', 'Origin, Accept-Encoding'),
  ];

  const timings = (duration: number, sent = true): Record<string, number> =>
    !sent && firefox
      ? {}
      : {
          blocked: 0.6,
          dns: -1,
          ssl: -1,
          connect: -1,
          send: 0.2,
          wait: Math.max(0, duration - 2),
          receive: 1.2,
          _blocked_queueing: 0.4,
        };

  const initiator = () =>
    firefox
      ? undefined
      : {
          type: 'script',
          stack: {
            callFrames: [
              {
                functionName: 'request',
                scriptId: String(int(10, 60)),
                url: `${PAGE_ORIGIN}/static/js/api-client.${pick(chunks)}.js`,
                lineNumber: int(1, 900),
                columnNumber: int(1, 120),
              },
              {
                functionName: '',
                scriptId: String(int(10, 60)),
                url: `${PAGE_ORIGIN}/static/js/main.${pick(chunks)}.js`,
                lineNumber: int(1, 4000),
                columnNumber: int(1, 120),
              },
            ],
          },
        };

  interface Spec {
    at: number;
    method: string;
    url: string;
    requestHeaders: Header[];
    status: number;
    statusText?: string;
    responseHeaders: Header[];
    mimeType?: string;
    size?: number;
    redirectURL?: string;
    error?: string | null;
    resourceType: string;
    duration?: number;
    postData?: { mimeType: string; text: string };
    sent?: boolean;
    fromCache?: boolean;
  }

  const make = (spec: Spec): GeneratedEntry => {
    const duration = spec.duration ?? int(8, 240);
    const sent = spec.sent ?? spec.status > 0;
    const size = spec.size ?? (spec.status === 200 ? int(200, 90_000) : 0);
    const query = new URL(spec.url).searchParams;
    const entry: GeneratedEntry = {
      startedDateTime: iso(spec.at),
      time: duration,
      request: {
        method: spec.method,
        url: spec.url,
        httpVersion: sent ? 'http/2.0' : '',
        headers: spec.requestHeaders,
        queryString: [...query].map(([name, value]) => ({ name, value })),
        cookies: [],
        headersSize: sent ? -1 : -1,
        bodySize: spec.postData ? spec.postData.text.length : 0,
        ...(spec.postData ? { postData: spec.postData } : {}),
      },
      response: {
        status: spec.status,
        statusText: spec.statusText ?? STATUS_TEXT[spec.status] ?? '',
        httpVersion: spec.status > 0 ? 'http/2.0' : '',
        headers: spec.responseHeaders,
        cookies: [],
        content: { size, mimeType: spec.mimeType ?? 'x-unknown', ...(size > 1000 ? { compression: 0 } : {}) },
        redirectURL: spec.redirectURL ?? '',
        headersSize: -1,
        bodySize: spec.status > 0 ? size : -1,
      },
      cache: {},
      timings: timings(duration, sent),
    };
    if (!firefox) {
      entry.response._transferSize = spec.fromCache ? 0 : spec.status > 0 ? size + 400 : 0;
      entry.response._error = spec.error === undefined ? null : spec.error;
      entry.serverIPAddress = spec.status > 0 ? `203.0.113.${int(2, 250)}` : '';
      entry.connection = String(int(100, 999));
      entry.pageref = 'page_1';
      entry._initiator = spec.resourceType === 'fetch' || spec.resourceType === 'preflight' ? initiator() : undefined;
      entry._priority = spec.resourceType === 'script' ? 'High' : 'Low';
      entry._resourceType = spec.resourceType;
    } else {
      entry.pageref = 'page_1';
      if (spec.status > 0) entry.serverIPAddress = `203.0.113.${int(2, 250)}`;
    }
    requestId++;
    return entry;
  };

  const apiRequestHeaders = (method: string, url: string, extra: Header[], cookie = false) =>
    requestHeaders(method, url, {
      dest: 'empty',
      mode: 'cors',
      site: 'same-site',
      accept: 'application/json, text/plain, */*',
      cookie,
      extra: [h('origin', PAGE_ORIGIN), ...extra],
    });

  const apiResponse = (at: number, status: number, cors: Header[], extra: Header[] = []) =>
    commonResponse(at, 'nginx/1.27.2', [
      h('content-type', 'application/json; charset=utf-8'),
      h('content-length', String(int(80, 9000))),
      h('content-encoding', 'br'),
      h('cache-control', status === 200 ? 'private, max-age=0, must-revalidate' : 'no-store'),
      h('etag', `W/"${hex(16)}"`),
      h('x-ratelimit-limit', '600'),
      h('x-ratelimit-remaining', String(int(0, 600))),
      h('x-powered-by', 'Express'),
      ...cors,
      ...extra,
    ]);

  const preflightFor = (
    at: number,
    url: string,
    method: string,
    requested: string[],
    response: { status: number; headers: Header[] },
  ): GeneratedEntry =>
    make({
      at,
      method: 'OPTIONS',
      url,
      resourceType: 'preflight',
      requestHeaders: [
        ...pseudo('OPTIONS', url),
        h('accept', '*/*'),
        h('accept-encoding', 'gzip, deflate, br, zstd'),
        h('accept-language', 'en-GB,en-US;q=0.9,en;q=0.8,de;q=0.7'),
        h('access-control-request-method', method),
        ...(requested.length ? [h('access-control-request-headers', requested.join(','))] : []),
        h('origin', PAGE_ORIGIN),
        h('priority', 'u=1, i'),
        h('referer', `${PAGE_ORIGIN}/`),
        h('sec-fetch-dest', 'empty'),
        h('sec-fetch-mode', 'cors'),
        h('sec-fetch-site', 'same-site'),
        h('user-agent', firefox ? FIREFOX_UA : UA),
      ],
      status: response.status,
      responseHeaders: response.headers,
      size: 0,
      duration: int(3, 40),
    });

  const allowPreflight = (at: number, methods: string, headers: string) =>
    commonResponse(at, 'nginx/1.27.2', [
      h('access-control-allow-origin', PAGE_ORIGIN),
      h('access-control-allow-credentials', 'true'),
      h('access-control-allow-methods', methods),
      h('access-control-allow-headers', headers),
      h('access-control-max-age', '600'),
      h('vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'),
      h('content-length', '0'),
      h('x-powered-by', 'Express'),
    ]);

  /** A real request and its preflight, the preflight 1–12 ms after it, listed in either order. */
  const withPreflight = (request: GeneratedEntry, preflight: GeneratedEntry | null): GeneratedEntry[] => {
    if (!preflight) return [request];
    if (firefox && request.response.status === 0) return [preflight];
    return random() < 0.5 ? [preflight, request] : [request, preflight];
  };

  const event = (kind: EventKind, at: number): GeneratedEntry[] => {
    switch (kind) {
      case 'asset': {
        const type = pick(['script', 'script', 'style', 'image', 'image', 'image', 'font'] as const);
        const path =
          type === 'script'
            ? `/static/js/${pick(['vendor', 'main', 'chunk'])}.${pick(chunks)}.js`
            : type === 'style'
              ? `/static/css/main.${pick(chunks)}.css`
              : type === 'font'
                ? `/static/fonts/inter-${pick(['400', '500', '700'])}.woff2`
                : `/images/products/${pick(images)}-${pick(['320', '640', '1280'])}.webp`;
        const url = `${PAGE_ORIGIN}${path}?v=${int(1, 9)}`;
        const mime = { script: 'text/javascript', style: 'text/css', image: 'image/webp', font: 'font/woff2' }[type];
        const notModified = random() < 0.1;
        const cached = !notModified && random() < 0.25;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: type === 'style' ? 'stylesheet' : type,
            requestHeaders: requestHeaders('GET', url, {
              dest: type === 'style' ? 'style' : type,
              mode: type === 'font' ? 'cors' : 'no-cors',
              site: 'same-origin',
              accept: type === 'image' ? 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8' : '*/*',
              cookie: true,
              extra: notModified ? [h('if-none-match', `"${hex(20)}"`)] : [],
            }),
            status: notModified ? 304 : 200,
            responseHeaders: commonResponse(at, 'cloudflare', [
              h('content-type', mime),
              h('content-length', String(int(900, 400_000))),
              h('cache-control', 'public, max-age=31536000, immutable'),
              h('etag', `"${hex(20)}"`),
              h('last-modified', httpDate(EPOCH - 86_400_000 * int(1, 90))),
              h('accept-ranges', 'bytes'),
              h('cf-cache-status', pick(['HIT', 'HIT', 'MISS', 'REVALIDATED'])),
              h('cf-ray', `${hex(16)}-FRA`),
              h('age', String(int(0, 90_000))),
              h('vary', 'Accept-Encoding'),
              h('x-frame-options', 'SAMEORIGIN'),
            ]),
            mimeType: mime,
            fromCache: cached,
          }),
        ];
      }
      case 'same-origin-xhr': {
        const url = `${PAGE_ORIGIN}/api/session/${pick(['flags', 'recommendations', 'cart-count', 'notifications'])}`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'fetch',
            requestHeaders: requestHeaders('GET', url, {
              dest: 'empty',
              mode: 'cors',
              site: 'same-origin',
              accept: 'application/json',
              cookie: true,
            }),
            status: 200,
            responseHeaders: apiResponse(at, 200, [h('vary', 'Accept-Encoding')]),
            mimeType: 'application/json',
          }),
        ];
      }
      case 'api-get': {
        const url =
          random() < 0.7
            ? `${API}/v1/products/${int(1, 50_000)}?fields=price,stock,images&locale=en-GB`
            : `${API}/v1/${pick(['me', 'cart', 'wishlist', 'categories'])}`;
        const credentials = random() < 0.4;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'fetch',
            requestHeaders: apiRequestHeaders('GET', url, [], credentials),
            status: 200,
            responseHeaders: apiResponse(at, 200, corsHeaders(PAGE_ORIGIN, credentials)),
            mimeType: 'application/json',
          }),
        ];
      }
      case 'api-write': {
        const method = pick(['PUT', 'POST', 'DELETE', 'PATCH']);
        const url = `${API}/v1/cart/items/${int(1, 3000)}`;
        const extra = [h('authorization', `Bearer ${token}`), h('content-type', 'application/json')];
        const request = make({
          at,
          method,
          url,
          resourceType: 'fetch',
          requestHeaders: apiRequestHeaders(method, url, extra),
          status: method === 'POST' ? 201 : 200,
          responseHeaders: apiResponse(at, 200, corsHeaders(PAGE_ORIGIN, true)),
          mimeType: 'application/json',
          postData: { mimeType: 'application/json', text: `{"quantity":${int(1, 5)},"sku":"${hex(10)}"}` },
        });
        // A repeat within Access-Control-Max-Age reuses the cached preflight.
        const preflight =
          random() < 0.75
            ? preflightFor(at + int(1, 12), url, method, ['authorization', 'content-type'], {
                status: 204,
                headers: allowPreflight(at, 'GET, POST, PUT, PATCH, DELETE', 'Authorization, Content-Type'),
              })
            : null;
        return withPreflight(request, preflight);
      }
      case 'graphql': {
        const url = `${API}/graphql`;
        const extra = [
          h('authorization', `Bearer ${token}`),
          h('content-type', 'application/json'),
          h('x-apollo-operation-name', pick(['ProductList', 'Cart', 'Viewer', 'Search'])),
        ];
        const request = make({
          at,
          method: 'POST',
          url,
          resourceType: 'fetch',
          requestHeaders: apiRequestHeaders('POST', url, extra),
          status: 200,
          responseHeaders: apiResponse(at, 200, corsHeaders(PAGE_ORIGIN, true)),
          mimeType: 'application/json',
          postData: { mimeType: 'application/json', text: `{"operationName":"Cart","variables":{"id":${int(1, 99)}}}` },
        });
        const preflight =
          random() < 0.5
            ? preflightFor(at + int(1, 12), url, 'POST', ['authorization', 'content-type', 'x-apollo-operation-name'], {
                status: 204,
                headers: allowPreflight(at, 'GET, POST', 'Authorization, Content-Type, X-Apollo-Operation-Name'),
              })
            : null;
        return withPreflight(request, preflight);
      }
      case 'third-party': {
        if (random() < 0.5) {
          const url = `https://www.google-analytics.com/g/collect?v=2&tid=G-${hex(10)}&cid=${int(1e8, 9e8)}&en=page_view&_p=${requestId}`;
          return [
            make({
              at,
              method: 'POST',
              url,
              resourceType: 'ping',
              requestHeaders: requestHeaders('POST', url, {
                dest: 'empty',
                mode: 'no-cors',
                site: 'cross-site',
                accept: '*/*',
                extra: [h('content-type', 'text/plain;charset=UTF-8'), h('origin', PAGE_ORIGIN)],
              }),
              status: 204,
              responseHeaders: commonResponse(at, 'Golfe2', [
                h('content-type', 'text/plain'),
                h('access-control-allow-origin', PAGE_ORIGIN),
                h('access-control-allow-credentials', 'true'),
                h('cache-control', 'no-cache, no-store, must-revalidate'),
                h('cross-origin-resource-policy', 'cross-origin'),
              ]),
              size: 0,
            }),
          ];
        }
        const url = `https://fonts.gstatic.com/s/inter/v13/${hex(24)}.woff2`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'font',
            requestHeaders: requestHeaders('GET', url, {
              dest: 'font',
              mode: 'cors',
              site: 'cross-site',
              accept: '*/*',
              extra: [h('origin', PAGE_ORIGIN)],
            }),
            status: 200,
            responseHeaders: commonResponse(at, 'sffe', [
              h('content-type', 'font/woff2'),
              h('access-control-allow-origin', '*'),
              h('cache-control', 'public, max-age=31536000'),
              h('timing-allow-origin', '*'),
              h('age', String(int(0, 500_000))),
              h('cross-origin-resource-policy', 'cross-origin'),
            ]),
            mimeType: 'font/woff2',
          }),
        ];
      }
      case 'redirect': {
        const id = int(1, 20_000);
        const from = `${API}/v1/legacy/items/${id}`;
        const crossOrigin = random() < 0.4;
        const to = crossOrigin ? `${CDN}/items/${id}.json` : `${API}/v2/items/${id}`;
        const first = make({
          at,
          method: 'GET',
          url: from,
          resourceType: 'fetch',
          requestHeaders: apiRequestHeaders('GET', from, []),
          status: crossOrigin ? 302 : 301,
          responseHeaders: apiResponse(at, 301, corsHeaders(PAGE_ORIGIN, false), [h('location', to)]),
          redirectURL: to,
          duration: int(5, 30),
          size: 0,
        });
        const targetAllows = !crossOrigin || random() < 0.8;
        const second = make({
          at: at + (first.time as number) + int(1, 4),
          method: 'GET',
          url: to,
          resourceType: 'fetch',
          requestHeaders: apiRequestHeaders('GET', to, []),
          status: 200,
          responseHeaders: crossOrigin
            ? commonResponse(at, 'AmazonS3', [
                h('content-type', 'application/json'),
                ...(targetAllows ? [h('access-control-allow-origin', '*')] : []),
                h('x-cache', 'Hit from cloudfront'),
                h('via', '1.1 8f3a.cloudfront.net (CloudFront)'),
                h('x-amz-cf-id', hex(40)),
                h('x-amz-cf-pop', 'FRA56-P4'),
              ])
            : apiResponse(at, 200, corsHeaders(PAGE_ORIGIN, false)),
          mimeType: 'application/json',
          error: targetAllows ? null : 'net::ERR_FAILED',
        });
        return [first, second];
      }
      case 'login': {
        const url = `${API}/v1/auth/refresh`;
        return [
          make({
            at,
            method: 'POST',
            url,
            resourceType: 'fetch',
            requestHeaders: apiRequestHeaders('POST', url, [h('content-type', 'text/plain;charset=UTF-8')], true),
            status: 200,
            responseHeaders: apiResponse(at, 200, corsHeaders(PAGE_ORIGIN, true), [
              h('set-cookie', `refresh=${hex(24)}; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=86400`),
            ]),
            mimeType: 'application/json',
          }),
        ];
      }
      case 'blocked-mismatch': {
        const url = `${API}/v1/recommendations?user=${int(1, 9999)}`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'fetch',
            requestHeaders: apiRequestHeaders('GET', url, []),
            status: 200,
            responseHeaders: apiResponse(at, 200, corsHeaders(STAGING_ORIGIN, false)),
            mimeType: 'application/json',
            error: 'net::ERR_FAILED',
          }),
        ];
      }
      case 'error-without-cors': {
        const url = `${API}/v1/checkout/quote?cart=${hex(8)}`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'fetch',
            requestHeaders: apiRequestHeaders('GET', url, []),
            status: pick([500, 502, 503]),
            responseHeaders: commonResponse(at, 'nginx/1.27.2', [
              h('content-type', 'text/html'),
              h('content-length', '157'),
              h('cache-control', 'no-store'),
            ]),
            mimeType: 'text/html',
            error: 'net::ERR_FAILED',
          }),
        ];
      }
      case 'preflight-rejected': {
        const url = `${API}/v1/orders/${int(1, 9999)}/cancel`;
        // Chromium records only the provisional headers of a request it never sent.
        const request = make({
          at,
          method: 'PUT',
          url,
          resourceType: 'fetch',
          requestHeaders: [h('authorization', `Bearer ${token}`), h('content-type', 'application/json')],
          status: 0,
          responseHeaders: [],
          error: 'net::ERR_FAILED',
          sent: false,
          duration: int(3, 20),
        });
        const status = pick([401, 403, 404]);
        const preflight = preflightFor(at + int(1, 12), url, 'PUT', ['authorization', 'content-type'], {
          status,
          headers: commonResponse(at, 'nginx/1.27.2', [
            h('content-type', 'application/json'),
            h('www-authenticate', 'Bearer realm="api"'),
            h('content-length', '48'),
          ]),
        });
        return withPreflight(request, preflight);
      }
      case 'header-not-allowed': {
        const url = `${API}/v1/cart/items/${int(1, 3000)}`;
        const request = make({
          at,
          method: 'PATCH',
          url,
          resourceType: 'fetch',
          requestHeaders: [
            h('authorization', `Bearer ${token}`),
            h('content-type', 'application/json'),
            h('x-trace-id', hex(16)),
          ],
          status: 0,
          responseHeaders: [],
          error: 'net::ERR_FAILED',
          sent: false,
          duration: int(3, 20),
        });
        const preflight = preflightFor(at + int(1, 12), url, 'PATCH', ['authorization', 'content-type', 'x-trace-id'], {
          status: 204,
          headers: allowPreflight(at, 'GET, POST, PUT, PATCH, DELETE', 'Authorization, Content-Type'),
        });
        return withPreflight(request, preflight);
      }
      case 'blocked-by-client': {
        const url = `https://ads.tracker.example/pixel.gif?id=${hex(12)}`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'image',
            requestHeaders: requestHeaders('GET', url, {
              dest: 'image',
              mode: 'no-cors',
              site: 'cross-site',
              accept: 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8',
            }),
            status: 0,
            responseHeaders: [],
            error: 'net::ERR_BLOCKED_BY_CLIENT',
            sent: false,
          }),
        ];
      }
      case 'connection-refused': {
        const url = `https://search.shop.example/suggest?q=${hex(5)}`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'fetch',
            requestHeaders: apiRequestHeaders('GET', url, []),
            status: 0,
            responseHeaders: [],
            error: 'net::ERR_CONNECTION_REFUSED',
            sent: true,
          }),
        ];
      }
      case 'unauthorized': {
        const url = `${API}/v1/me/orders`;
        return [
          make({
            at,
            method: 'GET',
            url,
            resourceType: 'fetch',
            requestHeaders: apiRequestHeaders('GET', url, []),
            status: 401,
            responseHeaders: apiResponse(at, 401, corsHeaders(PAGE_ORIGIN, true), [
              h('www-authenticate', 'Bearer error="invalid_token"'),
            ]),
            mimeType: 'application/json',
          }),
        ];
      }
    }
  };

  // The page itself comes first.
  const document = make({
    at: now,
    method: 'GET',
    url: `${PAGE_ORIGIN}/catalog/shoes`,
    resourceType: 'document',
    requestHeaders: requestHeaders('GET', `${PAGE_ORIGIN}/catalog/shoes`, {
      dest: 'document',
      mode: 'navigate',
      site: 'none',
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      cookie: true,
    }),
    status: 200,
    responseHeaders: commonResponse(now, 'cloudflare', [
      h('content-type', 'text/html; charset=utf-8'),
      h('cache-control', 'no-cache'),
      h('cf-ray', `${hex(16)}-FRA`),
      h('content-security-policy', "default-src 'self'; connect-src 'self' https://*.shop.example"),
    ]),
    mimeType: 'text/html',
  });
  yield document;
  emitted++;

  while (emitted < options.entries) {
    now += Math.max(1, Math.round(-Math.log(1 - random()) * 12));
    let roll = random() * TOTAL_WEIGHT;
    let kind: EventKind = 'asset';
    for (const [k, w] of WEIGHTS) {
      roll -= w;
      if (roll < 0) {
        kind = k;
        break;
      }
    }
    for (const entry of event(kind, now)) {
      if (emitted >= options.entries) return;
      yield entry;
      emitted++;
    }
  }
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function logHead(producer: 'chromium' | 'firefox') {
  return {
    version: '1.2',
    creator:
      producer === 'firefox' ? { name: 'Firefox', version: '153.0' } : { name: 'WebInspector', version: '537.36' },
    ...(producer === 'firefox' ? { browser: { name: 'Firefox', version: '153.0' } } : {}),
    pages: [
      {
        startedDateTime: new Date(EPOCH).toISOString(),
        id: 'page_1',
        title: `${PAGE_ORIGIN}/catalog/shoes`,
        pageTimings: { onContentLoad: 412.5, onLoad: 988.1 },
      },
    ],
  };
}

/** The whole capture in memory, for tests. */
export function generateHar(options: GenerateOptions): {
  log: ReturnType<typeof logHead> & { entries: GeneratedEntry[] };
} {
  return { log: { ...logHead(options.producer ?? 'chromium'), entries: [...generateEntries(options)] } };
}

/** Writes the capture to `path` entry by entry (a 100k-entry file does not fit in one string); returns its size. */
export function writeHar(path: string, options: GenerateOptions): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buffer = '';
  const write = (text: string, force = false) => {
    buffer += text;
    if (buffer.length < 1 << 20 && !force) return;
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  try {
    const head = JSON.stringify({ log: logHead(options.producer ?? 'chromium') });
    // `{"log":{…}}` → `{"log":{…,"entries":[` … `]}}`
    write(head.slice(0, -2) + ',"entries":[\n');
    let first = true;
    for (const entry of generateEntries(options)) {
      write((first ? '' : ',\n') + JSON.stringify(entry));
      first = false;
    }
    write('\n]}}\n', true);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
