// Origins as the Fetch standard serializes them: scheme://host[:port], default ports omitted, "null" when opaque.
import { memoize } from '../memo';

/** The serialized origin of an absolute URL, or null when the URL is unparsable. Opaque origins give "null". */
export const originOf: (url: string) => string | null = memoize(parseOrigin);

function parseOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : 'null';
}

/** Resolves a possibly relative URL (e.g. a HAR `redirectURL` of "/path/") against a base. */
export function resolveUrl(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** The URL without its fragment, as requests are matched. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Loopback and https origins are potentially trustworthy: no mixed-content blocking, Sec-Fetch-* headers sent. */
export function isPotentiallyTrustworthy(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' || parsed.protocol === 'wss:') return true;
  const host = parsed.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True when `value` parses as a URL with a host (the test Chromium uses for a well-formed ACAO value). */
export function isParsableOrigin(value: string): boolean {
  if (/[\s"']/.test(value)) return false;
  try {
    const parsed = new URL(value);
    return parsed.host !== '' || parsed.protocol === 'file:';
  } catch {
    return false;
  }
}
