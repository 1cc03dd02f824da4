import { parseTokenList } from '../cors/header-lists';
import { defineCheck } from './define-rule';
import { responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-methods-invalid',
  meta: {
    severity: 'error',
    title: 'Access-Control-Allow-Methods holds an invalid token',
    description: 'Require Access-Control-Allow-Methods to be a comma-separated list of method names',
    // Chromium's list parser accepts anything, so in practice only Firefox rejects these.
    chromium: { preflight: 'InvalidAllowMethodsPreflightResponse' },
    firefox: 'CORSInvalidAllowMethod',
    outcome: 'blocked',
    fixTopics: ['allow-methods-headers'],
    messages: {
      invalid:
        'The preflight response from {{url}} lists "{{token}}" in Access-Control-Allow-Methods, which is not a method name, so Firefox rejects the whole preflight and never sends the {{method}} request.',
    },
    fixes: {
      invalid: [
        'Send the methods as a plain comma-separated list, for example `Access-Control-Allow-Methods: GET, POST, PUT, DELETE`.',
      ],
    },
  },
  check(ctx) {
    if (!ctx.browser.validatesAllowListTokens) return null;
    const token = parseTokenList(ctx.response.responseHeaders.get('access-control-allow-methods')).invalidItem;
    if (token === null) return null;
    return {
      messageId: 'invalid',
      data: { url: ctx.response.url, token, method: ctx.hop.method },
      parameter: token,
      evidence: [responseHeaderEvidence(ctx, 'access-control-allow-methods')],
    };
  },
});
