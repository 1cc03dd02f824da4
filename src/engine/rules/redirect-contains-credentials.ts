import { originOf } from '../cors/origin';
import { defineCheck } from './define-rule';
import { responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'redirect-contains-credentials',
  meta: {
    severity: 'error',
    title: 'Redirect to a URL with a user name or password',
    description: 'Disallow cross-origin redirects to URLs that embed credentials (https://user:pass@host/)',
    chromium: { redirect: 'RedirectContainsCredentials' },
    // Firefox refuses the redirect as a network error: "CORS request did not succeed" (measured by the CORS lab).
    firefox: 'CORSDidNotSucceed2',
    outcome: 'blocked',
    messages: {
      credentialsInUrl:
        'The {{status}} redirect from {{url}} points to {{location}}, which embeds a user name or password; browsers refuse to follow such a redirect for a CORS request.',
    },
    fixes: {
      credentialsInUrl: [
        'Redirect to a URL without `user:password@`, and authenticate with a header or cookie instead.',
      ],
    },
  },
  check(ctx) {
    const target = ctx.response.redirectUrl;
    if (ctx.stage !== 'redirect' || !target) return null;
    let parsed: URL;
    try {
      parsed = new URL(target);
    } catch {
      return null;
    }
    if (parsed.username === '' && parsed.password === '') return null;
    // R11: a same-origin Location is exempt only while the response tainting is still "basic"; once the chain has
    // left the page's origin (tainting "cors"), credentials in any Location are a network error.
    if (!ctx.hop.corsChecked && originOf(target) === ctx.hop.origin) return null;
    return {
      messageId: 'credentialsInUrl',
      data: { status: String(ctx.response.status), url: ctx.response.url, location: target },
      // No failed parameter: Chromium's CorsErrorStatus carries none for this error (measured by the CORS lab).
      evidence: [responseHeaderEvidence(ctx, 'location')],
    };
  },
});
