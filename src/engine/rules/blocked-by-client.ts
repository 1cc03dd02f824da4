import { classifyNetError } from '../cors/net-errors';
import { defineCheck } from './define-rule';
import { errorEvidence } from './support';

export default defineCheck({
  id: 'blocked-by-client',
  meta: {
    severity: 'error',
    title: 'Blocked by an extension or policy in the browser',
    description:
      'Disallow nothing on the server: this request was cancelled inside the browser, by an extension or an administrator policy',
    chromium: { network: null },
    firefox: null,
    outcome: 'failed-not-cors',
    messages: {
      blocked:
        'The browser itself cancelled the request to {{url}} ({{error}}): an ad blocker, privacy extension or administrator policy matched it. It never reached the server, and CORS played no part.',
    },
    fixes: {
      blocked: [
        'Disable extensions for this site (or try a clean profile) and reload; if it then works, allowlist the URL in the blocking extension.',
        'Avoid URL paths and host names that blocklists match (such as /ads/, /track/, analytics).',
      ],
    },
  },
  check(ctx) {
    const { error } = ctx.response;
    if (!error || classifyNetError(error) !== 'blocked-by-client') return null;
    return {
      messageId: 'blocked',
      data: { url: ctx.response.url, error },
      parameter: null,
      netError: error,
      evidence: [errorEvidence(ctx)],
    };
  },
});
