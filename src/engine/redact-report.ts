// redactReport(): a report as every export shows it unless the user opts in to secrets (`--include-secrets`).
// The engine's report holds what the capture holds, credentials included (the panel is the user's own DevTools);
// anything that leaves it (JSON, Markdown, text, a copied curl command) goes through here first.
// What is masked, always with redact.ts's mark that keeps presence and length:
// - token-like query, fragment and `;` parameters and user:password@ in every URL, wherever it is quoted;
// - the values of secret headers (Authorization, Cookie, Set-Cookie, X-Api-Key, …) in curl commands and evidence;
// - those same values wherever else a message quotes them.
import { shellQuote, shellWords } from './curl';
import type { Evidence } from './model';
import { isSecretHeader, redactHeader, redactionMark, redactUrls, secretParts } from './redact';
import type { ReportStream } from './diagnose';
import type { DiagnosisReport, ExchangeReport, Report } from './report';

/** Fields that hold identifiers and enums, never captured text: left exactly as they are. */
const IDENTIFIER_KEYS = new Set([
  'id',
  'tool',
  'version',
  'outcome',
  'browserError',
  'firefoxError',
  'browser',
  'stage',
  'mode',
  'preflight',
  'credentials',
  'preflightState',
  'kind',
  'severity',
  'rule',
  'docs',
  'stack',
  'topic',
  'language',
  'role',
  'location',
  'name',
]);

/** Values shorter than this are not searched for in free text: "1" or "true" would mask unrelated words. */
const MIN_KNOWN_SECRET = 6;

/** The report with every credential masked. Pure: `report` is not changed. Idempotent. */
export function redactReport(report: Report): Report {
  const redact = exchangeRedactor();
  return {
    ...report,
    inputs: report.inputs.map((input) => mapText(input, redact.text)),
    exchanges: report.exchanges.map(redact.exchange),
  };
}

/** redactReport() for a report diagnosed as it is written (diagnoseEach): each exchange is masked as it comes. */
export function redactStream(report: ReportStream): ReportStream {
  const redact = exchangeRedactor();
  const { exchanges } = report;
  return {
    ...report,
    inputs: report.inputs.map((input) => mapText(input, redact.text)),
    exchanges: (function* () {
      for (const exchange of exchanges) yield redact.exchange(exchange);
    })(),
  };
}

/** Strings long or numerous enough to make remembering every scanned text cost more than it saves: start over. */
const SCANNED_LIMIT = 50_000;

/** Redacts the exchanges of one report, remembering scanned texts: exchanges repeat URLs and console lines. */
function exchangeRedactor() {
  const scanned = new Map<string, string>();
  const text = (value: string) => {
    // Most strings (titles, messages, header names) hold no URL parameter or user:password@: nothing to remember.
    if (!MAY_HOLD_URL_SECRET.test(value)) return value;
    let result = scanned.get(value);
    if (result === undefined) {
      if (scanned.size >= SCANNED_LIMIT) scanned.clear();
      scanned.set(value, (result = redactUrls(value)));
    }
    return result;
  };
  return { text, exchange: (exchange: ExchangeReport) => redactExchange(exchange, text) };
}

/** What redactUrls() looks for first: a text without these characters has no URL secret. */
const MAY_HOLD_URL_SECRET = /[?&;#@]/;

function redactExchange(exchange: ExchangeReport, urls: (text: string) => string): ExchangeReport {
  const commands = {
    preflight: exchange.curl.preflight === null ? null : shellWords(exchange.curl.preflight),
    request: exchange.curl.request === null ? null : shellWords(exchange.curl.request),
  };
  const known = knownSecrets(exchange, [commands.preflight, commands.request]);
  const text = known.length === 0 ? urls : (value: string) => maskKnown(urls(value), known);
  // Fix snippets are templates filled with the exchange's origin, methods, header names and URL path, never a
  // header's value: they can hold a URL secret only when the exchange's URL or origin does. (Skipping them
  // otherwise saves most of the work: they are most of a report's text.)
  const fixesMayQuote =
    urls(exchange.url) !== exchange.url ||
    (exchange.origin !== null && urls(exchange.origin) !== exchange.origin) ||
    exchange.hops.some((h) => urls(h.url) !== h.url);
  const { curl, diagnoses, ...rest } = exchange;
  // Spread first, so the keys keep their order in the JSON output.
  return {
    ...exchange,
    ...mapText(rest, text),
    curl: {
      preflight: redactCurl(curl.preflight, commands.preflight, text),
      request: redactCurl(curl.request, commands.request, text),
    },
    diagnoses: diagnoses.map((diagnosis): DiagnosisReport => {
      const { evidence, stackFixes, ...fields } = diagnosis;
      return {
        ...diagnosis,
        ...mapText(fields, text),
        evidence: evidence.map((e) => redactEvidence(e, text)),
        stackFixes: fixesMayQuote ? mapText(stackFixes, urls) : stackFixes,
      };
    }),
  };
}

function redactEvidence(evidence: Evidence, text: (value: string) => string): Evidence {
  const name = evidence.name;
  const mask = (value: string) => text(name !== undefined && isSecretHeader(name) ? redactHeader(name, value) : value);
  return {
    ...evidence,
    actual: evidence.actual === null ? null : mask(evidence.actual),
    ...(evidence.expected === undefined ? {} : { expected: mask(evidence.expected) }),
  };
}

/**
 * Each word of the command (`words`, from shellWords) masked on its own, then quoted again, so the command stays
 * one a shell can read. A command no word of which changes is returned as it is: quoting its words again gives it.
 */
function redactCurl(command: string | null, words: string[] | null, text: (value: string) => string): string | null {
  if (command === null) return null;
  if (words === null) return redactionMark(command);
  let changed = false;
  const masked = words.map((word, i) => {
    const colon = word.indexOf(':');
    const result =
      words[i - 1] !== '-H' || colon <= 0
        ? text(word)
        : `${word.slice(0, colon)}: ${text(redactHeader(word.slice(0, colon), word.slice(colon + 1).replace(/^ /, '')))}`;
    changed ||= result !== word;
    return result;
  });
  return changed ? masked.map(shellQuote).join(' ') : command;
}

/** The raw values of secret headers this exchange quotes (curl headers, evidence), longest first. */
function knownSecrets(exchange: ExchangeReport, commands: readonly (string[] | null)[]): string[] {
  const found = new Set<string>();
  const add = (name: string, value: string) => {
    for (const part of secretParts(name, value)) if (part.length >= MIN_KNOWN_SECRET) found.add(part);
  };
  for (const words of commands) {
    words?.forEach((word, i) => {
      const colon = word.indexOf(':');
      if (words[i - 1] === '-H' && colon > 0) add(word.slice(0, colon), word.slice(colon + 1).trim());
    });
  }
  for (const diagnosis of exchange.diagnoses) {
    for (const evidence of diagnosis.evidence) {
      if (evidence.name === undefined) continue;
      if (evidence.actual !== null) add(evidence.name, evidence.actual);
      if (evidence.expected !== undefined) add(evidence.name, evidence.expected);
    }
  }
  if (found.size === 0) return [];
  return [...found].sort((a, b) => b.length - a.length);
}

function maskKnown(text: string, known: readonly string[]): string {
  let result = text;
  for (const secret of known) if (result.includes(secret)) result = result.split(secret).join(redactionMark(secret));
  return result;
}

/**
 * `value` with `f` applied to every string, except identifier fields. What `f` leaves unchanged is shared, not
 * copied (a report's fix snippets are most of its strings), and `value` itself is never modified.
 */
function mapText<T>(value: T, f: (text: string) => string, key?: string): T {
  if (typeof value === 'string') return (key !== undefined && IDENTIFIER_KEYS.has(key) ? value : f(value)) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const result = mapText(item, f, key);
      if (result !== item) (copy ??= [...value])[i] = result;
    }
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    // A copy only once something changes; assigning an existing key keeps its place in the key order.
    let copy: Record<string, unknown> | null = null;
    const object = value as Record<string, unknown>;
    for (const k of Object.keys(object)) {
      const v = object[k];
      const result = mapText(v, f, k);
      if (result !== v) (copy ??= { ...object })[k] = result;
    }
    return (copy ?? value) as T;
  }
  return value;
}
