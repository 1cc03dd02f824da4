import { defineAdvice } from './define-rule';

export default defineAdvice({
  id: 'verdict-not-derived',
  meta: {
    severity: 'warning',
    title: 'The browser blocked it, for a reason the capture does not show',
    description:
      'Require nothing: the capture shows the browser failed this request, but every CORS check it makes visible passes',
    messages: {
      failedButPasses:
        '{{browser}} recorded {{evidence}} for this request, but every CORS check the capture shows passes. Likely causes: the preflight is missing from the capture (DevTools opened late), the HAR was edited or sanitized, or a check the HAR cannot show (request mode, Local Network Access, an extension).',
      notCaptured:
        'The {{method}} request to {{url}} was never sent, and its preflight is not in the capture, so which check failed cannot be told.',
    },
    fixes: {
      failedButPasses: [
        'Reproduce with DevTools open from the start and "Disable cache" ticked, then read the browser console message for this URL.',
      ],
      notCaptured: [
        'Open DevTools before the request is made (or use "Reload and capture"), with "Disable cache" ticked, so the preflight is recorded.',
      ],
    },
  },
  check({ exchange, verdict }) {
    if (verdict.failure || verdict.outcome !== 'blocked') return [];
    const hop = exchange.hops.find((h) => h.entry) ?? exchange.hops[0];
    const entry = hop?.entry;
    if (hop && entry && hop.preflightState === 'not-observed') {
      return [
        {
          messageId: 'notCaptured',
          data: { method: hop.method, url: hop.url },
          evidence: [{ entry: entry.index, role: 'request', location: 'status', actual: '0 (not sent)' }],
        },
      ];
    }
    if (!entry) return [];
    return [
      {
        messageId: 'failedButPasses',
        data: { browser: verdict.browser.label, evidence: entry.error ? `"${entry.error}"` : 'status 0' },
        evidence: [{ entry: entry.index, role: 'request', location: 'error', actual: entry.error ?? null }],
      },
    ];
  },
});
