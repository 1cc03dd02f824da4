import { classifyNetError } from '../cors/net-errors';
import { originOf } from '../cors/origin';
import type { Entry } from '../har/normalize';
import type { Failure, Verdict } from '../model';
import { defineAdvice } from './define-rule';

type MessageId = 'network' | 'blocked' | 'mixedContent' | 'responseBlocked' | 'preflightNoResponse';

/** What the failure really is, and what to do about it, in words for the message and the fix. */
type Explanation = Record<'what' | 'action', string>;

export default defineAdvice({
  id: 'not-a-cors-error',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'Not a CORS error',
    description:
      'Require a request to reach the server and come back before blaming CORS: network, extension, mixed-content and resource-policy failures happen before any CORS check',
    messages: {
      network:
        'This is not a CORS error: the request to {{url}} never got an HTTP response, because {{what}} ({{error}}). {{console}}, but no CORS check ran, and no CORS header can fix it.',
      blocked:
        'This is not a CORS error: {{what}} ({{error}}), so the request to {{url}} never left the browser. {{console}}, but no CORS check ran, and no CORS header can fix it.',
      mixedContent:
        'This is not a CORS error: the https page {{pageOrigin}} called {{url}} over plain http, and the browser blocks such mixed content before sending it. {{console}}, but no CORS check ran.',
      responseBlocked:
        'This is not a CORS error: {{what}} ({{error}}). Calling it a CORS failure is misleading: the CORS check never applied to this response.',
      preflightNoResponse:
        'This is not a CORS error: the preflight (OPTIONS) request to {{url}} never got an HTTP response, because {{what}} ({{error}}), so the browser never sent the {{method}} request. {{console}}, but no CORS check ran.',
    },
    fixes: {
      network: [
        'Fix the network path, not the CORS headers: {{action}}.',
        'Run `curl -i {{url}}` from the same machine: if it fails too, the problem is the server or the network, with no browser involved.',
      ],
      blocked: ['Find what cancelled the request inside the browser: {{action}}.'],
      mixedContent: ['Call the API over https ({{httpsUrl}}), with a valid certificate for that host.'],
      responseBlocked: ['Let the response through: {{action}}.'],
      preflightNoResponse: [
        'Fix the network path to {{origin}}, not the CORS headers: {{action}}.',
        'Check that proxies, firewalls and WAFs in front of the server let OPTIONS requests through: `curl -i -X OPTIONS {{url}}` must get an answer.',
      ],
    },
  },
  check({ verdict, otherVerdict, exchange }) {
    const failure = verdict.failure;
    if (verdict.outcome !== 'failed-not-cors' || !failure) return [];
    const entry = failure.entry;
    const url = entry?.url ?? exchange.hops[failure.hop]?.url ?? exchange.url;
    const error = failure.finding.netError ?? entry?.error ?? 'no-response';
    const data = {
      url,
      origin: originOf(url) ?? url,
      error: describeError(error, entry),
      console: consoleWording(verdict, otherVerdict, error),
    };
    const evidence = [...failure.finding.evidence];
    const finding = (messageId: MessageId, extra: Record<string, string>) => [
      { messageId, data: { ...data, ...extra }, evidence },
    ];

    switch (failure.rule) {
      case 'blocked-by-client':
        return finding('blocked', blockedBy(error, data.origin, url));
      case 'mixed-content':
        return finding('mixedContent', {
          pageOrigin: exchange.origin ?? 'an https page',
          httpsUrl: url.replace(/^http:/i, 'https:'),
        });
      case 'opaque-response-blocked':
        return finding('responseBlocked', responseBlock(failure, url, exchange.origin));
      case 'preflight-no-response':
        return finding('preflightNoResponse', {
          ...networkFailure(error, url),
          method: exchange.hops[failure.hop]?.method ?? exchange.method,
        });
      default:
        return finding('network', networkFailure(error, url));
    }
  },
});

/** The error as the capture shows it: Chromium's net error, or Firefox's bare status 0. */
function describeError(error: string, entry: Entry | null): string {
  if (error === 'no-response' || error === 'mixed-content') {
    return entry?.error === undefined ? 'status 0, and Firefox records no error name' : 'status 0, no error name';
  }
  return error;
}

/** How each browser presents the failure: the reason people take it for CORS. */
function consoleWording(verdict: Verdict, other: Verdict, error: string): string {
  if (classifyNetError(error) === 'aborted') {
    return 'The script gets an "AbortError" and DevTools lists the request as failed, next to any CORS errors';
  }
  const firefox = verdict.browser.name === 'firefox' ? verdict : other;
  const firefoxSaysCors = firefox.failure?.firefox === 'CORSDidNotSucceed2';
  if (verdict.browser.name === 'firefox') {
    return firefoxSaysCors
      ? 'Firefox\'s console words it as "Cross-Origin Request Blocked … (Reason: CORS request did not succeed)", which is misleading'
      : 'The script gets "TypeError: NetworkError when attempting to fetch resource.", the same error as for a CORS block';
  }
  return firefoxSaysCors
    ? 'The script gets "TypeError: Failed to fetch", the same error as for a CORS block, and Firefox would word it as "CORS request did not succeed", which is misleading'
    : 'The script gets "TypeError: Failed to fetch", the same error as for a CORS block';
}

function networkFailure(error: string, url: string): Explanation {
  const host = hostOf(url);
  const hostPort = hostPortOf(url);
  if (error === 'no-response') {
    return {
      what: `the server at ${hostPort} sent nothing back: it is down, refused the connection, or cannot be reached`,
      action: `start the server, or fix the host and port the page calls (${hostPort}); check proxies and firewalls in between`,
    };
  }
  const name = error.replace(/^net::/, '');
  switch (classifyNetError(error)) {
    case 'dns':
      return {
        what: `the host name ${host} could not be resolved`,
        action: `check the API host name in the page's configuration (a typo, a staging name, a missing variable) and that ${host} resolves on this network`,
      };
    case 'connection':
      if (name === 'ERR_CONNECTION_REFUSED') {
        return {
          what: `nothing accepted the connection on ${hostPort}`,
          action: `start the server, or point the page at the host and port the server really listens on (not ${hostPort})`,
        };
      }
      if (name === 'ERR_INTERNET_DISCONNECTED') {
        return { what: 'the computer was offline', action: 'reconnect to the network and retry' };
      }
      if (name === 'ERR_PROXY_CONNECTION_FAILED' || name === 'ERR_TUNNEL_CONNECTION_FAILED') {
        return {
          what: 'the proxy the browser is configured to use failed',
          action: "check the browser's or the system's proxy settings",
        };
      }
      return {
        what: `the connection to ${hostPort} failed or was dropped before a response`,
        action: `find out why ${hostPort} drops the connection (a crash, a load balancer, a firewall); the server's logs show it`,
      };
    case 'tls':
      return {
        what: `the TLS handshake with ${host} failed`,
        action: `serve a valid, unexpired certificate for ${host}, or call the API under the host name its certificate covers`,
      };
    case 'timeout':
      return {
        what: `${hostPort} did not answer in time`,
        action: `find out why ${hostPort} is slow or unreachable (server logs, load, firewalls that drop packets)`,
      };
    case 'aborted':
      return {
        what: 'it was cancelled before it finished, by the page (an AbortController, a navigation) or by the browser',
        action:
          'look in the page code for an AbortController, a timeout wrapper or a navigation that cancels the request',
      };
    case 'local-network':
      return {
        what: `Local Network Access kept a public page from reaching ${host}, a private or loopback address`,
        action: `serve the API from a public address, or let the user grant the local network permission on an https page`,
      };
    default:
      return {
        what: 'the browser failed it in the network stack',
        action: `look up ${error} in Chromium's list of net errors (net/base/net_error_list.h)`,
      };
  }
}

function blockedBy(error: string, origin: string, url: string): Explanation {
  if (classifyNetError(error) === 'blocked-by-csp') {
    return {
      what: `the page's own Content-Security-Policy does not allow connecting to ${origin}`,
      action: `add ${origin} to the \`connect-src\` directive of the page's Content-Security-Policy (the page's headers or meta tag, not the API's)`,
    };
  }
  if (error.endsWith('ERR_BLOCKED_BY_ADMINISTRATOR')) {
    return {
      what: 'an administrator policy of the browser blocked the request',
      action: `ask the browser's administrator which policy (such as URLBlocklist) matches ${url}`,
    };
  }
  return {
    what: 'an extension in the browser (an ad or tracker blocker, a privacy tool) cancelled the request',
    action:
      'reload with extensions disabled (or in a clean profile); if it then works, allowlist the site in the extension or move the API off paths that blocklists match (/ads/, /track/, /analytics/)',
  };
}

function responseBlock(failure: Failure, url: string, pageOrigin: string | null): Explanation {
  if (failure.finding.messageId === 'orb') {
    return {
      what: `Opaque Response Blocking dropped the response from ${url}, because it was a no-cors request for data the page cannot read`,
      action: `drop \`mode: "no-cors"\` and have the server answer with \`Access-Control-Allow-Origin: ${pageOrigin ?? 'your page origin'}\``,
    };
  }
  return {
    what: `a resource policy (Cross-Origin-Resource-Policy, or the page's Cross-Origin-Embedder-Policy) blocked the response from ${url}`,
    action: `have ${url} send \`Cross-Origin-Resource-Policy: cross-origin\`, or load it in CORS mode with CORS headers`,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** "api.example:8443", with the scheme's default port spelled out. */
function hostPortOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port ? parsed.host : `${parsed.hostname}:${parsed.protocol === 'https:' ? '443' : '80'}`;
  } catch {
    return url;
  }
}
