import { classifyNetError } from '../cors/net-errors';
import { isPotentiallyTrustworthy } from '../cors/origin';
import { defineCheck } from './define-rule';

export default defineCheck({
  id: 'mixed-content',
  meta: {
    severity: 'error',
    title: 'Blocked as mixed content',
    description: 'Disallow requests from an https page to an http URL: the browser blocks them before CORS applies',
    chromium: { network: null },
    firefox: null,
    outcome: 'failed-not-cors',
    messages: {
      mixed:
        'The page at {{origin}} is served over https, but this request goes to {{url}} over plain http; the browser blocked it as mixed content before any CORS check. This is not a CORS problem.',
    },
    fixes: {
      mixed: ['Call the API over https: {{httpsUrl}}.'],
    },
  },
  check(ctx) {
    const entry = ctx.response;
    const origin = ctx.exchange.origin;
    if (!origin?.startsWith('https:') || !entry.url.startsWith('http:')) return null;
    if (isPotentiallyTrustworthy(entry.url) || entry.status !== 0) return null;
    // A specific net error (refused, DNS, Local Network Access…) says what really stopped it.
    if (entry.error && classifyNetError(entry.error) !== 'cors') return null;
    return {
      messageId: 'mixed',
      data: { origin, url: entry.url, httpsUrl: entry.url.replace(/^http:/, 'https:') },
      parameter: null,
      netError: entry.error ?? 'mixed-content',
      evidence: [{ entry: entry.index, role: 'request', location: 'url', actual: entry.url }],
    };
  },
});
