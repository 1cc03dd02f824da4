// diagnose(): HAR inputs in, Report out. Builds exchanges, infers credentials, runs the verdict pipeline for the
// browser that produced each HAR (and the other browser, to note deviations), then the advice rules.
import { detectBrowser, otherBrowser, profileFor, type BrowserProfile } from './cors/browsers';
import { chromiumConsoleMessage, firefoxConsoleMessage, initiatorWord, type ConsoleContext } from './cors/vocabulary';
import { captureFacts, type CaptureFacts } from './capture-facts';
import { originOf } from './cors/origin';
import { isSafelistedMethod } from './cors/safelist';
import { indexCookies, inferCredentials, type CookieIndex, type DeclaredCredentials } from './credentials';
import { curlCommands } from './curl';
import { stackFixes, type FixValues } from './fixes/catalog';
import { detectStacksWith } from './fixes/stacks';
import { buildExchanges } from './exchanges';
import { wasNeverSent } from './har/entry-facts';
import { normalizeEntries, normalizePages, type Entry } from './har/normalize';
import type { ParsedHar } from './har/parse';
import { isPrepared, type PreparedHar } from './har/prepared';
import type { RawHarLog } from './har/types';
import { interpolate } from './interpolate';
import { memoize } from './memo';
import type { CredentialsInference, Exchange, Finding, Verdict } from './model';
import type { DiagnosisReport, ExchangeReport, InputReport, Report } from './report';
import type { AdviceContext, Rule } from './rules/define-rule';
import { adviceRules, checkRules } from './rules/index';
import { evaluate, sameVerdict } from './verdict';

export interface HarInput {
  /** A name for the input (file path) as it should appear in the report. */
  file: string;
  /** The parsed HAR, or one whose entries were normalized while it was read (the CLI's streaming reader). */
  har: ParsedHar | PreparedHar;
  /**
   * The credentials mode every request of this capture was made with, when its producer knows it (cors-doctor
   * probe does). HARs do not record it, so without this it is inferred from the capture (credentials.ts).
   */
  credentials?: DeclaredCredentials;
}

export interface DiagnoseOptions {
  version: string;
  /** List every entry, not only cross-origin and failed requests. */
  all?: boolean;
}

export function diagnose(inputs: readonly HarInput[], options: DiagnoseOptions): Report {
  const { exchanges, ...head } = diagnoseEach(inputs, options);
  const all = [...exchanges];
  return { ...head, exchanges: all, summary: summarize(all) };
}

/** A report whose exchanges are diagnosed as they are iterated (once), and whose summary is left to the reader. */
export interface ReportStream extends Omit<Report, 'exchanges' | 'summary'> {
  exchanges: Iterable<ExchangeReport>;
}

/**
 * diagnose(), one exchange at a time: the inputs' lines at once, each exchange as the caller iterates. A big
 * capture's report is larger than the capture; a caller that writes each exchange as it comes (the CLI) never holds
 * it whole. The raw entries are not kept: only their normalized form.
 */
export function diagnoseEach(inputs: readonly HarInput[], options: DiagnoseOptions): ReportStream {
  const captures = inputs.map(({ file, har, credentials }) => {
    const { log, skipped } = har;
    const entries = isPrepared(har) ? har.entries : normalizeEntries(log);
    return { report: describeInput(file, log, entries, skipped), entries, pages: normalizePages(log), credentials };
  });
  function* exchanges(): Generator<ExchangeReport> {
    for (const [input, { report, entries, pages, credentials }] of captures.entries()) {
      const context: CaptureContext = {
        browser: profileFor(report.browser),
        cookies: indexCookies(entries),
        facts: captureFacts(entries, pages),
        credentials,
      };
      for (const exchange of buildExchanges(input, { entries, pages })) {
        if (options.all || isListed(exchange)) yield diagnoseExchange(exchange, context);
      }
    }
  }
  return {
    tool: 'cors-doctor',
    version: options.version,
    inputs: captures.map((c) => c.report),
    exchanges: exchanges(),
  };
}

export function summarize(exchanges: Iterable<ExchangeReport>): Report['summary'] {
  const summary = { exchanges: 0, blocked: 0, failedNotCors: 0, allowed: 0, unknown: 0 };
  for (const exchange of exchanges) countExchange(summary, exchange);
  return summary;
}

/** Adds one exchange to a summary (for a report written as it is diagnosed). */
export function countExchange(summary: Report['summary'], { outcome }: ExchangeReport): void {
  summary.exchanges++;
  if (outcome === 'blocked') summary.blocked++;
  else if (outcome === 'failed-not-cors') summary.failedNotCors++;
  else if (outcome === 'allowed') summary.allowed++;
  else if (outcome === 'unknown') summary.unknown++;
}

/** The report's line about one input: its producer, whose rules apply, and what was read with defaults. */
export function describeInput(
  file: string,
  log: RawHarLog,
  entries: readonly Entry[],
  skipped: ParsedHar['skipped'],
): InputReport {
  const creator = typeof log.creator?.name === 'string' ? log.creator.name : null;
  const browserName = typeof log.browser?.name === 'string' ? log.browser.name : null;
  const detected = detectBrowser(creator, browserName);
  const left = new Set(skipped.map((s) => s.index));
  return {
    file,
    entries: entries.length,
    creator,
    browser: detected.name,
    browserRecognised: detected.recognised,
    problems: [
      ...skipped.map(({ index, reason }) => ({ entry: index, problem: `skipped: ${reason}` })),
      ...entries.flatMap((e) =>
        left.has(e.index) || e.problems.length === 0 ? [] : e.problems.map((problem) => ({ entry: e.index, problem })),
      ),
    ],
  };
}

/** By default: cross-origin requests, and any request that failed. */
export function isListed(exchange: Exchange): boolean {
  if (exchange.crossOrigin) return true;
  return exchange.hops.some((hop) => hop.entry && (hop.entry.status === 0 || hop.entry.error));
}

/** What every exchange of one capture is judged with. */
export interface CaptureContext {
  browser: BrowserProfile;
  cookies: CookieIndex;
  facts: CaptureFacts;
  /** The credentials mode the producer declared for the capture, if it did. */
  credentials?: DeclaredCredentials;
}

/** The verdict and everything the advice rules need, for one exchange. */
export function analyzeExchange(
  exchange: Exchange,
  { browser, cookies, facts, credentials: declared }: CaptureContext,
): AdviceContext {
  const { verdict, credentials, alternatives } = decide(
    exchange,
    browser,
    inferCredentials(exchange, cookies, declared),
    facts,
  );
  const other = evaluate(exchange, otherBrowser(browser), verdict.credentials, facts);
  const otherDiffers = !sameVerdict(verdict, other) || verdict.failure?.firefox !== other.failure?.firefox;
  return {
    exchange,
    verdict,
    credentials,
    alternatives,
    otherBrowser: otherDiffers ? other : null,
    otherVerdict: other,
    capture: facts,
  };
}

export function diagnoseExchange(exchange: Exchange, context: CaptureContext): ExchangeReport {
  const { browser } = context;
  const adviceContext = analyzeExchange(exchange, context);
  const { verdict, credentials, alternatives, otherVerdict: other } = adviceContext;
  const firefoxVerdict = browser.name === 'firefox' ? verdict : other;
  const chromiumVerdict = browser.name === 'firefox' ? other : verdict;
  const stacks = serverStacks(exchange, context.facts);
  const fixValues = valuesForFixes(exchange);
  const diagnose = (rule: Rule, finding: Finding) =>
    toDiagnosis(rule, finding, stackFixes(rule.meta.fixTopics ?? [], stacks, fixValues));
  const diagnoses: DiagnosisReport[] = [];
  if (verdict.failure) {
    diagnoses.push(diagnose(checkRules[verdict.failure.rule as keyof typeof checkRules], verdict.failure.finding));
  }
  for (const rule of Object.values(adviceRules)) {
    for (const finding of rule.check(adviceContext)) diagnoses.push(diagnose(rule, finding));
  }
  diagnoses.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );

  const firstHop = exchange.hops[0];
  const lastEntry = [...exchange.hops].reverse().find((hop) => hop.entry)?.entry ?? null;
  return {
    id: exchange.id,
    input: exchange.input,
    method: exchange.method,
    url: exchange.url,
    origin: exchange.origin,
    entries: {
      request: firstHop?.entry?.index ?? null,
      preflight: firstHop?.preflight?.index ?? null,
      redirects: exchange.hops.slice(1).flatMap((hop) => (hop.entry ? [hop.entry.index] : [])),
    },
    preflight: firstHop?.preflightState ?? 'not-needed',
    preflightReasons: (firstHop?.preflightReasons ?? []).map((r) =>
      r.kind === 'method' ? `method ${r.method} is not GET, HEAD or POST` : `header ${r.name}: ${r.reason}`,
    ),
    credentials: credentials.mode,
    credentialsEvidence: credentials.evidence,
    outcome: verdict.outcome,
    browserError: verdict.outcome === 'blocked' ? (verdict.failure?.chromium ?? null) : null,
    failedParameter: verdict.failure?.finding.parameter ?? null,
    netError: verdict.failure?.finding.netError ?? null,
    firefoxError: firefoxVerdict.failure?.firefox ?? null,
    console: {
      chromium: consoleLine(exchange, chromiumVerdict, 'chromium'),
      firefox: consoleLine(exchange, firefoxVerdict, 'firefox'),
    },
    browser: browser.name,
    stage: verdict.failure?.stage ?? null,
    mode: exchange.mode,
    crossOrigin: exchange.crossOrigin,
    status: lastEntry ? lastEntry.status : null,
    deviation: adviceContext.otherBrowser ? describeDeviation(browser, verdict, other) : null,
    alternatives:
      alternatives?.map((v) => ({
        credentials: v.credentials ? 'include' : 'not-include',
        outcome: v.outcome,
        browserError: v.failure?.chromium ?? null,
        failedParameter: v.failure?.finding.parameter ?? null,
      })) ?? null,
    hops: exchange.hops.map((hop) => ({
      entry: hop.entry?.index ?? null,
      url: hop.url,
      method: hop.method,
      status: hop.entry ? hop.entry.status : null,
      preflight: hop.preflight?.index ?? null,
      preflightStatus: hop.preflight ? hop.preflight.status : null,
      preflightState: hop.preflightState,
      origin: hop.origin,
    })),
    stacks,
    curl: curlCommands(exchange),
    diagnoses,
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const KIND_ORDER = { 'root-cause': 0, check: 1, advice: 2 } as const;

/** The stacks the exchange's own responses reveal first, then other responses of the same server in the capture. */
function serverStacks(exchange: Exchange, facts: CaptureFacts) {
  const own = exchange.hops.flatMap((hop) => [hop.preflight, hop.entry]).filter((e) => e !== null);
  const server = originOf(exchange.url);
  return detectStacksWith(
    own.map((e) => e.responseHeaders),
    server ? facts.serverStacks(server) : [],
  );
}

function valuesForFixes(exchange: Exchange): FixValues {
  const hop = exchange.hops[0];
  const headers = (hop?.preflightReasons ?? []).flatMap((r) => (r.kind === 'header' ? [r.name] : []));
  const methods = ['GET', 'POST', ...(isSafelistedMethod(exchange.method) ? [] : [exchange.method.toUpperCase()])];
  const path = pathOf(exchange.url);
  return {
    origin: exchange.origin && exchange.origin !== 'null' ? exchange.origin : 'https://app.example',
    methods: [...new Set(methods)].join(', '),
    headers: headers.length ? headers.map(headerCase).join(', ') : 'Content-Type',
    path,
  };
}

/** The URL's path, or "/" when it does not parse. */
const pathOf = memoize((url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
});

/** "content-type" → "Content-Type", for config snippets. */
const headerCase = memoize(
  (name: string): string => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()),
  10_000,
);

interface Decision {
  verdict: Verdict;
  credentials: CredentialsInference;
  alternatives: Verdict[] | null;
}

/**
 * Picks the verdict. With credentials known, there is one. With credentials unknown, both are computed and each is
 * kept only if it fits what the capture shows (a request that was sent passed its preflight; Chromium's `_error`
 * says whether the browser failed it). One left: credentials are inferred by elimination. Both left and both
 * blocked: the outcome is certain, the browser error follows fetch's default (no credentials) and both are
 * reported. Otherwise the outcome is "unknown" with both alternatives. Never a silent guess.
 */
function decide(
  exchange: Exchange,
  browser: BrowserProfile,
  inferred: CredentialsInference,
  facts: CaptureFacts,
): Decision {
  if (inferred.mode !== 'unknown') {
    const verdict = evaluate(exchange, browser, inferred.mode === 'include', facts);
    return { verdict: reconcile(exchange, verdict), credentials: inferred, alternatives: null };
  }
  const without = evaluate(exchange, browser, false, facts);
  const withCredentials = evaluate(exchange, browser, true, facts);
  if (sameVerdict(without, withCredentials)) {
    return { verdict: reconcile(exchange, without), credentials: inferred, alternatives: null };
  }
  const consistent = [without, withCredentials].filter((v) => fitsCapture(exchange, v));
  if (consistent.length === 1) {
    const verdict = consistent[0] as Verdict;
    const other = verdict === without ? withCredentials : without;
    return {
      verdict,
      credentials: {
        mode: verdict.credentials ? 'include' : 'not-include',
        evidence: `Inferred by elimination: no Cookie header was sent, but ${captureFact(exchange, other)}, which only fits a request ${verdict.credentials ? 'with' : 'without'} credentials.`,
      },
      alternatives: null,
    };
  }
  const alternatives = [without, withCredentials];
  if (without.outcome === withCredentials.outcome && without.outcome !== 'unknown') {
    return { verdict: without, credentials: inferred, alternatives };
  }
  return {
    verdict: {
      browser,
      credentials: false,
      outcome: 'unknown',
      failure: null,
      unknownReason:
        'The verdict depends on whether the request was sent with credentials, which the capture does not show.',
      wildcardAuthorization: without.wildcardAuthorization,
    },
    credentials: inferred,
    alternatives,
  };
}

/** Could the browser have reached `verdict`, given what the capture shows happened? */
function fitsCapture(exchange: Exchange, verdict: Verdict): boolean {
  const failedAt = verdict.failure?.stage === 'preflight' ? verdict.failure.hop : null;
  for (const [index, hop] of exchange.hops.entries()) {
    if (!hop.entry) continue;
    // A response the browser took from its cache (the verdict checked a stored copy) answered the request too.
    const fromCache = failedAt === null && verdict.failure?.hop === index && verdict.failure.entry !== hop.entry;
    const sent = !wasNeverSent(hop.entry) || fromCache;
    // A hop the browser went on to request means every earlier hop passed.
    if (sent && verdict.failure && verdict.failure.hop < index) return false;
    // Blocked at this hop's preflight means the request itself never went out, and vice versa.
    if (failedAt === index && sent) return false;
    if (!sent && failedAt === null && !(verdict.outcome === 'blocked' && verdict.failure === null)) return false;
  }
  const observed = recordedFailure(exchange);
  if (observed === true && verdict.outcome === 'allowed') return false;
  if (observed === false && verdict.outcome !== 'allowed') return false;
  return true;
}

/** Chromium records `_error` on every entry: ERR_FAILED on a CORS failure, null on success. */
function recordedFailure(exchange: Exchange): boolean | null {
  const last = [...exchange.hops].reverse().find((hop) => hop.entry)?.entry;
  if (!last || last.error === undefined) return null;
  if (last.error === 'net::ERR_FAILED') return true;
  return last.error === null && last.status > 0 ? false : null;
}

/** The capture fact that rules `excluded` out, in words. */
function captureFact(exchange: Exchange, excluded: Verdict): string {
  if (excluded.failure?.stage === 'preflight') return 'the real request was sent, so its preflight passed';
  if (exchange.hops.some((hop) => hop.entry && wasNeverSent(hop.entry))) return 'the browser never sent the request';
  return recordedFailure(exchange) ? 'the browser recorded the request as failed' : 'the browser completed the request';
}

/** The browser is the judge: if the capture shows a failure every visible check passes, say blocked, cause unknown. */
function reconcile(exchange: Exchange, verdict: Verdict): Verdict {
  if (verdict.outcome !== 'allowed' || recordedFailure(exchange) !== true) return verdict;
  return {
    ...verdict,
    outcome: 'blocked',
    failure: null,
    unknownReason: 'The browser recorded a failure, but every check the capture shows passes.',
  };
}

function describeDeviation(browser: BrowserProfile, verdict: Verdict, other: Verdict): string {
  const say = (v: Verdict) =>
    v.outcome === 'allowed'
      ? 'allows the request'
      : v.failure
        ? `reports ${v.browser.name === 'firefox' ? (v.failure.firefox ?? v.failure.chromium ?? v.failure.rule) : (v.failure.chromium ?? v.failure.rule)} (${v.failure.rule})`
        : `gives "${v.outcome}"`;
  return `${browser.label} ${say(verdict)}; ${other.browser.label} ${say(other)}. This verdict follows ${browser.label}, which produced the capture.`;
}

function consoleLine(exchange: Exchange, verdict: Verdict, browser: 'chromium' | 'firefox'): string | null {
  const failure = verdict.failure;
  if (!failure) return null;
  const hop = exchange.hops[failure.hop];
  const failedEntry = failure.entry;
  const ctx: ConsoleContext = {
    url: hop?.url ?? exchange.url,
    initialUrl: failure.hop > 0 ? exchange.url : null,
    origin: hop?.origin ?? exchange.origin ?? 'null',
    initiator: initiatorWord(exchange.resourceType),
    parameter: failure.finding.parameter ?? null,
    status: failedEntry?.status ?? 0,
  };
  if (browser === 'chromium') {
    if (failure.chromium) return chromiumConsoleMessage(failure.chromium, ctx);
    return failure.finding.netError ? `${exchange.method} ${ctx.url} ${failure.finding.netError}` : null;
  }
  return failure.firefox ? firefoxConsoleMessage(failure.firefox, ctx) : null;
}

function toDiagnosis(rule: Rule, finding: Finding, fixesByStack: DiagnosisReport['stackFixes']): DiagnosisReport {
  const messages = rule.meta.messages as Record<string, string>;
  const fixes = rule.meta.fixes as Record<string, readonly string[]>;
  const template = messages[finding.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id "${finding.messageId}"`);
  return {
    rule: rule.id,
    kind: rule.kind === 'check' ? 'check' : rule.meta.rootCause ? 'root-cause' : 'advice',
    severity: rule.meta.severity,
    title: rule.meta.title,
    message: interpolate(template, finding.data),
    evidence: [...finding.evidence],
    fixes: (fixes[finding.messageId] ?? []).map((fix) => interpolate(fix, finding.data)),
    stackFixes: fixesByStack,
    docs: `src/engine/rules/${rule.id}.md`,
  };
}
