import { cacheMixupOf, isNoStore, specificAllowOrigin, variesByOrigin } from '../cors/http-cache';
import { isPreflight } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Finding } from '../model';
import { defineAdvice } from './define-rule';

type MessageId = 'varyMissing' | 'varyMissingProven';

export default defineAdvice<MessageId>({
  id: 'vary-origin-missing',
  meta: {
    severity: 'warning',
    title: 'Access-Control-Allow-Origin names one origin without "Vary: Origin"',
    description:
      'Require "Vary: Origin" on a cacheable response whose Access-Control-Allow-Origin names one origin, unless that value is the same for every request',
    fixTopics: ['vary-origin'],
    messages: {
      varyMissing:
        'The {{method}} response from {{url}} sends `Access-Control-Allow-Origin: {{value}}` and may be cached, but {{varyState}}. If the server picks that value per request (from an allowlist, or by echoing Origin), a browser or CDN cache can hand this copy to a page from another origin, or to a request that needs no CORS headers, and that page then gets a CORS error that comes and goes with the cache.',
      varyMissingProven:
        'The {{method}} response from {{url}} sends `Access-Control-Allow-Origin: {{value}}`, while entry {{otherEntry}} for the same URL got "{{otherValue}}": the value depends on the request, but {{varyState}}. A browser or CDN cache can therefore hand one origin\'s copy to the other, which then gets a CORS error that comes and goes with the cache.',
    },
    fixes: {
      varyMissing: [
        "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request, and to the same URL's responses without CORS headers. Most CORS libraries do this when given a list or a function; check that no proxy strips it.",
        'If every origin gets the same answer, send the same value on every response, with or without an Origin header (`*` without credentials, or one fixed origin): a constant value needs no Vary.',
      ],
      varyMissingProven: [
        "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request, and to the same URL's responses without CORS headers.",
        'If a CDN sits in front, make sure it keys its copies on Origin too: CloudFront needs Origin in the cache policy, and Cloudflare ignores Vary for most content.',
      ],
    },
  },
  check({ exchange, capture }) {
    const findings: (Finding & { messageId: MessageId })[] = [];
    exchange.hops.forEach((hop, hopIndex) => {
      const entry = hop.entry;
      if (!entry || !isCacheable(entry)) return;
      const headers = entry.responseHeaders;
      const value = specificAllowOrigin(headers);
      if (value === null || variesByOrigin(headers)) return;
      // A cache that already served the wrong copy is a root cause of its own (cache-missing-vary-origin).
      if (cacheMixupOf(entry, hop.origin, capture)) return;
      const vary = headers.get('vary');
      const base = {
        method: entry.method.toUpperCase(),
        url: entry.url,
        value,
        varyState: vary === null ? 'it has no Vary header' : `its Vary header ("${vary}") does not name Origin`,
      };
      const evidence = [
        {
          entry: entry.index,
          role: hopIndex > 0 ? ('redirect' as const) : ('request' as const),
          location: 'response-header' as const,
          name: headers.displayName('vary'),
          actual: vary,
          expected: vary === null ? 'Origin' : `${vary}, Origin`,
        },
      ];
      const other = sameUrlWithOtherValue(entry, value, capture.entries);
      if (!other) {
        findings.push({ messageId: 'varyMissing', data: base, evidence });
        return;
      }
      const otherValue = other.responseHeaders.get('access-control-allow-origin') ?? '';
      findings.push({
        messageId: 'varyMissingProven',
        data: { ...base, otherEntry: String(other.index), otherValue },
        evidence: [
          ...evidence,
          {
            entry: other.index,
            role: 'request',
            location: 'response-header',
            name: other.responseHeaders.displayName('access-control-allow-origin'),
            actual: otherValue,
          },
        ],
      });
    });
    return findings;
  },
});

/**
 * A response a cache may keep and hand out again: a GET or HEAD that got an answer (redirects included: 301 and 308
 * are cacheable by default), not a preflight, not `Cache-Control: no-store`, not a 304 (whose headers update a copy).
 */
function isCacheable(entry: Entry): boolean {
  const method = entry.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (entry.status <= 0 || entry.status === 304 || isPreflight(entry)) return false;
  return !isNoStore(entry.responseHeaders);
}

/** Another response for the same URL and method whose Access-Control-Allow-Origin is a different single origin. */
function sameUrlWithOtherValue(entry: Entry, value: string, entries: readonly Entry[]): Entry | undefined {
  return entries.find((other) => {
    if (other === entry || other.url !== entry.url || other.method !== entry.method) return false;
    const otherValue = specificAllowOrigin(other.responseHeaders);
    return otherValue !== null && otherValue !== value;
  });
}
