import { wasNeverSent } from '../har/entry-facts';
import { defineAdvice } from './define-rule';

export default defineAdvice({
  id: 'preflight-not-observed',
  meta: {
    severity: 'info',
    title: 'Preflight not in the capture',
    description:
      'Require nothing: a request that needs a preflight may reuse a cached one, so its OPTIONS request is missing from the capture',
    messages: {
      cached:
        'This {{method}} request needed a preflight ({{reasons}}), but no OPTIONS request for {{url}} is in the capture. The browser most likely reused a cached preflight (Access-Control-Max-Age), or DevTools opened after it was sent.',
    },
    fixes: {
      cached: [
        'To see the preflight, tick "Disable cache" in the Network panel (it bypasses the preflight cache too) and reload.',
      ],
    },
  },
  check({ exchange }) {
    return exchange.hops.flatMap((hop) => {
      // A cached preflight lets the request go out (R7), so a request the browser never sent was not served by
      // one: its preflight failed out of the capture's sight, which verdict-not-derived explains.
      if (hop.preflightState !== 'not-observed' || !hop.entry || wasNeverSent(hop.entry)) return [];
      const reasons = hop.preflightReasons
        .map((r) => (r.kind === 'method' ? `method ${r.method}` : `header ${r.name}: ${r.reason}`))
        .join('; ');
      return [
        {
          messageId: 'cached' as const,
          data: { method: hop.method, reasons, url: hop.url },
          evidence: [{ entry: hop.entry.index, role: 'request' as const, location: 'url' as const, actual: hop.url }],
        },
      ];
    });
  },
});
