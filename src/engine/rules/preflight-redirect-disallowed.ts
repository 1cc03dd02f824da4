import { isRedirectStatus } from '../har/entry-facts';
import { defineCheck } from './define-rule';
import { responseHeaderEvidence, statusEvidence } from './support';

export default defineCheck({
  id: 'preflight-redirect-disallowed',
  meta: {
    severity: 'error',
    title: 'The preflight was redirected',
    description: 'Disallow redirects in answer to a preflight: browsers never follow them',
    chromium: { preflight: 'PreflightDisallowedRedirect' },
    firefox: 'CORSExternalRedirectNotAllowed',
    outcome: 'blocked',
    fixTopics: ['no-redirect-on-preflight'],
    messages: {
      redirected:
        'The preflight (OPTIONS) request to {{url}} was answered with {{status}} to {{location}}. Browsers do not follow redirects on a preflight, so the {{method}} request was never sent.',
    },
    fixes: {
      redirected: [
        'Call the final URL directly from the page: {{location}}.',
        'Or make the server answer OPTIONS on {{url}} itself, before any redirect rule (trailing-slash, http→https, login) runs.',
      ],
    },
  },
  check(ctx) {
    const { response } = ctx;
    // A 3xx without a Location is a final response, not a redirect: the status check rejects it instead.
    if (!isRedirectStatus(response.status) || !response.redirectUrl) return null;
    return {
      messageId: 'redirected',
      data: {
        url: response.url,
        status: String(response.status),
        location: response.redirectUrl,
        method: ctx.hop.method,
      },
      parameter: null,
      evidence: [statusEvidence(ctx, '2xx'), responseHeaderEvidence(ctx, 'location')],
    };
  },
});
