import { classifyNetError, type NetErrorKind } from '../cors/net-errors';
import { wasNeverSent } from '../har/entry-facts';
import { defineCheck } from './define-rule';
import { errorEvidence, statusEvidence } from './support';

type Kind = Exclude<NetErrorKind, 'cors' | 'blocked-by-client' | 'blocked-by-csp' | 'blocked-by-response'>;

const MESSAGE_IDS: Record<Kind, 'dns' | 'connection' | 'tls' | 'timeout' | 'aborted' | 'localNetwork' | 'other'> = {
  dns: 'dns',
  connection: 'connection',
  tls: 'tls',
  timeout: 'timeout',
  aborted: 'aborted',
  'local-network': 'localNetwork',
  other: 'other',
};

export default defineCheck({
  id: 'network-error',
  meta: {
    severity: 'error',
    title: 'Network error, not CORS',
    description: 'Require the server to be reachable: a request that gets no HTTP response fails before CORS applies',
    chromium: { network: null },
    firefox: 'CORSDidNotSucceed2',
    outcome: 'failed-not-cors',
    messages: {
      dns: 'The host of {{url}} could not be resolved ({{error}}). The request never reached a server; the "CORS" message, if any, is a side effect.',
      connection:
        'The connection to {{url}} failed ({{error}}): nothing is listening there, or the connection was dropped. This is not a CORS problem.',
      tls: 'The TLS handshake with {{url}} failed ({{error}}): the certificate is invalid, expired or for another host. This is not a CORS problem.',
      timeout: 'The request to {{url}} timed out ({{error}}) before any response arrived. This is not a CORS problem.',
      aborted:
        'The request to {{url}} was cancelled ({{error}}) before it finished: by the page (AbortController, navigation) or by the browser.',
      localNetwork:
        "The browser blocked the request to {{url}} under Local Network Access ({{error}}): a public page may not reach a private or loopback address without the user's permission.",
      other: 'The request to {{url}} failed with {{error}} before a usable response arrived.',
      noResponse:
        'The request to {{url}} got no HTTP response (status 0): the server is down, unreachable, or refused the connection. Firefox records no error name in the HAR. This is not a CORS problem.',
    },
    fixes: {
      dns: ['Check the API host name in the page configuration, and that it resolves from this network.'],
      connection: [
        'Start the server, or fix the host and port the page calls; check proxies and firewalls in between.',
      ],
      tls: ['Serve a valid certificate for the host, or call the API under the host name its certificate covers.'],
      timeout: ['Find out why the server is slow to answer (or unreachable); CORS headers will not help.'],
      aborted: ['Check the page code for an AbortController or a navigation that cancels the request.'],
      localNetwork: [
        'Serve the API from a public address, or have the user grant the local network permission; use a secure (https) page.',
      ],
      other: ["Look up the error name in the browser's net error list; it is not a CORS check."],
      noResponse: [
        'Start the server, or fix the host and port the page calls; check proxies and firewalls in between.',
      ],
    },
  },
  check(ctx) {
    const { response } = ctx;
    if (response.error) {
      const error: string = response.error;
      const kind = classifyNetError(error);
      if (
        kind === 'cors' ||
        kind === 'blocked-by-client' ||
        kind === 'blocked-by-csp' ||
        kind === 'blocked-by-response'
      )
        return null;
      if (kind === 'aborted' && ctx.exchange.mode === 'no-cors') return null;
      return {
        messageId: MESSAGE_IDS[kind],
        data: { url: response.url, error },
        parameter: null,
        netError: error,
        // Firefox logs no CORS message for a cancelled request (NS_BINDING_ABORTED is excluded).
        ...(kind === 'aborted' ? { firefox: null } : {}),
        evidence: [errorEvidence(ctx)],
      };
    }
    // Firefox records no error: status 0 on a request that was sent means no response ever came, unless the entry
    // holds the response's headers: Firefox at times zeroes the status of a response it then blocked, and of a
    // redirect whose target failed the CORS check (CORS lab).
    if (response.status !== 0 || response.error === null || wasNeverSent(response)) return null;
    if (response.responseHeaders.size > 0) return null;
    const data: Record<string, string> = { url: response.url };
    return {
      messageId: 'noResponse',
      data,
      parameter: null,
      netError: 'no-response',
      evidence: [statusEvidence(ctx, 'an HTTP response')],
    };
  },
});
