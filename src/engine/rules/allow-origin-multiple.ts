import { defineCheck } from './define-rule';
import { describeCheck, lazyFinding, responseHeaderEvidence } from './support';

export default defineCheck({
  id: 'allow-origin-multiple',
  meta: {
    severity: 'error',
    title: 'More than one Access-Control-Allow-Origin value',
    description: 'Require exactly one Access-Control-Allow-Origin header holding exactly one origin',
    chromium: {
      preflight: 'PreflightMultipleAllowOriginValues',
      response: 'MultipleAllowOriginValues',
      redirect: 'MultipleAllowOriginValues',
    },
    firefox: 'CORSMultipleAllowOriginNotAllowed',
    outcome: 'blocked',
    fixTopics: ['single-allow-origin'],
    messages: {
      duplicateHeaders:
        '{{what}} from {{url}} has {{count}} Access-Control-Allow-Origin headers ({{values}}), so the browser {{consequence}}. Only one is allowed.',
      listInOneHeader:
        '{{what}} from {{url}} sends Access-Control-Allow-Origin "{{value}}", a list, so the browser {{consequence}}. The header takes one origin.',
    },
    fixes: {
      duplicateHeaders: [
        'Add the header in one place only: usually a proxy or CDN and the application both add it. Remove one of them.',
      ],
      listInOneHeader: [
        "Keep the allowlist on the server and send back only the request's origin when it is allowed: `Access-Control-Allow-Origin: {{origin}}` with `Vary: Origin`.",
      ],
    },
  },
  check(ctx) {
    const headers = ctx.response.responseHeaders;
    const lines = headers.values('access-control-allow-origin');
    const value = headers.get('access-control-allow-origin');
    if (value === null) return null;
    if (ctx.browser.multipleAllowOriginByLineCount) {
      // Firefox counts header lines; a single "a, b" line is a mismatch there, not this error.
      if (lines.length < 2) return null;
    } else if (value === ctx.hop.origin || value === '*' || !/[ ,]/.test(value)) {
      return null;
    }
    const duplicated = lines.length > 1;
    return lazyFinding({ messageId: duplicated ? 'duplicateHeaders' : 'listInOneHeader', parameter: value }, () => {
      const words = describeCheck(ctx);
      return {
        data: duplicated
          ? { ...words, count: String(lines.length), values: lines.map((l) => `"${l}"`).join(' and ') }
          : { ...words, value },
        evidence: [responseHeaderEvidence(ctx, 'access-control-allow-origin', words.origin)],
      };
    });
  },
});
