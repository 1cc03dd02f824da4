import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-origin-mismatch',
  meta: {
    severity: 'error',
    title: 'Access-Control-Allow-Origin names another origin',
    description: 'Require Access-Control-Allow-Origin to equal the requesting origin byte for byte, or be "*"',
    chromium: {
      preflight: 'PreflightAllowOriginMismatch',
      response: 'AllowOriginMismatch',
      redirect: 'AllowOriginMismatch',
    },
    firefox: 'CORSAllowOriginNotMatchingOrigin',
    outcome: 'blocked',
    fixTopics: ['allow-origin'],
    messages: {
      mismatch:
        '{{what}} from {{url}} allows origin "{{value}}", but the request came from "{{origin}}", so the browser {{consequence}}.',
      taintedOrigin:
        '{{what}} from {{url}} allows origin "{{value}}", but after a cross-origin redirect the browser sends `Origin: null`, so the browser {{consequence}}.',
    },
    fixes: {
      mismatch: [
        'Send `Access-Control-Allow-Origin: {{origin}}` for requests from {{origin}}: the value must match the Origin request header exactly (scheme, host, port, no trailing slash).',
        "If several origins are allowed, check the request's Origin against the allowlist and echo it back, with `Vary: Origin`.",
      ],
      taintedOrigin: [
        'Request the final URL directly instead of through the redirect, or have the redirect target send `Access-Control-Allow-Origin: *` (only possible without credentials).',
      ],
    },
  },
  check(ctx) {
    const value = ctx.response.responseHeaders.get('access-control-allow-origin');
    if (value === null || value === '*' || value === ctx.hop.origin) return null;
    return lazyFinding(
      { messageId: ctx.hop.origin === 'null' ? 'taintedOrigin' : 'mismatch', parameter: value },
      () => {
        const words = describeCheck(ctx);
        return {
          data: { ...words, value },
          evidence: [responseHeaderEvidence(ctx, 'access-control-allow-origin', words.origin)],
        };
      },
    );
  },
});
