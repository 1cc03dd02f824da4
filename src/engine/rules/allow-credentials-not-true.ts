import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, quoted, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-credentials-not-true',
  meta: {
    severity: 'error',
    title: 'Access-Control-Allow-Credentials is not "true"',
    description:
      'Require "Access-Control-Allow-Credentials: true" (exactly, lower case) on every response to a request sent with credentials, the preflight included',
    chromium: {
      preflight: 'PreflightInvalidAllowCredentials',
      response: 'InvalidAllowCredentials',
      redirect: 'InvalidAllowCredentials',
    },
    firefox: 'CORSMissingAllowCredentials',
    outcome: 'blocked',
    fixTopics: ['allow-credentials'],
    messages: {
      missing:
        '{{what}} from {{url}} has no Access-Control-Allow-Credentials header, but the request was made with credentials, so the browser {{consequence}}.',
      notTrue:
        '{{what}} from {{url}} sends Access-Control-Allow-Credentials {{value}}, but with credentials the browser accepts only the exact value "true", so it {{consequence}}.',
    },
    fixes: {
      missing: [
        'Send `Access-Control-Allow-Credentials: true` on {{where}} (preflights too), together with `Access-Control-Allow-Origin: {{origin}}`.',
        'Or, if the endpoint needs no cookies, send the request without credentials.',
      ],
      notTrue: [
        'Send exactly `Access-Control-Allow-Credentials: true` (lower case, no quotes or spaces) on {{where}}.',
      ],
    },
  },
  check(ctx) {
    if (!ctx.credentials) return null;
    const value = ctx.response.responseHeaders.get('access-control-allow-credentials');
    if (value === 'true') return null;
    return lazyFinding(
      { messageId: value === null ? 'missing' : 'notTrue', parameter: value === '' ? null : value },
      () => ({
        data: { ...describeCheck(ctx), value: quoted(value) },
        evidence: [responseHeaderEvidence(ctx, 'access-control-allow-credentials', 'true')],
      }),
    );
  },
});
