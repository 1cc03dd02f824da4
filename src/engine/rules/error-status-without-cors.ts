import { originOf } from '../cors/origin';
import { statusLine } from '../har/entry-facts';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';

/** What a status usually means, in the words someone debugging would use. */
const MEANING: Record<number, string> = {
  400: 'the server rejected the request as malformed (body, parameters or headers)',
  401: 'the request was not authenticated: a missing, expired or invalid token or session cookie',
  403: 'the server refused it: permissions, a CSRF check or a firewall rule',
  404: 'there is no such route: a wrong URL, path or API version',
  405: 'the route does not accept this method',
  413: 'the request body is too large for the server',
  415: 'the server does not accept this Content-Type',
  422: 'the server could not process the request body',
  429: 'the server is rate-limiting these requests',
  500: 'the application crashed while handling the request; its logs have the stack trace',
  502: 'a proxy or gateway could not get a valid answer from the application (down or crashing)',
  503: 'the service is unavailable (down, restarting or overloaded)',
  504: 'a proxy or gateway timed out waiting for the application',
};

export default defineAdvice({
  id: 'error-status-without-cors',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'An error response hid the real problem',
    description:
      'Require error responses (4xx and 5xx) to carry the CORS headers too, so the page can see the real status',
    fixTopics: ['cors-on-errors'],
    messages: {
      hiddenError:
        'The server answered {{status}} to the {{method}} request, and that error response has no CORS headers, although {{proof}}. So the browser reported a CORS error instead of the {{code}}. The real problem is the {{code}}: {{meaning}}.',
    },
    fixes: {
      hiddenError: [
        'Fix the cause of the {{code}} first: {{meaning}}.',
        'Then make error responses carry the CORS headers as well, so the page sees the real status next time: add them before authentication and error handling run.',
      ],
    },
  },
  check({ exchange, verdict, capture }) {
    const failure = verdict.failure;
    if (!failure || failure.rule !== 'allow-origin-missing' || failure.stage === 'preflight') return [];
    const entry = failure.entry;
    if (!entry || entry.status < 400) return [];
    const hop = exchange.hops[failure.hop];
    const server = originOf(entry.url);
    const preflightAllowed = hop?.preflight?.responseHeaders.get('access-control-allow-origin') ?? null;
    const sibling = server ? capture.corsByServer.get(server) : undefined;
    let proof: string;
    const evidence: Evidence[] = [
      {
        entry: entry.index,
        role: failure.hop > 0 ? 'redirect' : 'request',
        location: 'status',
        actual: statusLine(entry),
        expected: '2xx',
      },
    ];
    if (hop?.preflight && preflightAllowed !== null) {
      proof = `its preflight passed with Access-Control-Allow-Origin: ${preflightAllowed}`;
      evidence.push({
        entry: hop.preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: hop.preflight.responseHeaders.displayName('access-control-allow-origin'),
        actual: preflightAllowed,
      });
    } else if (sibling && sibling !== entry) {
      proof = `other responses from ${server} do carry Access-Control-Allow-Origin (entry ${sibling.index}, ${statusLine(sibling)})`;
      evidence.push({
        entry: sibling.index,
        role: 'request',
        location: 'response-header',
        name: sibling.responseHeaders.displayName('access-control-allow-origin'),
        actual: sibling.responseHeaders.get('access-control-allow-origin'),
      });
    } else {
      return [];
    }
    const code = String(entry.status);
    return [
      {
        messageId: 'hiddenError',
        data: {
          status: statusLine(entry),
          code,
          method: hop?.method ?? exchange.method,
          proof,
          meaning:
            MEANING[entry.status] ?? (entry.status >= 500 ? 'the server failed' : 'the server rejected the request'),
        },
        evidence,
      },
    ];
  },
});
