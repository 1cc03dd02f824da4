import { isApiGatewayMissingRoute, statusLine } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';
import { failedPreflightByStatus } from './support';

/** The checks such a preflight fails: the missing header when it carries none, the status when it does. */
/** Any Access-Control-* response header: a sign that some CORS handling ran for this response. */
function hasCorsHeaders(entry: Entry): boolean {
  return entry.responseHeaders.all.some((h) => h.name.toLowerCase().startsWith('access-control-'));
}

export default defineAdvice({
  id: 'preflight-route-missing',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'Nothing handles the preflight on this route',
    description:
      'Require a route or middleware that answers the preflight (OPTIONS) with a 2xx status and the CORS headers',
    fixTopics: ['options-route'],
    messages: {
      notFound:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}}: nothing on the server handles OPTIONS for this path, or the path itself is wrong. A preflight needs a 2xx answer, so the {{method}} request was never sent.',
      methodNotAllowed:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}} ({{allow}}): the route, or the server in front of it, does not accept the OPTIONS method. A preflight needs a 2xx answer, so the {{method}} request was never sent.',
      apiGateway:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}} with x-amzn-ErrorType: {{errorType}}: AWS API Gateway gives this "Missing Authentication Token" answer for a method or path it has no route for, so this resource has no OPTIONS method. A preflight needs a 2xx answer, so the {{method}} request was never sent.',
      automaticAnswer:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}} by {{responder}}, with no Access-Control-* header at all: OPTIONS reaches the route, but no CORS handling runs for it, so the browser never sent the {{method}} request.',
    },
    fixes: {
      notFound: [
        'Check the URL first: a wrong base URL, API version or missing path prefix gives a 404 too, and the same {{method}} to that URL would fail the same way.',
        'If the URL is right, answer OPTIONS on this route with 204 No Content and the CORS headers for {{origin}}: register the CORS middleware for every path (globally), not only on the handlers of the {{method}} route.',
      ],
      methodNotAllowed: [
        'Answer OPTIONS on this route with 204 No Content and the CORS headers for {{origin}}: register the CORS middleware globally so it handles preflights before the router decides which methods a route accepts.',
        'If a proxy, gateway or firewall rejects the OPTIONS method, allow it there (for example in the API gateway method list or the WAF rule).',
      ],
      apiGateway: [
        'Add an OPTIONS method to this resource in API Gateway ("Enable CORS" creates one that answers with the CORS headers for {{origin}}), then deploy the API again: changes reach the stage only with a deployment.',
        'Check the URL as well: the same 403 comes back for a path or stage name that does not exist.',
      ],
      automaticAnswer: [
        'Add CORS handling for OPTIONS on this route: the framework answers OPTIONS by itself, but without Access-Control-Allow-Origin ({{origin}}), Access-Control-Allow-Methods and Access-Control-Allow-Headers that answer is a refusal.',
        'Register the CORS middleware globally (before the router), so it answers preflights for every route instead of leaving them to the framework.',
      ],
    },
  },
  check({ exchange, verdict }) {
    const { preflight, hop: hopIndex } = failedPreflightByStatus(verdict);
    if (!preflight) return [];
    const { status } = preflight;
    const automatic = status >= 200 && status <= 299 && !hasCorsHeaders(preflight);
    const apiGateway = isApiGatewayMissingRoute(preflight);
    if (status !== 404 && status !== 405 && status !== 501 && !automatic && !apiGateway) return [];

    const hop = exchange.hops[hopIndex];
    const headers = preflight.responseHeaders;
    const allow = headers.get('allow');
    const origin = hop?.origin ?? exchange.origin ?? 'null';
    const evidence: Evidence[] = [
      {
        entry: preflight.index,
        role: 'preflight',
        location: 'status',
        actual: statusLine(preflight),
        ...(automatic ? {} : { expected: '2xx' }),
      },
    ];
    if (apiGateway) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: headers.displayName('x-amzn-errortype'),
        actual: headers.get('x-amzn-errortype'),
      });
    }
    if (allow !== null) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: headers.displayName('allow'),
        actual: allow,
      });
    }
    if (!headers.has('access-control-allow-origin')) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: 'Access-Control-Allow-Origin',
        actual: null,
        expected: origin,
      });
    }
    const data = {
      url: preflight.url,
      status: statusLine(preflight),
      method: hop?.method ?? exchange.method,
      origin,
      errorType: headers.get('x-amzn-errortype') ?? '',
      allow: allow === null ? 'no Allow header' : `Allow: ${allow}`,
      responder:
        allow === null
          ? 'a handler that knows nothing of CORS'
          : `the framework's automatic OPTIONS answer (Allow: ${allow})`,
    };
    const messageId = apiGateway
      ? 'apiGateway'
      : automatic
        ? 'automaticAnswer'
        : status === 404
          ? 'notFound'
          : 'methodNotAllowed';
    return [{ messageId, data, evidence }];
  },
});
