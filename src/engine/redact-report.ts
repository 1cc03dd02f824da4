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
  // Exchanges repeat the same texts (fix snippets, console lines, URLs): each is scanned once.
  const scanned = new Map<string, string>();
  const urls = (text: string) => {
    let result = scanned.get(text);
    if (result === undefined) scanned.set(text, (result = redactUrls(text)));
    return result;
  };
  return {
    ...report,
    inputs: report.inputs.map((input) => mapText(input, urls)),
    exchanges: report.exchanges.map((exchange) => redactExchange(exchange, urls)),
  };
}

function redactExchange(exchange: ExchangeReport, urls: (text: string) => string): ExchangeReport {
  const known = knownSecrets(exchange);
  const text = known.length === 0 ? urls : (value: string) => maskKnown(urls(value), known);
  // Fix snippets are templates filled with the exchange's origin, methods, header names and URL path, never a
  // header's value: they can hold a URL secret only when the exchange's URL or origin does. (Skipping them
  // otherwise saves most of the work: they are most of a report's text.)
  const fixesMayQuote = [exchange.url, exchange.origin ?? '', ...exchange.hops.map((h) => h.url)].some(
    (value) => urls(value) !== value,
  );
  const { curl, diagnoses, ...rest } = exchange;
  // Spread first, so the keys keep their order in the JSON output.
  return {
    ...exchange,
    ...mapText(rest, text),
    curl: {
      preflight: curl.preflight === null ? null : redactCurl(curl.preflight, text),
      request: curl.request === null ? null : redactCurl(curl.request, text),
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

/** Each word of the command masked on its own, then quoted again, so the command stays one a shell can read. */
function redactCurl(command: string, text: (value: string) => string): string {
  const words = shellWords(command);
  if (words === null) return redactionMark(command);
  return words
    .map((word, i) => {
      const colon = word.indexOf(':');
      if (words[i - 1] !== '-H' || colon <= 0) return text(word);
      const name = word.slice(0, colon);
      return `${name}: ${text(redactHeader(name, word.slice(colon + 1).replace(/^ /, '')))}`;
    })
    .map(shellQuote)
    .join(' ');
}

/** The raw values of secret headers this exchange quotes (curl headers, evidence), longest first. */
function knownSecrets(exchange: ExchangeReport): string[] {
  const found = new Set<string>();
  const add = (name: string, value: string) => {
    for (const part of secretParts(name, value)) if (part.length >= MIN_KNOWN_SECRET) found.add(part);
  };
  for (const command of [exchange.curl.preflight, exchange.curl.request]) {
    const words = command === null ? null : shellWords(command);
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
    let changed = false;
    const mapped = value.map((item) => {
      const result = mapText(item, f, key);
      changed ||= result !== item;
      return result;
    });
    return (changed ? mapped : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const result = mapText(v, f, k);
      changed ||= result !== v;
      return [k, result] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
