import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-origin-missing',
  meta: {
    severity: 'error',
    title: 'No Access-Control-Allow-Origin header',
    description:
      'Require an Access-Control-Allow-Origin header on every cross-origin response, including preflights, redirects and error responses',
    chromium: {
      preflight: 'PreflightMissingAllowOriginHeader',
      response: 'MissingAllowOriginHeader',
      redirect: 'MissingAllowOriginHeader',
    },
    firefox: 'CORSMissingAllowOrigin2',
    outcome: 'blocked',
    fixTopics: ['allow-origin', 'cors-on-errors'],
    messages: {
      missing:
        '{{what}} from {{url}} ({{status}}) has no Access-Control-Allow-Origin header, so the browser {{consequence}}.',
      missingOnError:
        '{{what}} from {{url}} is an error ({{status}}) without an Access-Control-Allow-Origin header, so the browser {{consequence}}. Error responses often bypass the CORS middleware, so the {{status}} may be the real problem.',
    },
    fixes: {
      missing: ['Send `Access-Control-Allow-Origin: {{origin}}` on {{where}}.'],
      missingOnError: [
        'Send `Access-Control-Allow-Origin: {{origin}}` on {{where}} for every status, errors included.',
        'Then look at why the server answered {{status}}: with the header in place, the page will see that error.',
      ],
    },
  },
  check(ctx) {
    if (ctx.response.responseHeaders.has('access-control-allow-origin')) return null;
    return lazyFinding(
      { messageId: ctx.response.status >= 400 ? 'missingOnError' : 'missing', parameter: null },
      () => {
        const words = describeCheck(ctx);
        return {
          data: { ...words },
          evidence: [responseHeaderEvidence(ctx, 'access-control-allow-origin', words.origin)],
        };
      },
    );
  },
});
