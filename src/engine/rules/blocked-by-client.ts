import { classifyNetError } from '../cors/net-errors';
import { originOf } from '../cors/origin';
import { defineCheck } from './define-rule';
import { errorEvidence } from './support';

export default defineCheck({
  id: 'blocked-by-client',
  meta: {
    severity: 'error',
    title: 'Blocked by an extension or policy in the browser',
    description:
      "Disallow nothing on the server: this request was cancelled inside the browser, by an extension, an administrator policy or the page's own Content-Security-Policy",
    chromium: { network: null },
    // Firefox logs add-on blocks as its generic "CORS request did not succeed" (cors-reference.md §2.2).
    firefox: 'CORSDidNotSucceed2',
    outcome: 'failed-not-cors',
    messages: {
      blocked:
        'The browser itself cancelled the request to {{url}} ({{error}}): an ad blocker, privacy extension or administrator policy matched it. It never reached the server, and CORS played no part.',
      contentSecurityPolicy:
        "The page's own Content-Security-Policy does not allow requests to {{url}} ({{error}}), so the browser never sent it. CORS played no part: the fix is in the page's headers, not the API's.",
    },
    fixes: {
      blocked: [
        'Disable extensions for this site (or try a clean profile) and reload; if it then works, allowlist the URL in the blocking extension.',
        'Avoid URL paths and host names that blocklists match (such as /ads/, /track/, analytics).',
      ],
      contentSecurityPolicy: [
        "Add the API origin to the page's Content-Security-Policy: `connect-src` for fetch() and XHR, e.g. `connect-src 'self' {{origin}}`.",
      ],
    },
  },
  check(ctx) {
    const { error } = ctx.response;
    const kind = error ? classifyNetError(error) : null;
    if (!error || (kind !== 'blocked-by-client' && kind !== 'blocked-by-csp')) return null;
    return {
      messageId: kind === 'blocked-by-csp' ? 'contentSecurityPolicy' : 'blocked',
      data: { url: ctx.response.url, error, origin: originOf(ctx.response.url) ?? ctx.response.url },
      parameter: null,
      netError: error,
      evidence: [errorEvidence(ctx)],
    };
  },
});
