// Wording and evidence shared by rules, so every rule names things the same way. Not a rule itself.
import { failedCheckCacheMixup } from '../cors/http-cache';
import { statusLine } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Evidence, Exchange, Finding, Hop, Verdict } from '../model';
import type { AdviceContext, CheckContext } from './define-rule';

export interface CheckWords {
  /** "The preflight (OPTIONS) response" / "The response" / "The 302 redirect". */
  what: string;
  url: string;
  status: string;
  origin: string;
  method: string;
  /** What the browser did about the failure, as the end of a sentence. */
  consequence: string;
  /** Which response the fix applies to. */
  where: string;
}

export function describeCheck(ctx: CheckContext): CheckWords {
  const { response, stage, hop } = ctx;
  const method = hop.method;
  const base = { url: response.url, status: statusLine(response), origin: hop.origin, method };
  switch (stage) {
    case 'preflight':
      return {
        ...base,
        what: 'The preflight (OPTIONS) response',
        consequence: `never sent the ${method} request`,
        where: `the OPTIONS response for ${response.url}`,
      };
    case 'redirect':
      return {
        ...base,
        what: `The ${response.status} redirect`,
        consequence: 'stopped at the redirect and gave the page a network error',
        where: `the ${response.status} redirect response of ${response.url}`,
      };
    default:
      return {
        ...base,
        what: 'The response',
        consequence: 'withheld the response from the page, whose script saw a network error',
        where: `the ${method} response for ${response.url}`,
      };
  }
}

type Details = Pick<Finding, 'data' | 'evidence'>;

/**
 * A check's finding whose message data and evidence are worked out only if read. Checks also run for verdicts that
 * are then set aside (the other credentials assumption, the other browser), where only which check failed, and
 * with what parameter, counts: most failures found in a big capture are never put into words.
 */
export function lazyFinding<M extends string>(
  finding: Omit<Finding, 'data' | 'evidence'> & { messageId: M },
  details: () => Details,
): Finding & { messageId: M } {
  let worked: Details | null = null;
  return {
    ...finding,
    get data() {
      return (worked ??= details()).data;
    },
    get evidence() {
      return (worked ??= details()).evidence;
    },
  };
}

export function roleOf(ctx: CheckContext): Evidence['role'] {
  if (ctx.stage === 'preflight') return 'preflight';
  return ctx.hopIndex > 0 ? 'redirect' : 'request';
}

export function responseHeaderEvidence(ctx: CheckContext, name: string, expected?: string): Evidence {
  const headers = ctx.response.responseHeaders;
  return {
    entry: ctx.response.index,
    role: roleOf(ctx),
    location: 'response-header',
    name: headers.displayName(name),
    actual: headers.get(name),
    ...(expected === undefined ? {} : { expected }),
  };
}

export function statusEvidence(ctx: CheckContext, expected?: string): Evidence {
  return {
    entry: ctx.response.index,
    role: roleOf(ctx),
    location: 'status',
    actual: statusLine(ctx.response),
    ...(expected === undefined ? {} : { expected }),
  };
}

export function errorEvidence(ctx: CheckContext): Evidence {
  return { entry: ctx.response.index, role: roleOf(ctx), location: 'error', actual: ctx.response.error ?? null };
}

/** "GET, POST" or "(absent)" for quoting a header in a message. */
export function quoted(value: string | null): string {
  return value === null ? '(absent)' : `"${value}"`;
}

/** The context the failing check ran in, so a root cause can word and cite the same response the check did. */
export function failureContext(exchange: Exchange, verdict: Verdict): CheckContext | null {
  const failure = verdict.failure;
  const hop = failure ? exchange.hops[failure.hop] : undefined;
  if (!failure || !hop || !failure.entry) return null;
  return {
    exchange,
    hop,
    hopIndex: failure.hop,
    stage: failure.stage,
    response: failure.entry,
    credentials: verdict.credentials,
    browser: verdict.browser,
  };
}

/** Checks that fail a preflight whose status (not its allow lists) is the problem: what status root causes explain. */
const STATUS_FAILURES = new Set(['allow-origin-missing', 'preflight-status-not-ok']);

/** The preflight whose status failed the exchange (missing CORS headers on an error, or a non-2xx), and its hop. */
export function failedPreflightByStatus(verdict: Verdict): { preflight: Entry | null; hop: number } {
  const failure = verdict.failure;
  if (!failure || failure.stage !== 'preflight' || !STATUS_FAILURES.has(failure.rule))
    return { preflight: null, hop: 0 };
  return { preflight: failure.entry, hop: failure.hop };
}

/**
 * The Access-Control-Allow-Origin value a failed origin check rejected, when it names some other origin the server
 * chose to send (a mismatch, or an invalid value such as a trailing slash), and no cache handing out a copy made for
 * another page explains it better (cache-missing-vary-origin): what allow-origin-near-miss and
 * allow-origin-wrong-environment look into. Null otherwise.
 */
export function rejectedAllowOrigin({
  exchange,
  verdict,
  capture,
}: AdviceContext): { hop: Hop; response: Entry; value: string } | null {
  const failure = verdict.failure;
  if (!failure || (failure.rule !== 'allow-origin-mismatch' && failure.rule !== 'allow-origin-invalid')) return null;
  const entry = failure.entry;
  const hop = exchange.hops[failure.hop];
  if (!entry || !hop || hop.origin === 'null') return null;
  const value = entry.responseHeaders.get('access-control-allow-origin');
  if (value === null) return null;
  const mixup = failedCheckCacheMixup(hop, entry, failure.stage, capture);
  return mixup && mixup.kind !== 'no-allow-origin' ? null : { hop, response: entry, value };
}
