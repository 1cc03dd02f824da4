import { statusLine } from '../har/entry-facts';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';
import { failedPreflightByStatus } from './support';

/** The checks a 5xx preflight fails: the missing header when it carries none, the status when it does. */
/** Statuses a proxy, gateway or CDN answers for an application it cannot reach (Cloudflare's 52x included). */
const GATEWAY = new Set([502, 503, 504, 520, 521, 522, 523, 524]);

/** What a 5xx usually means, in the words someone debugging would use. */
const MEANING: Record<number, string> = {
  500: 'the application crashed (an unhandled error) while handling the OPTIONS request',
  502: 'a proxy or gateway got no valid answer from the application behind it',
  503: 'the service is unavailable: down, restarting, overloaded or in maintenance',
  504: 'a proxy or gateway timed out waiting for the application behind it',
  505: 'the server does not support the HTTP version of the request',
  507: 'the server ran out of storage',
  508: 'the server stopped an endless loop while handling the request',
  520: 'Cloudflare got an empty or unexpected answer from the origin server',
  521: 'Cloudflare could not connect to the origin server, which refused the connection',
  522: 'Cloudflare timed out connecting to the origin server',
  523: 'Cloudflare could not reach the origin server',
  524: 'Cloudflare connected to the origin server, but it did not answer in time',
};

export default defineAdvice({
  id: 'preflight-server-error',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'The preflight hit a server error',
    description: 'Require the server to answer the preflight (OPTIONS) with a 2xx status, not a server error',
    fixTopics: ['cors-on-errors'],
    messages: {
      crashed:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}}: {{meaning}}. A preflight needs a 2xx answer, so the browser never sent the {{method}} request; the CORS error it reported is a side effect of the server error.',
      gatewayError:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}}: {{meaning}}. The application is most likely down or unreachable, so the CORS settings are not the problem; the browser never sent the {{method}} request and reported the failure as a CORS error.',
    },
    fixes: {
      crashed: [
        "Find the error in the server's logs at the time of this OPTIONS request and fix it: a preflight has no body and no credentials, so code that reads a body or the current user fails on it.",
        'Answer preflights in the CORS layer, before the application code runs, so a bug in a handler cannot break them.',
        'Send the CORS headers on error responses too, so the page sees the real {{code}} next time instead of a CORS error.',
      ],
      gatewayError: [
        "Check that the application behind the proxy is running and reachable from it (its process, its health check, the proxy's upstream address and port), and read the proxy's error log.",
        "Then make the proxy's error pages carry the CORS headers too (nginx: `add_header ... always`), so an outage shows in the page as a {{code}} rather than as a CORS error.",
      ],
    },
  },
  check({ exchange, verdict }) {
    const { preflight, hop: hopIndex } = failedPreflightByStatus(verdict);
    // 501 Not Implemented says the OPTIONS method is not handled at all: a missing route, not a crash.
    if (!preflight || preflight.status < 500 || preflight.status > 599 || preflight.status === 501) return [];
    const hop = exchange.hops[hopIndex];
    const gateway = GATEWAY.has(preflight.status);
    const evidence: Evidence[] = [
      { entry: preflight.index, role: 'preflight', location: 'status', actual: statusLine(preflight), expected: '2xx' },
    ];
    const server = preflight.responseHeaders.get('server');
    if (gateway && server !== null) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: preflight.responseHeaders.displayName('server'),
        actual: server,
      });
    }
    return [
      {
        messageId: gateway ? 'gatewayError' : 'crashed',
        data: {
          url: preflight.url,
          status: statusLine(preflight),
          code: String(preflight.status),
          method: hop?.method ?? exchange.method,
          meaning: MEANING[preflight.status] ?? 'the server failed while handling the OPTIONS request',
        },
        evidence,
      },
    ];
  },
});
