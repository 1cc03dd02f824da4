// One probe: make the request a page at `origin` would make, step by step as the browser would (preflight, CORS
// check, redirects), and stop where the browser would stop. Every "would the browser go on?" question is answered
// by the engine itself, on the HAR of what was seen so far, so the prediction and the final verdict never disagree.
import {
  diagnose,
  followRedirect,
  parseHarJson,
  planHop,
  startRequest,
  type BrowserRequest,
  type ExchangeReport,
  type FetchCall,
  type Header,
  type HarInput,
  type HopPlan,
  type RawHarLog,
} from '../engine';
import { ProbeNetworkError, send as realSend, type NetworkErrorKind, type Send } from './send';
import { toHar, type ProbeStep } from './to-har';

export interface ProbeRequest {
  url: string;
  origin: string;
  method: string;
  /** Headers the page's script sets. */
  headers: Header[];
  /** The Cookie header to send with --credentials (the browser's cookie jar for the host). */
  cookie: string | null;
  body: string | null;
  credentials: boolean;
  preflightOnly: boolean;
  timeoutMs: number;
}

/** Where the probe ended. */
export type ProbeEnd =
  /** The browser would have made every request; the verdict is on the final response. */
  | 'completed'
  /** The browser would have stopped at a preflight: the real request was not sent. */
  | 'stopped-at-preflight'
  /** The browser would have stopped at a redirect response (its CORS check failed): the Location was not followed. */
  | 'stopped-at-redirect'
  /** The browser would not have sent the request at all (mixed content). */
  | 'not-sent'
  /** --preflight-only: the preflight was sent, the real request was not. */
  | 'preflight-only'
  /** --preflight-only, but the request needs no preflight: nothing was sent. */
  | 'no-preflight-needed'
  /** A network error (or a redirect the browser refuses to follow) ended the probe. */
  | 'error';

export interface ProbeError {
  kind: NetworkErrorKind | 'redirect';
  /** One line: "connection refused by 127.0.0.1:9". */
  message: string;
  /** The request that failed. */
  method: string;
  url: string;
}

export interface ProbeRun {
  request: ProbeRequest;
  /** The plan of the first hop: what the page's call needs (preflight, ACRM, ACRH, Origin). */
  plan: HopPlan;
  steps: ProbeStep[];
  /** What changed along the way (redirects) and what the probe could not do as a browser would. */
  notes: string[];
  end: ProbeEnd;
  error: ProbeError | null;
  har: { log: RawHarLog };
  /** The HAR input to diagnose, with the credentials mode declared. */
  input: HarInput;
}

export interface ProbeDeps {
  version: string;
  send?: Send;
}

/** Checks the call is one a page can make; the reasons it is not, otherwise. */
export function prepareProbe(request: ProbeRequest): BrowserRequest | { errors: string[] } {
  const call: FetchCall = {
    url: request.url,
    pageOrigin: request.origin,
    method: request.method,
    headers: request.headers,
    hasBody: request.body !== null,
    credentials: request.credentials,
    cookie: request.cookie,
  };
  return startRequest(call);
}

export async function runProbe(request: ProbeRequest, start: BrowserRequest, deps: ProbeDeps): Promise<ProbeRun> {
  const send = deps.send ?? realSend;
  const steps: ProbeStep[] = [];
  const notes: string[] = [];
  const firstPlan = planHop(start);
  const credentials = request.credentials ? 'include' : 'not-include';
  const inputFor = (all: readonly ProbeStep[]): HarInput => ({
    file: `probe ${request.method} ${request.url} from ${request.origin}`,
    har: parseHarJson(toHar(all, deps.version)),
    credentials,
  });
  const judge = (all: readonly ProbeStep[]): ExchangeReport | undefined =>
    diagnose([inputFor(all)], { version: deps.version, all: true }).exchanges[0];
  const finish = (end: ProbeEnd, error: ProbeError | null = null): ProbeRun => ({
    request,
    plan: firstPlan,
    steps,
    notes,
    end,
    error,
    har: toHar(steps, deps.version),
    input: inputFor(steps),
  });
  if (request.credentials && request.cookie === null) {
    notes.push(
      'With --credentials and no Cookie header, the request carries no cookie: a browser would send the cookies it holds for the host.',
    );
  }

  let current = start;
  for (let hop = 0; ; hop++) {
    const plan = hop === 0 ? firstPlan : planHop(current);
    const notSent = (): ProbeStep => ({
      kind: 'request',
      hop,
      method: plan.method,
      url: plan.url,
      startedMs: Date.now(),
      requestHeaders: [...plan.requestHeaders],
      response: null,
      redirectUrl: null,
      bodySize: 0,
    });
    if (plan.blocked) {
      notes.push(`Not sent: ${plan.blocked}.`);
      steps.push(notSent());
      return finish('not-sent');
    }

    if (plan.preflightHeaders) {
      const preflight = await attempt(send, {
        url: plan.url,
        method: 'OPTIONS',
        headers: withUserAgent(plan.preflightHeaders, deps.version),
        body: null,
        timeoutMs: request.timeoutMs,
      });
      if ('error' in preflight) return finish('error', { ...preflight.error, method: 'OPTIONS', url: plan.url });
      // Never followed: a preflight's redirect is its answer (R6).
      steps.push({
        kind: 'preflight',
        hop,
        method: 'OPTIONS',
        url: plan.url,
        startedMs: preflight.sent.startedMs,
        requestHeaders: preflight.sent.headers,
        response: preflight.sent.response,
        redirectUrl: locationOf(preflight.sent.response.status, preflight.sent.response.headers, plan.url),
        bodySize: 0,
      });
      if (request.preflightOnly && hop === 0) {
        const verdict = judge(steps);
        return finish(verdict?.stage === 'preflight' ? 'stopped-at-preflight' : 'preflight-only');
      }
      const tentative = [...steps, notSent()];
      const verdict = judge(tentative);
      if (verdict?.stage === 'preflight' && verdict.outcome !== 'allowed') {
        steps.push(notSent());
        return finish('stopped-at-preflight');
      }
    } else if (request.preflightOnly && hop === 0) {
      return finish('no-preflight-needed');
    }

    const body = current.hasBody ? request.body : null;
    const sent = await attempt(send, {
      url: plan.url,
      method: plan.method,
      headers: withUserAgent(plan.requestHeaders, deps.version),
      body,
      timeoutMs: request.timeoutMs,
    });
    if ('error' in sent) return finish('error', { ...sent.error, method: plan.method, url: plan.url });
    const { response } = sent.sent;
    const location = locationOf(response.status, response.headers, plan.url);
    steps.push({
      kind: 'request',
      hop,
      method: plan.method,
      url: plan.url,
      startedMs: sent.sent.startedMs,
      requestHeaders: sent.sent.headers,
      response,
      redirectUrl: location,
      bodySize: body === null ? 0 : Buffer.byteLength(body),
    });

    const next = followRedirect(current, response.status, headerValue(response.headers, 'location'));
    if (next.kind === 'final') return finish('completed');
    // The browser CORS-checks the redirect response before it follows the Location.
    // Undecided ('unknown') only because the target is not fetched yet: follow it.
    const verdict = judge(steps);
    if (verdict && (verdict.outcome === 'blocked' || verdict.outcome === 'failed-not-cors')) {
      return finish('stopped-at-redirect');
    }
    if (next.kind === 'error') {
      return finish('error', {
        kind: 'redirect',
        message: `redirect: ${next.reason}`,
        method: plan.method,
        url: plan.url,
      });
    }
    notes.push(
      `Redirect ${response.status} from ${plan.url} to ${next.request.urlList[next.request.urlList.length - 1]}` +
        (next.changes.length ? `: ${next.changes.join('; ')}.` : '.'),
    );
    current = next.request;
  }
}

async function attempt(
  send: Send,
  request: Parameters<Send>[0],
): Promise<{ sent: Awaited<ReturnType<Send>> } | { error: Omit<ProbeError, 'method' | 'url'> }> {
  try {
    return { sent: await send(request) };
  } catch (error) {
    if (error instanceof ProbeNetworkError) return { error: { kind: error.kind, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { error: { kind: 'other', message: message.replace(/\s*\n\s*/g, ' ') } };
  }
}

/** Servers and firewalls see who is calling; a User-Agent the page set (--header) wins. */
function withUserAgent(headers: readonly Header[], version: string): Header[] {
  if (headers.some((h) => h.name.toLowerCase() === 'user-agent')) return [...headers];
  return [...headers, { name: 'User-Agent', value: `cors-doctor/${version} (probe; Chromium CORS rules)` }];
}

function headerValue(headers: readonly Header[], name: string): string | null {
  const values = headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  return values.length ? values.join(', ') : null;
}

/** The absolute Location of a 3xx response (what a HAR records as redirectURL), or null. */
function locationOf(status: number, headers: readonly Header[], base: string): string | null {
  if (status < 300 || status > 399) return null;
  const location = headerValue(headers, 'location');
  if (location === null) return null;
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}
