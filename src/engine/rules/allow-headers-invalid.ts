import { parseTokenList } from '../cors/header-lists';
import { defineCheck } from './define-rule';
import { responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-headers-invalid',
  meta: {
    severity: 'error',
    title: 'Access-Control-Allow-Headers holds an invalid token',
    description: 'Require Access-Control-Allow-Headers to be a comma-separated list of header names',
    // Chromium's list parser accepts anything, so in practice only Firefox rejects these.
    chromium: { preflight: 'InvalidAllowHeadersPreflightResponse' },
    firefox: 'CORSInvalidAllowHeader',
    outcome: 'blocked',
    fixTopics: ['allow-methods-headers'],
    messages: {
      invalid:
        'The preflight response from {{url}} lists "{{token}}" in Access-Control-Allow-Headers, which is not a header name, so Firefox rejects the whole preflight and never sends the {{method}} request.',
    },
    fixes: {
      invalid: [
        'Send the header names as a plain comma-separated list, for example `Access-Control-Allow-Headers: Content-Type, Authorization`.',
      ],
    },
  },
  check(ctx) {
    if (!ctx.browser.validatesAllowListTokens) return null;
    const token = parseTokenList(ctx.response.responseHeaders.get('access-control-allow-headers')).invalidItem;
    if (token === null) return null;
    return {
      messageId: 'invalid',
      data: { url: ctx.response.url, token, method: ctx.hop.method },
      parameter: token,
      evidence: [responseHeaderEvidence(ctx, 'access-control-allow-headers')],
    };
  },
});
