import { isParsableOrigin } from '../cors/origin';
import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-origin-invalid',
  meta: {
    severity: 'error',
    title: 'Access-Control-Allow-Origin is not a valid origin',
    description:
      'Require Access-Control-Allow-Origin to be "*", "null" or a serialized origin such as https://app.example',
    chromium: {
      preflight: 'PreflightInvalidAllowOriginValue',
      response: 'InvalidAllowOriginValue',
      redirect: 'InvalidAllowOriginValue',
    },
    // Firefox does not distinguish this case: it reports the value as not matching (allow-origin-mismatch).
    firefox: null,
    outcome: 'blocked',
    fixTopics: ['allow-origin'],
    messages: {
      invalid:
        '{{what}} from {{url}} sends Access-Control-Allow-Origin "{{value}}", which is not an origin, so the browser {{consequence}}.',
    },
    fixes: {
      invalid: [
        'Send the page origin exactly as the browser sends it in the Origin request header: `Access-Control-Allow-Origin: {{origin}}` (scheme, host and port; no path, quotes or spaces).',
      ],
    },
  },
  check(ctx) {
    if (!ctx.browser.distinguishesInvalidAllowOrigin) return null;
    const value = ctx.response.responseHeaders.get('access-control-allow-origin');
    if (value === null || value === '*' || value === 'null' || value === ctx.hop.origin) return null;
    if (/[ ,]/.test(value) || isParsableOrigin(value)) return null;
    return lazyFinding({ messageId: 'invalid', parameter: value }, () => {
      const words = describeCheck(ctx);
      return {
        data: { ...words, value },
        evidence: [responseHeaderEvidence(ctx, 'access-control-allow-origin', words.origin)],
      };
    });
  },
});
