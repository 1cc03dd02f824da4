import { resolveUrl, withoutFragment } from '../cors/origin';
import { HeaderList } from './headers';
import type { RawHarEntry, RawHarLog } from './types';

/** A HAR entry as the engine uses it: strict types, defaults for what the producer left out. */
export interface Entry {
  /** Index in the file's log.entries. */
  readonly index: number;
  readonly startedMs: number | null;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: HeaderList;
  /** Cookies sent, from `request.cookies[]` (the Cookie header is in requestHeaders). */
  readonly requestCookieCount: number;
  /** 0 when there was no response (never sent, network error, or blocked before sending). */
  readonly status: number;
  readonly statusText: string;
  readonly responseHeaders: HeaderList;
  /** The absolute redirect target, from `redirectURL` or the Location header. */
  readonly redirectUrl: string | null;
  /** Chromium's `response._error` (a net error name); undefined when the producer does not record errors. */
  readonly error: string | null | undefined;
  /** Chromium's `_resourceType` ("preflight", "fetch", "xhr", …). */
  readonly resourceType: string | null;
  /** Chromium links a preflight to its real request's URL through `_initiator`. */
  readonly initiator: { type: string; url: string | null } | null;
  readonly fromCache: string | null;
  readonly transferSize: number | null;
  readonly serverIp: string | null;
  readonly pageref: string | null;
  /** Firefox writes `timings: {}` for a request it never sent. */
  readonly timingsEmpty: boolean;
  readonly requestHeadersSize: number | null;
  readonly httpVersion: string;
  /** What was missing or malformed in this entry, for the report. */
  readonly problems: readonly string[];
}

export interface PageInfo {
  id: string;
  url: string | null;
}

export function normalizeEntries(log: RawHarLog): Entry[] {
  return log.entries.map((raw, index) => normalizeEntry(raw, index));
}

export function normalizePages(log: RawHarLog): PageInfo[] {
  if (!Array.isArray(log.pages)) return [];
  return log.pages.flatMap((page: unknown) => {
    if (!page || typeof page !== 'object') return [];
    const { id, title } = page as { id?: unknown; title?: unknown };
    if (typeof id !== 'string') return [];
    return [{ id, url: typeof title === 'string' && /^https?:\/\//i.test(title) ? title : null }];
  });
}

export function normalizeEntry(raw: RawHarEntry, index: number): Entry {
  const problems: string[] = [];
  const request = isObject(raw.request) ? raw.request : (problems.push('no request object'), {});
  const response = isObject(raw.response) ? raw.response : (problems.push('no response object'), {});

  const url = withoutFragment(
    asString(request.url) ?? (problems.push(missingOrNotText('request.url', request.url)), ''),
  );
  const method = asString(request.method) ?? (problems.push(missingOrNotText('request.method', request.method)), 'GET');
  const status =
    asStatus(response.status) ??
    (response.status === undefined ? 0 : (problems.push('response.status is not an HTTP status code'), 0));
  const responseHeaders = readHeaders(response.headers, 'response.headers', problems);
  const location = responseHeaders.get('location');
  const redirectTarget = nonEmpty(asString(response.redirectURL)) ?? (status >= 300 && status < 400 ? location : null);
  const started = asString(raw.startedDateTime);
  const startedMs = started ? Date.parse(started) : NaN;
  const initiator = isObject(raw._initiator) ? raw._initiator : null;

  return {
    index,
    startedMs: Number.isFinite(startedMs) ? startedMs : null,
    method,
    url,
    requestHeaders: readHeaders(request.headers, 'request.headers', problems),
    requestCookieCount: Array.isArray(request.cookies) ? request.cookies.length : 0,
    status,
    statusText: asString(response.statusText) ?? '',
    responseHeaders,
    redirectUrl: redirectTarget && url ? resolveUrl(redirectTarget, url) : null,
    error: '_error' in response ? (nonEmpty(asString(response._error)) ?? null) : undefined,
    resourceType: asString(raw._resourceType),
    initiator: initiator ? { type: asString(initiator.type) ?? 'other', url: asString(initiator.url) ?? null } : null,
    fromCache: asString(raw._fromCache),
    transferSize: asNumber(response._transferSize),
    serverIp: nonEmpty(asString(raw.serverIPAddress)),
    pageref: asString(raw.pageref),
    timingsEmpty: isObject(raw.timings) && Object.keys(raw.timings).length === 0,
    requestHeadersSize: asNumber(request.headersSize),
    httpVersion: asString(request.httpVersion) ?? '',
    problems,
  };
}

const sharedNames = new Map<string, string>();
const lastValues = new Map<string, string>();

/** One copy of each header name (bounded: past 10k distinct names it starts over). */
function sharedName(name: string): string {
  const known = sharedNames.get(name);
  if (known !== undefined) return known;
  if (sharedNames.size >= 10_000) {
    sharedNames.clear();
    lastValues.clear();
  }
  sharedNames.set(name, name);
  return name;
}

/** The value itself, or the same value from the previous line of that name (user-agent, accept, …). */
function sharedValue(name: string, value: string): string {
  const last = lastValues.get(name);
  if (last === value) return last;
  lastValues.set(name, value);
  return value;
}

/**
 * Accepts the HAR array form, and the `{name: value}` object form some tools write. A big HAR has millions of header
 * lines, mostly the same few hundred names and values: names, and a value repeated by the previous line of the same
 * name, are kept once.
 */
function readHeaders(value: unknown, field: string, problems: string[]): HeaderList {
  const names: string[] = [];
  const values: string[] = [];
  const line = (name: string, text: string) => {
    const shared = sharedName(name);
    names.push(shared);
    values.push(sharedValue(shared, text));
  };
  if (value === undefined || value === null) return HeaderList.empty;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isObject(item) || typeof item.name !== 'string') {
        problems.push(`${field} has an item without a name`);
        continue;
      }
      line(item.name.trim(), headerValue(item.value, field, problems));
    }
    return HeaderList.fromLines(names, values);
  }
  if (isObject(value)) {
    problems.push(`${field} is an object, read as name → value`);
    for (const [name, v] of Object.entries(value)) {
      if (Array.isArray(v)) for (const one of v) line(name, headerValue(one, field, problems));
      else line(name, headerValue(v, field, problems));
    }
    return HeaderList.fromLines(names, values);
  }
  problems.push(`${field} is not a list`);
  return HeaderList.empty;
}

/**
 * A header value as text. Numbers and booleans are written as such; objects and arrays are not header values (and
 * `String()` on them can throw: `{"toString": 1}`, or overflow the stack on deeply nested arrays), so they read as ''.
 */
function headerValue(value: unknown, field: string, problems: string[]): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  problems.push(`${field} has a value that is not text, read as ""`);
  return '';
}

function missingOrNotText(field: string, value: unknown): string {
  return value === undefined || value === null ? `${field} missing` : `${field} is not text`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

/** An HTTP status code (an integer 0–999), also as the numeric string (`"status": "200"`) some tools write. */
function asStatus(value: unknown): number | null {
  const status = asNumber(value);
  return status !== null && Number.isInteger(status) && status >= 0 && status <= 999 ? status : null;
}

/** Numbers, and numeric strings such as `"status": "200"` that some tools write. */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}
