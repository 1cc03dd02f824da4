import { defineCheck } from './define-rule';
import { errorEvidence, statusEvidence } from './support';

export default defineCheck({
  id: 'preflight-no-response',
  meta: {
    severity: 'error',
    title: 'The preflight got no response',
    description: 'Require the preflight (OPTIONS) request to reach the server and get an HTTP response',
    // Chromium ends the request with the preflight's net error and no CorsError (preflight_controller.cc,
    // HandleResponseBody); Firefox logs its generic "CORS request did not succeed".
    chromium: { preflight: null },
    firefox: 'CORSDidNotSucceed2',
    outcome: 'failed-not-cors',
    messages: {
      noResponse:
        'The preflight (OPTIONS) request to {{url}} got no HTTP response{{because}}, so the browser never sent the {{method}} request. This is a network problem, not a CORS setting.',
    },
    fixes: {
      noResponse: [
        'Check that the server at {{url}} is up and reachable from the browser, and that nothing in between (proxy, firewall, WAF) drops OPTIONS requests.',
      ],
    },
  },
  check(ctx) {
    const { response } = ctx;
    if (response.status !== 0) return null;
    const because = response.error ? ` (${response.error})` : '';
    return {
      messageId: 'noResponse',
      data: { url: response.url, method: ctx.hop.method, because },
      parameter: null,
      netError: response.error ?? 'no-response',
      evidence: [response.error ? errorEvidence(ctx) : statusEvidence(ctx, '2xx')],
    };
  },
});
