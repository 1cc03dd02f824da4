// How an Access-Control-Allow-Origin value that failed the CORS check (Fetch R8: byte-for-byte equality with the
// serialized request origin) differs from that origin, when a person clearly meant the same origin: a trailing slash
// or path, http vs https, "www." added or missing, a different or spelled-out default port, localhost vs 127.0.0.1 vs
// [::1], letter case, quotes, a missing scheme, or an allowlist pattern sent as is. A value naming a different host
// is not a near miss: that is a plain mismatch (or another environment, see environments.ts).

export type OriginDifference =
  /** The value is wrapped in quotes: `"https://app.example"`. */
  | { readonly kind: 'quoted' }
  /** The value has no scheme: `app.example`, `localhost:3000`, `//app.example`. */
  | { readonly kind: 'missing-scheme' }
  /** The value is an allowlist pattern the server sent literally: `https://*.app.example`. */
  | { readonly kind: 'wildcard-pattern'; readonly pattern: string }
  /** The value is the origin followed by "/". */
  | { readonly kind: 'trailing-slash' }
  /** The value is the origin followed by a path, query or fragment other than a lone "/". */
  | { readonly kind: 'path'; readonly path: string }
  /** http vs https. */
  | { readonly kind: 'scheme'; readonly allowed: string; readonly actual: string }
  /** The hosts differ only by a leading "www.". */
  | { readonly kind: 'www'; readonly allowed: string; readonly actual: string }
  /** Two different loopback names for this machine: localhost, 127.x.x.x, [::1]. */
  | { readonly kind: 'loopback'; readonly allowed: string; readonly actual: string }
  /**
   * The ports differ. `allowed`/`actual` are the explicit ports (null: the scheme's default). `explicitDefault`: the
   * value writes out the default port (`https://app.example:443`), which a serialized origin never does.
   */
  | {
      readonly kind: 'port';
      readonly allowed: string | null;
      readonly actual: string | null;
      readonly explicitDefault: boolean;
    }
  /** Upper-case letters in the scheme or host; the browser serializes origins in lower case. */
  | { readonly kind: 'case' };

export type OriginDifferenceKind = OriginDifference['kind'];

/** The order a person reads a value in: shown in this order when there are several differences. */
const READING_ORDER: readonly OriginDifferenceKind[] = [
  'quoted',
  'missing-scheme',
  'scheme',
  'case',
  'wildcard-pattern',
  'www',
  'loopback',
  'port',
  'trailing-slash',
  'path',
];

const DEFAULT_PORT: Readonly<Record<string, string>> = { http: '80', https: '443' };

/** scheme://host[:port][path…], host possibly a bracketed IPv6 address. */
const ORIGIN_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(\[[0-9A-Fa-f:.]+\]|[^/?#:[\]@]*)(?::(\d+))?([/?#].*)?$/;

/**
 * How `allowed` (an Access-Control-Allow-Origin value) differs from `origin` (the serialized request origin), when it
 * is a near miss; null when it is not one: a different host, a list, `*`, `null`, something that is not an origin
 * at all, or a value equal to the origin. The differences come in reading order.
 */
export function originDifferences(allowed: string, origin: string): OriginDifference[] | null {
  const page = parseOrigin(origin);
  if (!page) return null;
  const diffs: OriginDifference[] = [];
  let value = allowed.trim();
  if (/[\s,]/.test(value)) return null;
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted) {
    diffs.push({ kind: 'quoted' });
    value = quoted[2] as string;
  }
  if (value === '' || value === '*' || value === 'null' || /["'\s,]/.test(value)) return null;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    diffs.push({ kind: 'missing-scheme' });
    value = value.startsWith('//') ? `${page.scheme}:${value}` : `${page.scheme}://${value}`;
  }
  const match = ORIGIN_SHAPE.exec(value);
  if (!match) return null;
  const [, rawScheme = '', rawHost = '', rawPort, rest = ''] = match;
  const scheme = rawScheme.toLowerCase();
  const host = rawHost.toLowerCase();
  if (host === '') return null;

  if (scheme !== page.scheme) {
    if (!(scheme in DEFAULT_PORT && page.scheme in DEFAULT_PORT)) return null;
    diffs.push({ kind: 'scheme', allowed: scheme, actual: page.scheme });
  }
  if (rawScheme !== scheme || rawHost !== host) diffs.push({ kind: 'case' });

  if (host !== page.host) {
    const hostDiff = hostDifference(host, page.host);
    if (!hostDiff) return null;
    diffs.push(hostDiff);
  }

  const port = rawPort ?? '';
  const normalizedPort = port === DEFAULT_PORT[scheme] ? '' : port.replace(/^0+(?=\d)/, '');
  if (normalizedPort !== page.port) {
    diffs.push({ kind: 'port', allowed: normalizedPort || null, actual: page.port || null, explicitDefault: false });
  } else if (port !== '' && normalizedPort === '') {
    diffs.push({ kind: 'port', allowed: port, actual: null, explicitDefault: true });
  }

  if (rest === '/') diffs.push({ kind: 'trailing-slash' });
  else if (rest !== '') diffs.push({ kind: 'path', path: rest });

  if (diffs.length === 0) return null;
  return diffs.sort((a, b) => READING_ORDER.indexOf(a.kind) - READING_ORDER.indexOf(b.kind));
}

function hostDifference(host: string, pageHost: string): OriginDifference | null {
  if (host.includes('*')) {
    return matchesHostPattern(host, pageHost) ? { kind: 'wildcard-pattern', pattern: host } : null;
  }
  if (host === `www.${pageHost}` || pageHost === `www.${host}`) return { kind: 'www', allowed: host, actual: pageHost };
  if (isLoopbackHost(host) && isLoopbackHost(pageHost)) return { kind: 'loopback', allowed: host, actual: pageHost };
  return null;
}

/** localhost, 127.0.0.0/8 or [::1]: names of this machine that are, to the browser, different origins. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}

interface ParsedOrigin {
  scheme: string;
  host: string;
  /** '' for the scheme's default port. */
  port: string;
}

function parseOrigin(origin: string): ParsedOrigin | null {
  if (origin === 'null') return null;
  try {
    const url = new URL(origin);
    if (url.hostname === '') return null;
    return { scheme: url.protocol.slice(0, -1), host: url.hostname, port: url.port };
  } catch {
    return null;
  }
}

/** Characters a "*" of an allowlist pattern never stands for: it matches within the host. */
const NOT_IN_WILDCARD = /[/?#:]/;

/**
 * Does `host` match `pattern`, where each "*" stands for one or more characters other than / ? # and ":"?
 * Matched left to right, each literal part at its first possible place: linear in the input, where a regular
 * expression built from the pattern would backtrack exponentially on "*.*.*.…" (or overflow on a 1 MB value).
 */
function matchesHostPattern(pattern: string, host: string): boolean {
  const parts = pattern.split('*');
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!host.startsWith(first) || host.length < first.length + last.length + parts.length - 1) return false;
  let position = first.length;
  const wildcardSpan = (from: number, to: number) => to > from && !NOT_IN_WILDCARD.test(host.slice(from, to));
  for (const part of parts.slice(1, -1)) {
    const found = host.indexOf(part, position + 1);
    if (found === -1 || !wildcardSpan(position, found)) return false;
    position = found + part.length;
  }
  const end = host.length - last.length;
  return host.endsWith(last) && wildcardSpan(position, end);
}

/** One difference as the end of "…, because <phrase>", e.g. "it ends with a slash". */
export function describeDifference(diff: OriginDifference): string {
  switch (diff.kind) {
    case 'quoted':
      return 'it is wrapped in quotes';
    case 'missing-scheme':
      return 'it has no scheme (http:// or https://)';
    case 'wildcard-pattern':
      return `it is the pattern "${diff.pattern}", which browsers never expand`;
    case 'trailing-slash':
      return 'it ends with a slash';
    case 'path':
      return `it has the path "${diff.path}"`;
    case 'scheme':
      return `it uses ${diff.allowed}:// where the page uses ${diff.actual}://`;
    case 'www':
      return diff.allowed.startsWith('www.')
        ? `it has "www." where the page's host ${diff.actual} has none`
        : `it lacks the "www." of the page's host ${diff.actual}`;
    case 'loopback':
      return `it names ${diff.allowed} where the page uses ${diff.actual}`;
    case 'port':
      return describePort(diff);
    case 'case':
      return 'it has upper-case letters, while the browser sends the origin in lower case';
  }
}

function describePort(diff: Extract<OriginDifference, { kind: 'port' }>): string {
  if (diff.explicitDefault) return `it spells out the default port :${diff.allowed ?? ''}`;
  if (diff.allowed && diff.actual) return `it has port ${diff.allowed} where the page uses port ${diff.actual}`;
  if (diff.allowed) return `it has port ${diff.allowed} where the page uses the default port`;
  return `it has no port where the page uses port ${diff.actual ?? ''}`;
}
