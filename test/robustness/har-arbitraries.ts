// fast-check generators for HAR captures as producers write them, and as they arrive damaged: CORS headers in any
// casing and repeated, statuses and methods real and odd, preflights paired with their request or orphaned,
// redirect chains, and entries mutated (fields dropped, wrong types, nested garbage).
import fc from 'fast-check';

const EPOCH = Date.parse('2026-11-01T10:00:00.000Z');

export const ORIGINS = [
  'https://app.example',
  'https://api.example',
  'http://api.example',
  'https://www.app.example',
  'http://localhost:3000',
  'http://127.0.0.1:8002',
  'https://other.example',
] as const;

const PATHS = ['/', '/data', '/v1/items/42', '/a?b=1', '/x#frag', '', '/login', '/data/'];

/** Absolute URLs on a few origins (so requests, preflights and redirects meet), and now and then anything. */
export const url: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...ORIGINS), fc.constantFrom(...PATHS)).map(([o, p]) => o + p) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      'not a url',
      'data:text/plain,x',
      'about:blank',
      'ws://api.example/socket',
      '/relative/path',
      'https://user:pass@api.example/x',
      'https://[::1]:8080/x',
      'https://☃.example/ü?q=✓',
      'HTTPS://API.EXAMPLE:443/Data',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const CORS_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Access-Control-Allow-Private-Network',
  'Vary',
  'Location',
  'Set-Cookie',
  'Server',
  'X-Powered-By',
  'cf-ray',
  'x-amzn-ErrorType',
  'WWW-Authenticate',
  'Cache-Control',
  'Age',
  'X-Cache',
  'Content-Type',
];

const REQUEST_HEADERS = [
  'Origin',
  'Access-Control-Request-Method',
  'Access-Control-Request-Headers',
  'Access-Control-Request-Private-Network',
  'Cookie',
  'Authorization',
  'Content-Type',
  'Referer',
  'Sec-Fetch-Mode',
  'Sec-Fetch-Site',
  'X-Api-Key',
  'Accept',
  'Range',
];

const VALUES = [
  '*',
  'null',
  'true',
  'TRUE',
  '',
  ' ',
  ...ORIGINS,
  'https://app.example/',
  'https://*.app.example',
  'https://app.example, https://other.example',
  'GET, PUT, DELETE',
  'put',
  'authorization, content-type',
  'Content-Type',
  'content-type,x-api-key',
  'application/json',
  'text/plain',
  'cors',
  'no-cors',
  'navigate',
  'Origin',
  'Express',
  'nginx',
  'MissingAuthenticationTokenException',
  'sid=abc; SameSite=Lax',
  'sid=abc; SameSite=None; Secure',
  'Bearer abc.def',
  'bytes=0-1',
  '\u0000\u001b[31m\r\n',
  'ü✓\u202e',
];

/** A header value: a meaningful one, random text (any code point, control characters included), or a number. */
const headerValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 3, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer() },
);

function headerName(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.mixedCase(fc.constantFrom(...names)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

/** A header list as HAR writes it; duplicates come for free (the same name drawn twice). */
function headers(names: readonly string[]): fc.Arbitrary<unknown> {
  const list = fc.array(fc.record({ name: headerName(names), value: headerValue }), { maxLength: 7 });
  return fc.oneof(
    { weight: 12, arbitrary: list },
    // The {name: value} object form some tools write.
    { weight: 1, arbitrary: list.map((items) => Object.fromEntries(items.map((h) => [h.name, h.value]))) },
    { weight: 1, arbitrary: garbage },
  );
}

/** Values of the wrong type, for any field. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, '', 'garbage', [], {}, [[[[]]]], { toString: 1 }, [{ name: 5 }]),
  fc.jsonValue({ maxDepth: 3 }),
);

const STATUSES = [0, 200, 204, 301, 302, 303, 307, 308, 304, 400, 401, 403, 404, 405, 500, 502, 503];
const status: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...STATUSES) },
  { weight: 1, arbitrary: fc.constantFrom('200', '204', ' 404 ', '2OO', 99999, -1, 200.5) },
);

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'patch', 'get', 'options'];
const method: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...METHODS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

interface EntryShape {
  method: unknown;
  url: unknown;
  at: number;
  requestHeaders: unknown;
  status: unknown;
  responseHeaders: unknown;
  redirectURL: unknown;
  error: unknown;
  resourceType: unknown;
  timings: unknown;
}

function toEntry(shape: EntryShape): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    startedDateTime: new Date(EPOCH + shape.at).toISOString(),
    time: 10,
    request: {
      method: shape.method,
      url: shape.url,
      httpVersion: 'HTTP/1.1',
      headers: shape.requestHeaders,
      cookies: [],
    },
    response: { status: shape.status, statusText: '', headers: shape.responseHeaders, redirectURL: shape.redirectURL },
    timings: shape.timings,
  };
  if (shape.error !== undefined) (entry.response as Record<string, unknown>)._error = shape.error;
  if (shape.resourceType !== undefined) entry._resourceType = shape.resourceType;
  return entry;
}

const time = fc.integer({ min: 0, max: 5_000 });

/** One entry with every field drawn independently: a request, a preflight or anything in between. */
export const looseEntry: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    method,
    url,
    at: time,
    requestHeaders: headers(REQUEST_HEADERS),
    status,
    responseHeaders: headers(CORS_HEADERS),
    redirectURL: fc.oneof(fc.constant(''), url),
    error: fc.constantFrom(
      undefined,
      null,
      'net::ERR_FAILED',
      'net::ERR_CONNECTION_REFUSED',
      'net::ERR_BLOCKED_BY_CLIENT',
    ),
    resourceType: fc.constantFrom(undefined, 'fetch', 'xhr', 'preflight', 'document', 'script', 'image', 'other'),
    timings: fc.constantFrom<unknown>({ send: 1, wait: 5, receive: 1 }, {}, undefined),
  })
  .map(toEntry);

/** How a response answers CORS, relative to the request: right, wrong, or not at all. */
const corsChoices = fc.record({
  allowOrigin: fc.constantFrom('origin', '*', 'other', 'origin/', 'null', 'twice', 'absent'),
  credentials: fc.constantFrom('true', 'false', 'absent'),
  methods: fc.constantFrom('method', 'GET, POST', '*', 'absent'),
  headers: fc.constantFrom('requested', '*', 'content-type', 'absent'),
});
type CorsChoices = typeof corsChoices extends fc.Arbitrary<infer T> ? T : never;

function corsHeaders(choices: CorsChoices, origin: string, method: string, requested: string) {
  const list: { name: string; value: string }[] = [];
  const allowOrigin = {
    origin,
    '*': '*',
    other: 'https://other.example',
    'origin/': `${origin}/`,
    null: 'null',
    twice: origin,
    absent: null,
  }[choices.allowOrigin];
  if (allowOrigin !== null) list.push({ name: 'Access-Control-Allow-Origin', value: allowOrigin });
  if (choices.allowOrigin === 'twice') list.push({ name: 'Access-Control-Allow-Origin', value: origin });
  if (choices.credentials !== 'absent')
    list.push({ name: 'Access-Control-Allow-Credentials', value: choices.credentials });
  const methods = choices.methods === 'method' ? method : choices.methods;
  if (methods !== 'absent') list.push({ name: 'Access-Control-Allow-Methods', value: methods });
  const headers = choices.headers === 'requested' ? requested : choices.headers;
  if (headers !== 'absent' && headers !== '') list.push({ name: 'Access-Control-Allow-Headers', value: headers });
  return list;
}

/**
 * A real request with, usually, the preflight the browser sent for it (same URL, Access-Control-Request-Method and
 * -Headers as browsers write them, a few ms later), and sometimes a redirect to a next hop.
 */
export const exchangeEntries: fc.Arbitrary<Record<string, unknown>[]> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    url,
    at: time,
    origin: fc.constantFrom(...ORIGINS),
    extra: fc.subarray(['Authorization', 'X-Api-Key', 'Content-Type']),
    withPreflight: fc.boolean(),
    preflightDelay: fc.integer({ min: -5, max: 120 }),
    preflightStatus: fc.constantFrom(200, 204, 301, 401, 404, 500, 0),
    preflightCors: corsChoices,
    preflightHeaders: headers(CORS_HEADERS),
    status: fc.constantFrom(0, 200, 204, 302, 307, 401, 500),
    responseCors: corsChoices,
    responseHeaders: headers(CORS_HEADERS),
    redirectTo: url,
    error: fc.constantFrom(undefined, null, 'net::ERR_FAILED'),
  })
  .map((x) => {
    const requested = x.extra.map((h) => h.toLowerCase()).sort();
    const cors = (choices: CorsChoices, extra: unknown) => [
      ...corsHeaders(choices, x.origin, x.method, requested.join(', ')),
      ...(Array.isArray(extra) ? extra : []),
    ];
    const requestHeaders = [
      { name: 'Origin', value: x.origin },
      ...x.extra.map((name) => ({ name, value: name === 'Content-Type' ? 'application/json' : 'secret-value' })),
    ];
    const real = toEntry({
      method: x.method,
      url: x.url,
      at: x.at,
      requestHeaders,
      status: x.status,
      responseHeaders: cors(x.responseCors, x.responseHeaders),
      redirectURL: x.status >= 300 && x.status < 400 ? x.redirectTo : '',
      error: x.error,
      resourceType: 'fetch',
      timings: x.status === 0 && x.error === 'net::ERR_FAILED' ? {} : { send: 1, wait: 5, receive: 1 },
    });
    const entries = [real];
    if (x.status >= 300 && x.status < 400) {
      entries.push(
        toEntry({
          method: x.method,
          url: x.redirectTo,
          at: x.at + 3,
          requestHeaders,
          status: 200,
          responseHeaders: cors(x.responseCors, x.responseHeaders),
          redirectURL: '',
          error: null,
          resourceType: 'fetch',
          timings: { send: 1, wait: 5, receive: 1 },
        }),
      );
    }
    if (x.withPreflight) {
      entries.push(
        toEntry({
          method: 'OPTIONS',
          url: x.url,
          at: x.at + x.preflightDelay,
          requestHeaders: [
            { name: 'Origin', value: x.origin },
            { name: 'Access-Control-Request-Method', value: x.method },
            ...(requested.length ? [{ name: 'Access-Control-Request-Headers', value: requested.join(',') }] : []),
          ],
          status: x.preflightStatus,
          responseHeaders: cors(x.preflightCors, x.preflightHeaders),
          redirectURL: '',
          error: x.preflightStatus === 0 ? 'net::ERR_FAILED' : null,
          resourceType: 'preflight',
          timings: { send: 1, wait: 5, receive: 1 },
        }),
      );
    }
    return entries;
  });

/** An entry with some fields removed or replaced by values of the wrong type, at any depth. */
function mutate(entry: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = [
    ['request'],
    ['response'],
    ['startedDateTime'],
    ['timings'],
    ['request', 'url'],
    ['request', 'method'],
    ['request', 'headers'],
    ['request', 'cookies'],
    ['response', 'status'],
    ['response', 'headers'],
    ['response', 'redirectURL'],
    ['response', '_error'],
    ['_initiator'],
    ['_resourceType'],
  ];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(entry) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), fc.option(garbage, { nil: undefined, freq: 3 }))
        .map(([path, value]) => {
          const copy = structuredClone(entry);
          let target = copy as Record<string, unknown>;
          for (const key of path.slice(0, -1)) {
            const next = target[key];
            if (!next || typeof next !== 'object') return copy;
            target = next as Record<string, unknown>;
          }
          const last = path[path.length - 1] as string;
          if (value === undefined) Reflect.deleteProperty(target, last);
          else target[last] = value;
          return copy;
        }),
    },
    { weight: 1, arbitrary: garbage },
  );
}

const CREATORS = [
  { name: 'WebInspector', version: '537.36' },
  { name: 'Firefox', version: '153.7.0' },
  { name: 'Charles Proxy', version: '5' },
  'garbage',
  null,
  undefined,
];

/** A whole capture: exchanges and loose entries, shuffled, some mutated, some duplicated, from any producer. */
export const harLog: fc.Arbitrary<{ log: Record<string, unknown> }> = fc
  .record({
    groups: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: exchangeEntries },
        looseEntry.map((e) => [e]),
      ),
      {
        maxLength: 6,
      },
    ),
    creator: fc.constantFrom(...CREATORS),
    pages: fc.constantFrom<unknown>(undefined, [], [{ id: 'page_1', title: 'https://app.example/' }], 'garbage'),
    duplicate: fc.boolean(),
  })
  .chain(({ groups, creator, pages, duplicate }) => {
    const flat = groups.flat();
    const entries = duplicate && flat[0] ? [...flat, flat[0]] : flat;
    return fc
      .tuple(...entries.map(mutate))
      .chain((mutated) => fc.shuffledSubarray(mutated, { minLength: mutated.length, maxLength: mutated.length }))
      .map((shuffled) => ({ log: { version: '1.2', creator, pages, entries: shuffled } }));
  });

/** What a file holds: the generated capture as JSON text and back, so only JSON values reach the engine. */
export const harJson = harLog.map((har) => JSON.parse(JSON.stringify(har)) as unknown);

/**
 * The same capture with every entry at its own start time, in the order the times had (ties by position), spaced
 * so that no entry is exactly halfway between two others: times are the numbers whose base-3 digits are all 0 or 1
 * (no three of them in arithmetic progression), in units of 7 ms. Then no two candidates are ever equally near, and
 * nothing the engine decides can hinge on an entry's position in the file.
 */
export function withDistinctStartTimes(json: unknown): unknown {
  const { log } = json as { log: { entries: unknown[] } };
  const at = (entry: unknown) => {
    const started = (entry as { startedDateTime?: unknown } | null)?.startedDateTime;
    const ms = typeof started === 'string' ? Date.parse(started) : NaN;
    return Number.isFinite(ms) ? ms : EPOCH;
  };
  const ranks = log.entries
    .map((entry, index) => ({ index, ms: at(entry) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index);
  const entries = [...log.entries];
  ranks.forEach(({ index }, rank) => {
    const entry = entries[index];
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return;
    const spaced = Number.parseInt(rank.toString(2), 3) * 7;
    entries[index] = { ...entry, startedDateTime: new Date(EPOCH + spaced).toISOString() };
  });
  return { ...(json as object), log: { ...log, entries } };
}
