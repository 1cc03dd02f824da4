import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, statusEvidence } from './support';

export default defineCheck({
  id: 'preflight-status-not-ok',
  meta: {
    severity: 'error',
    title: 'The preflight status is not 2xx',
    description: 'Require a 2xx status (200 or 204) on the preflight (OPTIONS) response',
    chromium: { preflight: 'PreflightInvalidStatus' },
    firefox: 'CORSPreflightDidNotSucceed3',
    outcome: 'blocked',
    fixTopics: ['options-route', 'options-before-auth'],
    messages: {
      notOk:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}}. It carried CORS headers, but browsers require a 2xx status on a preflight, so the {{method}} request was never sent.',
    },
    fixes: {
      notOk: [
        'Answer OPTIONS for {{url}} with 204 No Content (or 200) and the CORS headers, before authentication, routing or validation can reject it.',
      ],
    },
  },
  check(ctx) {
    const { status } = ctx.response;
    if (status >= 200 && status <= 299) return null;
    return lazyFinding({ messageId: 'notOk', parameter: null }, () => ({
      data: { ...describeCheck(ctx) },
      evidence: [statusEvidence(ctx, '2xx')],
    }));
  },
});
