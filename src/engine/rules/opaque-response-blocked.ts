import { classifyNetError } from '../cors/net-errors';
import { defineCheck } from './define-rule';
import { errorEvidence } from './support';

export default defineCheck({
  id: 'opaque-response-blocked',
  meta: {
    severity: 'error',
    title: 'Response blocked by ORB or a resource policy (no-cors)',
    description:
      'Disallow reading cross-origin data through no-cors requests: Opaque Response Blocking and Cross-Origin-Resource-Policy drop such responses',
    chromium: { network: null },
    firefox: null,
    outcome: 'failed-not-cors',
    messages: {
      orb: 'The request to {{url}} was made in no-cors mode, and its {{status}} response ({{contentType}}) was dropped by Opaque Response Blocking ({{error}}). A no-cors request can never give the page readable data.',
      resourcePolicy:
        "The response from {{url}} was blocked by a resource policy ({{error}}): Cross-Origin-Resource-Policy or the page's Cross-Origin-Embedder-Policy forbids using it here. This is not CORS.",
    },
    fixes: {
      orb: [
        'Remove `mode: "no-cors"` from the fetch call and make the server answer with CORS headers (`Access-Control-Allow-Origin: {{origin}}`).',
      ],
      resourcePolicy: [
        'Have the server send `Cross-Origin-Resource-Policy: cross-origin` (or same-site) on {{url}}, or load it with CORS (`crossorigin` attribute / mode "cors") and CORS headers.',
      ],
    },
  },
  check(ctx) {
    const { response, exchange } = ctx;
    const { error } = response;
    if (!error) return null;
    const kind = classifyNetError(error);
    const orb = (kind === 'aborted' && exchange.mode === 'no-cors') || error === 'net::ERR_BLOCKED_BY_ORB';
    if (!orb && !(kind === 'blocked-by-response' && error !== 'net::ERR_BLOCKED_BY_ORB')) return null;
    const data = {
      url: response.url,
      error,
      status: String(response.status),
      contentType: response.responseHeaders.get('content-type') ?? 'no Content-Type',
      origin: exchange.origin ?? 'your page origin',
    };
    return {
      messageId: orb ? 'orb' : 'resourcePolicy',
      data,
      parameter: null,
      netError: error,
      evidence: [errorEvidence(ctx)],
    };
  },
});
