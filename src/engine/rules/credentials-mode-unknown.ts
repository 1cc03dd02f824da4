import type { Verdict } from '../model';
import { defineAdvice } from './define-rule';

export default defineAdvice({
  id: 'credentials-mode-unknown',
  meta: {
    severity: 'info',
    title: 'The verdict depends on credentials the capture does not show',
    description:
      'Require nothing: HAR files do not record whether a request was sent with credentials, and here the answer changes the verdict',
    messages: {
      depends:
        'The capture does not show whether this request was sent with credentials (fetch `credentials: "include"`, XHR `withCredentials`): no cookie was sent that would prove it. Without credentials the browser {{without}}; with credentials it {{with}}.',
    },
    fixes: {
      depends: [
        'Check the calling code: `fetch(url, { credentials: "include" })` or `xhr.withCredentials = true` means credentials are sent.',
        'To make both cases work, answer with `Access-Control-Allow-Origin: {{origin}}` (not "*") and `Access-Control-Allow-Credentials: true`.',
      ],
    },
  },
  check({ exchange, alternatives }) {
    if (!alternatives) return [];
    const describe = (v: (typeof alternatives)[number]) =>
      v.outcome === 'allowed'
        ? 'allows it'
        : v.outcome === 'blocked'
          ? `blocks it (${browserName(v) ?? 'cause not visible'})`
          : v.outcome === 'failed-not-cors'
            ? 'fails it for a reason other than CORS'
            : 'cannot be judged from the capture';
    const withCredentials = alternatives.find((v) => v.credentials);
    const without = alternatives.find((v) => !v.credentials);
    if (!withCredentials || !without) return [];
    const entry = exchange.hops[0]?.entry ?? exchange.hops[0]?.preflight;
    return [
      {
        messageId: 'depends',
        data: { with: describe(withCredentials), without: describe(without), origin: exchange.origin ?? 'null' },
        evidence: entry
          ? [{ entry: entry.index, role: 'request', location: 'request-header', name: 'Cookie', actual: null }]
          : [],
      },
    ];
  },
});

/** The failure in the deciding browser's own vocabulary. */
function browserName(v: Verdict): string | null {
  const failure = v.failure;
  if (!failure) return null;
  return v.browser.name === 'firefox' ? (failure.firefox ?? failure.rule) : (failure.chromium ?? failure.rule);
}
