// The two curl commands that replay an exchange's preflight and real request, as the browser sent them: with the
// credentials the page sent. Exports mask them (redactReport, in redact-report.ts) unless the user opts in.
import { isBrowserControlledHeader } from './cors/safelist';
import { memoize } from './memo';
import type { Entry } from './har/normalize';
import type { Exchange, Hop } from './model';

export interface CurlCommands {
  preflight: string | null;
  request: string | null;
}

export function curlCommands(exchange: Exchange): CurlCommands {
  const hop = exchange.hops[0];
  if (!hop || exchange.mode !== 'cors' || !exchange.crossOrigin) {
    return { preflight: null, request: hop?.entry ? requestCommand(exchange, hop, hop.entry) : null };
  }
  return {
    preflight: preflightCommand(hop),
    request: hop.entry ? requestCommand(exchange, hop, hop.entry) : syntheticRequest(hop),
  };
}

function preflightCommand(hop: Hop): string | null {
  if (hop.preflight) {
    const h = hop.preflight.requestHeaders;
    return command('OPTIONS', hop.preflight.url, [
      ['Origin', h.get('origin') ?? hop.origin],
      ['Access-Control-Request-Method', h.get('access-control-request-method') ?? hop.method],
      ...optional('Access-Control-Request-Headers', h.get('access-control-request-headers')),
    ]);
  }
  if (hop.preflightReasons.length === 0) return null;
  const names = hop.preflightReasons.flatMap((r) => (r.kind === 'header' ? [r.name] : []));
  return command('OPTIONS', hop.url, [
    ['Origin', hop.origin],
    ['Access-Control-Request-Method', hop.method],
    ...optional('Access-Control-Request-Headers', names.length ? names.join(',') : null),
  ]);
}

function requestCommand(exchange: Exchange, hop: Hop, entry: Entry): string {
  const origin = entry.requestHeaders.get('origin') ?? (exchange.crossOrigin ? hop.origin : null);
  const headers: [string, string][] = [
    ...optional('Origin', origin),
    // Only what the page's script set: the browser's own headers (User-Agent, Sec-*, …) do not change CORS.
    ...entry.requestHeaders.all.filter((h) => scriptHeader(h.name)).map((h): [string, string] => [h.name, h.value]),
  ];
  return command(entry.method, entry.url, headers);
}

/** The real request was never captured (blocked at its preflight): rebuild it from the preflight's request. */
function syntheticRequest(hop: Hop): string {
  const names = hop.preflightReasons.flatMap((r) => (r.kind === 'header' ? [r.name] : []));
  return command(hop.method, hop.url, [
    ['Origin', hop.origin],
    // The values were never captured: leave a placeholder to fill in.
    ...names.map((name): [string, string] => [name, '<value>']),
  ]);
}

/** A header the page's script could have set (and Cookie, which carries the credentials): asked for every line. */
const scriptHeader = memoize(
  (name: string): boolean => !isBrowserControlledHeader(name) || /^cookie$/i.test(name),
  10_000,
);

function optional(name: string, value: string | null): [string, string][] {
  return value === null ? [] : [[name, value]];
}

function command(method: string, url: string, headers: readonly [string, string][]): string {
  const parts = ['curl -i', ...(method === 'GET' ? [] : [`-X ${shellQuote(method)}`]), shellQuote(url)];
  for (const [name, value] of headers) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  return parts.join(' ');
}

/** POSIX single quoting: safe for any byte but NUL. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The words of a command written by `command()` (bare words and single-quoted words, `'\''` for a quote), so an
 * export can mask some of them and quote them again. Null when `text` is not in that form.
 */
export function shellWords(text: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return null;
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      if (i + 1 >= text.length) return null;
      word = (word ?? '') + text[i + 1];
      i++;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}
