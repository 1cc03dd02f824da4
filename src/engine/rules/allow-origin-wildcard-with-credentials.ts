import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-origin-wildcard-with-credentials',
  meta: {
    severity: 'error',
    title: 'Wildcard Access-Control-Allow-Origin on a request with credentials',
    description: 'Disallow "Access-Control-Allow-Origin: *" when the request is sent with credentials',
    chromium: {
      preflight: 'PreflightWildcardOriginNotAllowed',
      response: 'WildcardOriginNotAllowed',
      redirect: 'WildcardOriginNotAllowed',
    },
    firefox: 'CORSNotSupportingCredentials',
    outcome: 'blocked',
    fixTopics: ['allow-credentials'],
    messages: {
      wildcard:
        '{{what}} from {{url}} sends `Access-Control-Allow-Origin: *`, but the request was made with credentials (cookies or HTTP auth), so the browser {{consequence}}. "*" only works without credentials.',
    },
    fixes: {
      wildcard: [
        'Send the request\'s origin instead of "*": `Access-Control-Allow-Origin: {{origin}}`, plus `Access-Control-Allow-Credentials: true` and `Vary: Origin`.',
        'Or, if the endpoint needs no cookies, send the request without credentials (fetch `credentials: "same-origin"`, XHR `withCredentials = false`).',
      ],
    },
  },
  check(ctx) {
    if (!ctx.credentials) return null;
    if (ctx.response.responseHeaders.get('access-control-allow-origin') !== '*') return null;
    return lazyFinding({ messageId: 'wildcard', parameter: null }, () => {
      const words = describeCheck(ctx);
      return {
        data: { ...words },
        evidence: [responseHeaderEvidence(ctx, 'access-control-allow-origin', words.origin)],
      };
    });
  },
});
