// What the probe sent and received, as the HAR a Chromium-based browser would have recorded: the engine then
// diagnoses it exactly as it diagnoses a capture from DevTools.
import type { Header, RawHarEntry, RawHarLog } from '../engine';
import type { ReceivedResponse } from './send';

/** The producer name the engine sees in log.creator; log.browser names Chromium, whose rules apply. */
export const PROBE_CREATOR = 'cors-doctor probe';

/** One request the browser would have made: a preflight or a hop of the real request. */
export interface ProbeStep {
  kind: 'preflight' | 'request';
  /** Which hop of the redirect chain (0: the URL the page called). */
  hop: number;
  method: string;
  url: string;
  startedMs: number;
  /** The header lines sent (or, when not sent, those the browser would have sent). */
  requestHeaders: Header[];
  /** Null: the browser would not have sent this request (blocked before it, e.g. at its preflight). */
  response: ReceivedResponse | null;
  /** The absolute Location of a redirect response, or null. */
  redirectUrl: string | null;
  bodySize: number;
}

export function toHar(steps: readonly ProbeStep[], version: string): { log: RawHarLog } {
  return {
    log: {
      version: '1.2',
      creator: { name: PROBE_CREATOR, version },
      browser: { name: 'Chromium (emulated by cors-doctor probe)', version },
      pages: [],
      entries: steps.map((step) => toEntry(step, steps)),
    },
  };
}

function toEntry(step: ProbeStep, steps: readonly ProbeStep[]): RawHarEntry {
  const preflight =
    step.kind === 'request' ? steps.find((s) => s.kind === 'preflight' && s.hop === step.hop) : undefined;
  // Chromium starts the real request's record just before its preflight (README, "Exchanges").
  const startedMs = preflight ? preflight.startedMs - 1 : step.startedMs;
  const response = step.response;
  const timings = response?.timings ?? { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 };
  const time = Object.values(timings).reduce((sum, t) => (t > 0 ? sum + t : sum), 0);
  const entry: RawHarEntry = {
    startedDateTime: new Date(startedMs).toISOString(),
    time: Math.round(time * 1000) / 1000,
    request: {
      method: step.method,
      url: step.url,
      httpVersion: response ? 'HTTP/1.1' : '',
      headers: step.requestHeaders.map(({ name, value }) => ({ name, value })),
      queryString: queryString(step.url),
      cookies: [],
      headersSize: -1,
      bodySize: step.bodySize,
    },
    response: response
      ? {
          status: response.status,
          statusText: response.statusText,
          httpVersion: response.httpVersion,
          headers: response.headers.map(({ name, value }) => ({ name, value })),
          cookies: [],
          content: { size: response.bodySize, mimeType: response.mimeType },
          redirectURL: step.redirectUrl ?? '',
          headersSize: -1,
          bodySize: response.bodySize,
        }
      : {
          // What Chromium records for a request it never sent: status 0, no headers, net::ERR_FAILED.
          status: 0,
          statusText: '',
          httpVersion: '',
          headers: [],
          cookies: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          _error: 'net::ERR_FAILED',
        },
    cache: {},
    timings,
    _resourceType: step.kind === 'preflight' ? 'preflight' : 'fetch',
  };
  if (response?.serverIp) entry.serverIPAddress = response.serverIp;
  return entry;
}

function queryString(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}
