import { parseRequestedHeaders, parseTokenList } from '../cors/header-lists';
import { isApiGatewayMissingRoute, statusLine } from '../har/entry-facts';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';
import { failedPreflightByStatus } from './support';

/** The checks a 401/403 preflight fails: the missing header when it carries none, the status when it does. */
export default defineAdvice({
  id: 'preflight-rejected-by-auth',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'The preflight was rejected by authentication',
    description:
      'Require the server to answer the preflight (OPTIONS) before authentication runs: browsers never send credentials with it',
    fixTopics: ['options-before-auth'],
    messages: {
      beforeCors:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}} without CORS headers: {{who}} rejected it before the CORS handling could answer. Browsers never send cookies or an Authorization header with a preflight, so it cannot pass an authentication check, and the {{method}} request was never sent.',
      afterCors:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}}: the CORS handling added its headers but let the request go on to {{who}}, which rejected it. Browsers never send cookies or an Authorization header with a preflight, so it cannot pass an authentication check, and the {{method}} request was never sent.',
    },
    fixes: {
      beforeCors: [
        'Let OPTIONS requests through authentication: run the CORS handling first, so it answers every preflight for {{origin}} with 204 No Content and the CORS headers before the authentication layer sees it.',
        'If the authentication layer must run first, make it skip OPTIONS requests that carry Access-Control-Request-Method (preflights); the {{method}} request that follows carries the credentials and is checked as usual.',
        'Nothing in the page can fix this: no fetch() or XMLHttpRequest option adds credentials to a preflight.',
      ],
      afterCors: [
        'Make the CORS handling end the preflight itself (204 No Content with its headers) instead of passing OPTIONS on to authentication; in the Express cors package, remove `preflightContinue: true`.',
        'If the authentication layer must run first, make it skip OPTIONS requests that carry Access-Control-Request-Method (preflights); the {{method}} request that follows carries the credentials and is checked as usual.',
      ],
    },
  },
  check({ exchange, verdict }) {
    const { preflight, hop: hopIndex } = failedPreflightByStatus(verdict);
    if (!preflight || (preflight.status !== 401 && preflight.status !== 403)) return [];
    // API Gateway's "Missing Authentication Token" 403 means there is no OPTIONS route: preflight-route-missing.
    if (isApiGatewayMissingRoute(preflight)) return [];
    const headers = preflight.responseHeaders;
    // Spring's DefaultCorsProcessor refuses an origin, method or header it does not allow with a bare 403 after
    // adding `Vary: Origin, Access-Control-Request-Method, …`: that is the CORS layer saying no, not authentication.
    const vary = parseTokenList(headers.get('vary')).items.map((name) => name.toLowerCase());
    if (
      preflight.status === 403 &&
      !headers.has('access-control-allow-origin') &&
      vary.includes('access-control-request-method')
    ) {
      return [];
    }
    const hop = exchange.hops[hopIndex];
    const method = hop?.method ?? exchange.method;
    const origin = hop?.origin ?? exchange.origin ?? 'null';
    const challenge = headers.get('www-authenticate');
    const who =
      challenge !== null
        ? `an authentication layer (it asked for credentials with WWW-Authenticate: ${challenge})`
        : preflight.status === 401
          ? 'an authentication layer'
          : 'an authorization check, a CSRF filter or a firewall';
    const allowOrigin = headers.get('access-control-allow-origin');

    const evidence: Evidence[] = [
      { entry: preflight.index, role: 'preflight', location: 'status', actual: statusLine(preflight), expected: '2xx' },
    ];
    if (challenge !== null) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: headers.displayName('www-authenticate'),
        actual: challenge,
      });
    }
    if (allowOrigin === null) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: 'Access-Control-Allow-Origin',
        actual: null,
        expected: origin,
      });
    }
    // The page's credentials went on the real request only: show the preflight went without them.
    const requested = parseRequestedHeaders(preflight.requestHeaders.get('access-control-request-headers'));
    if (requested.includes('authorization') || hop?.entry?.requestHeaders.has('authorization')) {
      evidence.push({
        entry: preflight.index,
        role: 'preflight',
        location: 'request-header',
        name: 'Authorization',
        actual: preflight.requestHeaders.get('authorization'),
      });
    }

    return [
      {
        messageId: allowOrigin === null ? 'beforeCors' : 'afterCors',
        data: { url: preflight.url, status: statusLine(preflight), who, method, origin },
        evidence,
      },
    ];
  },
});
