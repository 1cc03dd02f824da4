// `cors-doctor probe --config probes.json`: several probes in one run (origins × URLs × methods). Reads the parsed
// JSON, expands it into one ProbeRequest per combination, and names every problem by its place in the file.
// Values may use ${NAME} to read environment variables, so tokens stay out of the repository.
import type { Header } from '../engine';
import type { ProbeRequest } from './probe';

/** What a config probe adds to a ProbeRequest. */
export interface ConfiguredProbe extends ProbeRequest {
  /** The verdict this probe must get for the run to pass (default "allowed"). */
  expect: 'allowed' | 'blocked';
  /** A label for the probe in reports. */
  name: string | null;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

const TOP_KEYS = new Set(['$schema', 'origins', 'origin', 'timeout', 'headers', 'credentials', 'probes']);
const PROBE_KEYS = new Set([
  'url',
  'urls',
  'method',
  'methods',
  'origin',
  'origins',
  'headers',
  'contentType',
  'data',
  'credentials',
  'preflightOnly',
  'timeout',
  'expect',
  'name',
]);

/** Expands a parsed config into probes; a string[] return lists every problem found. */
export function readProbeConfig(
  json: unknown,
  env: Record<string, string | undefined>,
  timeoutOverride: number | null,
): ConfiguredProbe[] | string[] {
  const errors: string[] = [];
  if (!isObject(json)) return ['the config must be a JSON object with a "probes" array'];
  for (const key of Object.keys(json)) if (!TOP_KEYS.has(key)) errors.push(`unknown key "${key}"`);
  const expand = (value: string, where: string) => interpolate(value, env, where, errors);

  const defaultOrigins = strings(json.origins ?? json.origin, 'origins', errors) ?? [];
  const defaultTimeout = timeoutOf(json.timeout, 'timeout', errors) ?? DEFAULT_TIMEOUT_MS;
  const defaultHeaders = headersOf(json.headers, 'headers', errors, expand) ?? [];
  const defaultCredentials = booleanOf(json.credentials, 'credentials', errors) ?? false;
  if (!Array.isArray(json.probes) || json.probes.length === 0) {
    errors.push('"probes" must be a non-empty array');
    return errors;
  }

  const probes: ConfiguredProbe[] = [];
  json.probes.forEach((raw: unknown, index: number) => {
    const at = `probes[${index}]`;
    if (!isObject(raw)) {
      errors.push(`${at} must be an object`);
      return;
    }
    for (const key of Object.keys(raw)) if (!PROBE_KEYS.has(key)) errors.push(`${at}: unknown key "${key}"`);
    const urls = strings(raw.urls ?? raw.url, `${at}.url`, errors);
    if (!urls || urls.length === 0) errors.push(`${at}: "url" (or "urls") is required`);
    const origins = strings(raw.origins ?? raw.origin, `${at}.origins`, errors) ?? defaultOrigins;
    if (origins.length === 0) errors.push(`${at}: no origin: set "origin"/"origins" here or at the top level`);
    const methods = strings(raw.methods ?? raw.method, `${at}.methods`, errors) ?? ['GET'];
    const headers = [...defaultHeaders, ...(headersOf(raw.headers, `${at}.headers`, errors, expand) ?? [])];
    const contentType = optionalString(raw.contentType, `${at}.contentType`, errors);
    if (contentType !== null) headers.push({ name: 'Content-Type', value: expand(contentType, `${at}.contentType`) });
    const data = optionalString(raw.data, `${at}.data`, errors);
    const credentials = booleanOf(raw.credentials, `${at}.credentials`, errors) ?? defaultCredentials;
    const preflightOnly = booleanOf(raw.preflightOnly, `${at}.preflightOnly`, errors) ?? false;
    const timeoutMs = timeoutOverride ?? timeoutOf(raw.timeout, `${at}.timeout`, errors) ?? defaultTimeout;
    const expect = raw.expect ?? 'allowed';
    if (expect !== 'allowed' && expect !== 'blocked') errors.push(`${at}.expect must be "allowed" or "blocked"`);
    if (raw.name !== undefined && typeof raw.name !== 'string') errors.push(`${at}.name must be a string`);
    for (const origin of origins) {
      for (const url of urls ?? []) {
        for (const method of methods) {
          probes.push({
            ...withCookie(headers, credentials),
            url: expand(url, `${at}.url`),
            origin: expand(origin, `${at}.origins`),
            method,
            body: data === null ? null : expand(data, `${at}.data`),
            credentials,
            preflightOnly,
            timeoutMs,
            expect: expect === 'blocked' ? 'blocked' : 'allowed',
            name: typeof raw.name === 'string' ? raw.name : null,
          });
        }
      }
    }
  });
  return errors.length ? [...new Set(errors)] : probes;
}

/**
 * With credentials, a Cookie header is the browser's cookie jar for the host, not a header the page sets: it goes
 * on the real request only. Without credentials it stays a page header, which the plan rejects as forbidden.
 */
export function withCookie(
  headers: readonly Header[],
  credentials: boolean,
): { headers: Header[]; cookie: string | null } {
  if (!credentials) return { headers: [...headers], cookie: null };
  const cookies = headers.filter((h) => h.name.toLowerCase() === 'cookie').map((h) => h.value);
  return {
    headers: headers.filter((h) => h.name.toLowerCase() !== 'cookie'),
    cookie: cookies.length ? cookies.join('; ') : null,
  };
}

/** "Name: value" → a header; null when there is no colon or no name. */
export function parseHeaderLine(line: string): Header | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon).trim();
  return name ? { name, value: line.slice(colon + 1).trim() } : null;
}

/** A positive whole number of milliseconds, from a CLI string or a config number. */
export function parseTimeout(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= 600_000 ? number : null;
}

function interpolate(value: string, env: Record<string, string | undefined>, where: string, errors: string[]): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined) {
      errors.push(`${where}: the environment variable ${name} is not set`);
      return '';
    }
    return found;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or an array of strings; undefined → null. */
function strings(value: unknown, where: string, errors: string[]): string[] | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  errors.push(`${where} must be a string or an array of strings`);
  return null;
}

function optionalString(value: unknown, where: string, errors: string[]): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  errors.push(`${where} must be a string`);
  return null;
}

function booleanOf(value: unknown, where: string, errors: string[]): boolean | null {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value;
  errors.push(`${where} must be true or false`);
  return null;
}

function timeoutOf(value: unknown, where: string, errors: string[]): number | null {
  if (value === undefined) return null;
  const timeout = parseTimeout(value);
  if (timeout === null) errors.push(`${where} must be a whole number of milliseconds between 1 and 600000`);
  return timeout;
}

/** `{"Name": "value"}` or `["Name: value", …]`. */
function headersOf(
  value: unknown,
  where: string,
  errors: string[],
  expand: (value: string, where: string) => string,
): Header[] | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    const headers: Header[] = [];
    value.forEach((line: unknown, i: number) => {
      const header = typeof line === 'string' ? parseHeaderLine(line) : null;
      if (header) headers.push({ name: header.name, value: expand(header.value, `${where}[${i}]`) });
      else errors.push(`${where}[${i}] must be a "Name: value" string`);
    });
    return headers;
  }
  if (isObject(value)) {
    const headers: Header[] = [];
    for (const [name, v] of Object.entries(value)) {
      if (typeof v === 'string') headers.push({ name, value: expand(v, `${where}.${name}`) });
      else errors.push(`${where}.${name} must be a string`);
    }
    return headers;
  }
  errors.push(`${where} must be an object of "Name": "value" or an array of "Name: value" strings`);
  return null;
}
