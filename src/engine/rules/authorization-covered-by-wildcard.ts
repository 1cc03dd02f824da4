import { defineAdvice } from './define-rule';

export default defineAdvice({
  id: 'authorization-covered-by-wildcard',
  meta: {
    severity: 'warning',
    title: 'Authorization allowed only by "Access-Control-Allow-Headers: *"',
    description:
      'Require Authorization to be listed by name in Access-Control-Allow-Headers: the Fetch standard says "*" does not cover it',
    messages: {
      wildcard:
        'The request sends Authorization, and the preflight response from {{url}} allows it only through "Access-Control-Allow-Headers: *". Chromium and Firefox still accept this, but the Fetch standard does not, Firefox already warns about it, and browsers plan to enforce it.',
    },
    fixes: {
      wildcard: [
        'List it by name: `Access-Control-Allow-Headers: Authorization, *` (or the full list of headers you accept).',
      ],
    },
  },
  check({ exchange, verdict }) {
    if (!verdict.wildcardAuthorization) return [];
    const preflight = exchange.hops.find((hop) => hop.preflight)?.preflight;
    if (!preflight) return [];
    return [
      {
        messageId: 'wildcard',
        data: { url: preflight.url },
        evidence: [
          {
            entry: preflight.index,
            role: 'preflight',
            location: 'response-header',
            name: preflight.responseHeaders.displayName('access-control-allow-headers'),
            actual: preflight.responseHeaders.get('access-control-allow-headers'),
            expected: 'Authorization, *',
          },
        ],
      },
    ];
  },
});
