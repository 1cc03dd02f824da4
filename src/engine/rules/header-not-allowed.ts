import { allowsHeader, parseRequestedHeaders, parseTokenList } from '../cors/header-lists';
import { defineCheck } from './define-rule';
import { quoted, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'header-not-allowed',
  meta: {
    severity: 'error',
    title: 'Request header not allowed by the preflight response',
    description:
      'Require each CORS-unsafe request header to be listed in Access-Control-Allow-Headers ("*" only without credentials, and never for Authorization)',
    chromium: { preflight: 'HeaderDisallowedByPreflightResponse' },
    firefox: 'CORSMissingAllowHeaderFromPreflight2',
    outcome: 'blocked',
    fixTopics: ['allow-methods-headers'],
    messages: {
      notListed:
        'The request sends the header {{header}}, but the preflight response from {{url}} allows only {{allowed}}, so the browser never sent the {{method}} request.',
      wildcardWithCredentials:
        'The request sends the header {{header}}; the preflight response from {{url}} allows headers "*", but with credentials "*" is just a header named "*", so the browser never sent the {{method}} request.',
    },
    fixes: {
      notListed: [
        'List the header in the preflight response: `Access-Control-Allow-Headers: {{suggested}}` (names are case-insensitive).',
      ],
      wildcardWithCredentials: ['List the headers explicitly: `Access-Control-Allow-Headers: {{suggested}}`.'],
    },
  },
  check(ctx) {
    const requested = parseRequestedHeaders(ctx.response.requestHeaders.get('access-control-request-headers'));
    if (requested.length === 0) return null;
    const header = ctx.response.responseHeaders.get('access-control-allow-headers');
    const list = parseTokenList(header);
    const options = {
      credentials: ctx.credentials,
      authorizationCoveredByWildcard: ctx.browser.authorizationCoveredByWildcard,
    };
    const rejected = requested.find((name) => !allowsHeader(list, name, options).allowed);
    if (rejected === undefined) return null;
    const suggested = [...new Set([...list.items.filter((h) => h !== '*'), ...requested])].join(', ');
    return {
      messageId: ctx.credentials && list.items.includes('*') ? 'wildcardWithCredentials' : 'notListed',
      data: { url: ctx.response.url, header: rejected, allowed: quoted(header), method: ctx.hop.method, suggested },
      parameter: rejected,
      evidence: [
        responseHeaderEvidence(ctx, 'access-control-allow-headers', suggested),
        {
          entry: ctx.response.index,
          role: 'preflight',
          location: 'request-header',
          name: 'Access-Control-Request-Headers',
          actual: requested.join(','),
        },
      ],
    };
  },
});
