// Small HAR entries with sensible defaults, so a test states only what matters (Lighthouse's fixture-builder idea).
// Defaults: page https://app.example calling https://api.example, as Chromium records it.
import type { RawHarEntry, RawHarLog } from '../../src/engine';

export const PAGE = 'https://app.example';
export const API = 'https://api.example';

type Headers = Record<string, string | string[]>;

export interface EntryOptions {
  method?: string;
  url?: string;
  /** Milliseconds after a fixed epoch. */
  at?: number;
  requestHeaders?: Headers;
  status?: number;
  statusText?: string;
  responseHeaders?: Headers;
  redirectURL?: string;
  /** Chromium's response._error; omit the key entirely with `error: undefined` and `producer: 'firefox'`. */
  error?: string | null;
  resourceType?: string;
  producer?: 'chromium' | 'firefox';
  /** Firefox's marker of a request it never sent. */
  timings?: Record<string, number>;
  httpVersion?: string;
  headersSize?: number;
}

const EPOCH = Date.parse('2026-11-01T10:00:00.000Z');

function toHeaders(headers: Headers = {}): { name: string; value: string }[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => ({ name, value: v })) : [{ name, value }],
  );
}

export function entry(options: EntryOptions = {}): RawHarEntry {
  const producer = options.producer ?? 'chromium';
  const status = options.status ?? 200;
  const response: NonNullable<RawHarEntry['response']> = {
    status,
    statusText: options.statusText ?? (status === 200 ? 'OK' : ''),
    headers: toHeaders(options.responseHeaders),
    redirectURL: options.redirectURL ?? '',
  };
  if (producer === 'chromium') response._error = options.error === undefined ? null : options.error;
  const raw: RawHarEntry = {
    startedDateTime: new Date(EPOCH + (options.at ?? 0)).toISOString(),
    time: 10,
    request: {
      method: options.method ?? 'GET',
      url: options.url ?? `${API}/data`,
      httpVersion: options.httpVersion ?? 'HTTP/1.1',
      headers: toHeaders(options.requestHeaders ?? { Origin: PAGE }),
      cookies: [],
      headersSize: options.headersSize ?? 300,
    },
    response,
    timings: options.timings ?? { send: 1, wait: 5, receive: 1 },
  };
  if (options.resourceType ?? (producer === 'chromium' ? 'fetch' : undefined)) {
    raw._resourceType = options.resourceType ?? 'fetch';
  }
  return raw;
}

/** The preflight a browser sends for `method` with `requestHeaders` (ACRH lower-case and sorted, as browsers do). */
export function preflight(
  options: EntryOptions & { for?: string; requestedHeaders?: string[]; origin?: string } = {},
): RawHarEntry {
  const requested = (options.requestedHeaders ?? []).map((h) => h.toLowerCase()).sort();
  return entry({
    status: 204,
    statusText: 'No Content',
    at: 2,
    resourceType: options.producer === 'firefox' ? undefined : 'preflight',
    ...options,
    method: 'OPTIONS',
    requestHeaders: {
      Origin: options.origin ?? PAGE,
      'Access-Control-Request-Method': options.for ?? 'PUT',
      ...(requested.length ? { 'Access-Control-Request-Headers': requested.join(',') } : {}),
      ...options.requestHeaders,
    },
  });
}

/** A real request Chromium blocked at the preflight: status 0, provisional headers, net::ERR_FAILED. */
export function notSent(options: EntryOptions = {}): RawHarEntry {
  if (options.producer === 'firefox') {
    return entry({ status: 0, statusText: '', timings: {}, headersSize: 0, httpVersion: '', ...options });
  }
  return entry({
    status: 0,
    statusText: '',
    error: 'net::ERR_FAILED',
    httpVersion: '',
    headersSize: -1,
    ...options,
    requestHeaders: options.requestHeaders ?? { 'Content-Type': 'application/json' },
  });
}

type Producer = 'chromium' | 'firefox';

/** A PUT of JSON from PAGE that asks for `requestedHeaders`, built the ways the preflight rules' tests vary it. */
export interface PreflightedPut {
  /** Its preflight, answered `status` with `responseHeaders` (as Chromium records it, or `producer`). */
  answered(status: number, statusText: string, responseHeaders?: Headers, producer?: Producer): RawHarEntry;
  /** The PUT, as Chromium records it when the preflight blocked it: never sent. */
  blockedPut: RawHarEntry;
  /** A 204 preflight answered with `preflightHeaders` that let the PUT through, then the PUT, allowed. */
  passed(preflightHeaders: Headers, producer?: Producer): RawHarEntry[];
  /** What Firefox's getHAR() holds when the preflight, answered `status`, blocked the PUT: both, the PUT never sent. */
  firefoxStopped(status: number, statusText: string, responseHeaders?: Headers): RawHarEntry[];
}

export function preflightedPut(requestedHeaders: string[]): PreflightedPut {
  const answered: PreflightedPut['answered'] = (status, statusText, responseHeaders = {}, producer) =>
    preflight({ producer, status, statusText, requestedHeaders, responseHeaders });
  return {
    answered,
    blockedPut: notSent({ method: 'PUT' }),
    passed: (preflightHeaders, producer) => [
      answered(204, 'No Content', preflightHeaders, producer),
      entry({
        producer,
        method: 'PUT',
        requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' },
        responseHeaders: allow(),
      }),
    ],
    firefoxStopped: (status, statusText, responseHeaders = {}) => [
      answered(status, statusText, responseHeaders, 'firefox'),
      notSent({ producer: 'firefox', method: 'PUT', requestHeaders: { Origin: PAGE } }),
    ],
  };
}

export function har(entries: RawHarEntry[], producer: 'chromium' | 'firefox' = 'chromium'): { log: RawHarLog } {
  return {
    log: {
      version: '1.2',
      creator:
        producer === 'firefox' ? { name: 'Firefox', version: '153.7.0' } : { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries,
    },
  };
}

/** CORS response headers that let `origin` through. */
export function allow(origin = PAGE, extra: Headers = {}): Headers {
  return { 'Access-Control-Allow-Origin': origin, ...extra };
}
