// The `probe` section of `cors-doctor probe --format json` (README, "Probe a live API"): what was sent, what came
// back, and the probe's verdict, next to the engine's report of the same exchange. Extend it, never break it.
import { redactHeader, redactUrls, type ExchangeReport, type Header, type HopPlan, type Outcome } from '../engine';
import type { ConfiguredProbe } from './config';
import type { ProbeEnd, ProbeError, ProbeRun } from './probe';

/**
 * The probe's verdict: the engine's outcome for the exchange, or what stands in for one when the probe did not
 * run to a final response ("preflight-passed" with --preflight-only, "no-preflight" when --preflight-only had
 * nothing to send, "error" when the network failed).
 */
export type ProbeVerdict = Outcome | 'preflight-passed' | 'no-preflight' | 'error';

export interface ProbeRecord {
  /** The probe's label from the config, or null. */
  name: string | null;
  /** Index into the report's inputs, null when the probe ended in a network error before any response. */
  input: number | null;
  /** The id of its exchange in the report's exchanges, or null. */
  exchange: string | null;
  origin: string;
  method: string;
  url: string;
  credentials: 'include' | 'omit';
  preflightOnly: boolean;
  /** What the page's call needs, before anything is sent (R5, R3). */
  plan: {
    preflight: boolean;
    preflightReasons: string[];
    /** The preflight's Access-Control-Request-Method, or null when no preflight is needed. */
    accessControlRequestMethod: string | null;
    /** The preflight's Access-Control-Request-Headers (sorted, lower-case, no spaces), or null. */
    accessControlRequestHeaders: string | null;
    /** The Origin header of the first request. */
    origin: string | null;
  };
  /** Where the probe ended (see ProbeEnd). */
  end: ProbeEnd;
  /** Every request the browser would have made, in order; `sent: false` for one it would not have sent. */
  requests: SentRecord[];
  notes: string[];
  verdict: ProbeVerdict;
  browserError: string | null;
  /** The first root cause's rule id (else the failed check's). */
  rootCause: string | null;
  rootCauseTitle: string | null;
  error: ProbeError | null;
  expect: 'allowed' | 'blocked';
  /** The verdict is what `expect` asks for. */
  passed: boolean;
}

export interface SentRecord {
  kind: 'preflight' | 'request';
  hop: number;
  /** Index of its entry in the probe's HAR (the report's `entries` numbers). */
  entry: number;
  method: string;
  url: string;
  sent: boolean;
  /** Credentials redacted (scheme and length only) unless --include-secrets. */
  requestHeaders: Header[];
  status: number | null;
  statusText: string | null;
  responseHeaders: Header[];
  redirectUrl: string | null;
  timeMs: number | null;
  serverIp: string | null;
}

export function toRecord(
  run: ProbeRun,
  probe: Pick<ConfiguredProbe, 'expect' | 'name'>,
  input: number | null,
  exchange: ExchangeReport | null,
  includeSecrets = false,
): ProbeRecord {
  const header = (h: Header): Header => (includeSecrets ? { ...h } : redact(h));
  const url = (u: string): string => (includeSecrets ? u : redactUrls(u));
  const verdict = verdictOf(run.end, exchange);
  const cause =
    exchange?.diagnoses.find((d) => d.kind === 'root-cause') ?? exchange?.diagnoses.find((d) => d.kind === 'check');
  return {
    name: probe.name,
    input,
    exchange: exchange?.id ?? null,
    origin: run.request.origin,
    method: run.plan.method,
    url: url(run.plan.url),
    credentials: run.request.credentials ? 'include' : 'omit',
    preflightOnly: run.request.preflightOnly,
    plan: planRecord(run.plan),
    end: run.end,
    requests: run.steps.map((step, entry) => ({
      kind: step.kind,
      hop: step.hop,
      entry,
      method: step.method,
      url: url(step.url),
      sent: step.response !== null,
      requestHeaders: step.requestHeaders.map(header),
      status: step.response?.status ?? null,
      statusText: step.response?.statusText ?? null,
      responseHeaders: (step.response?.headers ?? []).map(header),
      redirectUrl: step.redirectUrl === null ? null : url(step.redirectUrl),
      timeMs: step.response ? totalTime(step.response.timings) : null,
      serverIp: step.response?.serverIp ?? null,
    })),
    notes: run.notes.map(url),
    verdict,
    browserError: exchange?.browserError ?? exchange?.netError ?? null,
    rootCause: verdict === 'allowed' || verdict === 'preflight-passed' ? null : (cause?.rule ?? null),
    rootCauseTitle: verdict === 'allowed' || verdict === 'preflight-passed' ? null : (cause?.title ?? null),
    error: run.error ? { ...run.error, url: url(run.error.url) } : null,
    expect: probe.expect,
    passed: probe.expect === 'blocked' ? verdict === 'blocked' : PASSING.has(verdict),
  };
}

const PASSING: ReadonlySet<ProbeVerdict> = new Set(['allowed', 'preflight-passed', 'no-preflight']);

function verdictOf(end: ProbeEnd, exchange: ExchangeReport | null): ProbeVerdict {
  if (end === 'error') return 'error';
  if (end === 'no-preflight-needed') return 'no-preflight';
  if (!exchange) return 'unknown';
  if (end === 'preflight-only' && exchange.stage !== 'preflight') return 'preflight-passed';
  return exchange.outcome;
}

function planRecord(plan: HopPlan): ProbeRecord['plan'] {
  const headers = plan.preflightHeaders ?? [];
  const get = (name: string) => headers.find((h) => h.name === name)?.value ?? null;
  return {
    preflight: plan.preflightHeaders !== null,
    preflightReasons: plan.preflightReasons.map((r) =>
      r.kind === 'method' ? `method ${r.method} is not GET, HEAD or POST` : `header ${r.name}: ${r.reason}`,
    ),
    accessControlRequestMethod: get('Access-Control-Request-Method'),
    accessControlRequestHeaders: get('Access-Control-Request-Headers'),
    origin: plan.origin,
  };
}

function totalTime(timings: object): number {
  const total = (Object.values(timings) as number[]).reduce((sum, t) => (t > 0 ? sum + t : sum), 0);
  return Math.round(total * 10) / 10;
}

/** Credentials never reach the output unless asked for: "Bearer <redacted: 36 chars>", "sid=<redacted: 32 chars>". */
function redact(header: Header): Header {
  return { name: header.name, value: redactHeader(header.name, header.value) };
}
