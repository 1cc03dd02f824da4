import rule from '../../../src/engine/rules/not-a-cors-error';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

/** A Chromium request that got no response, with its net error. */
const failed = (error: string, url = `${API}/data`) => [entry({ url, status: 0, statusText: '', error })];
/** Firefox: sent (real timings), no response, no error name. */
const firefoxNoResponse = (url = `${API}/data`) =>
  entry({ producer: 'firefox', url, status: 0, statusText: '', timings: { blocked: 0, send: 0, wait: 0, receive: 0 } });
const NO_CORS = { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'empty' };

const CHROMIUM_CONSOLE =
  'The script gets "TypeError: Failed to fetch", the same error as for a CORS block, and Firefox would word it as "CORS request did not succeed", which is misleading';
const FIREFOX_CONSOLE =
  'Firefox\'s console words it as "Cross-Origin Request Blocked … (Reason: CORS request did not succeed)", which is misleading';

testAdviceRule(rule, {
  valid: [
    { name: 'a request that succeeded', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'a CORS-blocked request (no Access-Control-Allow-Origin) is a CORS error',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: { 'Content-Type': 'application/json' } })],
    },
    {
      name: 'a request blocked at its preflight (ERR_FAILED, never sent) is a CORS error',
      entries: [preflight({ status: 200, statusText: 'OK' }), notSent({ method: 'PUT' })],
    },
    {
      name: 'a 503 that reached the page is an HTTP error, not a network one',
      entries: [entry({ status: 503, statusText: 'Service Unavailable', responseHeaders: allow() })],
    },
    {
      name: 'Firefox: a request never sent because its preflight failed CORS',
      browser: 'firefox',
      entries: [
        preflight({ producer: 'firefox', status: 200, statusText: 'OK' }),
        notSent({ producer: 'firefox', method: 'PUT', at: 5 }),
      ],
    },
    {
      name: 'Firefox: a response without Access-Control-Allow-Origin',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: { 'Content-Type': 'application/json' } })],
    },
  ],
  invalid: [
    {
      name: 'Chromium: server not running, connection refused',
      entries: failed('net::ERR_CONNECTION_REFUSED', 'http://localhost:8080/api'),
      expect: [
        {
          messageId: 'network',
          data: {
            url: 'http://localhost:8080/api',
            what: 'nothing accepted the connection on localhost:8080',
            error: 'net::ERR_CONNECTION_REFUSED',
            console: CHROMIUM_CONSOLE,
          },
        },
      ],
    },
    {
      name: 'Chromium: host name that does not resolve',
      entries: failed('net::ERR_NAME_NOT_RESOLVED', 'https://api.typo.example/data'),
      expect: [
        {
          messageId: 'network',
          data: { what: 'the host name api.typo.example could not be resolved', error: 'net::ERR_NAME_NOT_RESOLVED' },
        },
      ],
    },
    {
      name: 'Chromium: expired certificate',
      entries: failed('net::ERR_CERT_DATE_INVALID'),
      expect: [{ messageId: 'network', data: { what: 'the TLS handshake with api.example failed' } }],
    },
    {
      name: 'Chromium: connection timed out',
      entries: failed('net::ERR_CONNECTION_TIMED_OUT'),
      expect: [{ messageId: 'network', data: { what: 'api.example:443 did not answer in time' } }],
    },
    {
      name: 'Chromium: connection reset',
      entries: failed('net::ERR_CONNECTION_RESET'),
      expect: [
        {
          messageId: 'network',
          data: { what: 'the connection to api.example:443 failed or was dropped before a response' },
        },
      ],
    },
    {
      name: 'Chromium: the page cancelled the request (AbortController)',
      entries: failed('net::ERR_ABORTED'),
      expect: [
        {
          messageId: 'network',
          data: {
            error: 'net::ERR_ABORTED',
            console:
              'The script gets an "AbortError" and DevTools lists the request as failed, next to any CORS errors',
          },
        },
      ],
    },
    {
      name: 'Chromium: Local Network Access blocked the request',
      entries: failed('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', 'https://192.168.1.20/api'),
      expect: [
        {
          messageId: 'network',
          data: {
            what: 'Local Network Access kept a public page from reaching 192.168.1.20, a private or loopback address',
          },
        },
      ],
    },
    {
      name: 'Firefox: closed port, status 0 with real timings and no error name',
      browser: 'firefox',
      entries: [firefoxNoResponse('http://127.0.0.1:8399/s-closed-port')],
      expect: [
        {
          messageId: 'network',
          data: {
            url: 'http://127.0.0.1:8399/s-closed-port',
            what: 'the server at 127.0.0.1:8399 sent nothing back: it is down, refused the connection, or cannot be reached',
            error: 'status 0, and Firefox records no error name',
            console: FIREFOX_CONSOLE,
          },
        },
      ],
    },
    {
      name: 'Chromium: an ad blocker cancelled the request',
      entries: failed('net::ERR_BLOCKED_BY_CLIENT', `${API}/analytics/track`),
      expect: [
        {
          messageId: 'blocked',
          data: {
            url: `${API}/analytics/track`,
            error: 'net::ERR_BLOCKED_BY_CLIENT',
            what: 'an extension in the browser (an ad or tracker blocker, a privacy tool) cancelled the request',
          },
        },
      ],
    },
    {
      name: "Chromium: the page's own Content-Security-Policy has no connect-src for the API",
      entries: failed('net::ERR_BLOCKED_BY_CSP'),
      expect: [
        {
          messageId: 'blocked',
          data: { what: `the page's own Content-Security-Policy does not allow connecting to ${API}` },
        },
      ],
    },
    {
      name: 'Chromium: an https page calling an http API (mixed content)',
      entries: [entry({ url: 'http://api.example/data', status: 0, statusText: '', error: null })],
      expect: [
        {
          messageId: 'mixedContent',
          data: {
            pageOrigin: PAGE,
            url: 'http://api.example/data',
            httpsUrl: 'https://api.example/data',
            console: 'The script gets "TypeError: Failed to fetch", the same error as for a CORS block',
          },
        },
      ],
    },
    {
      name: 'Firefox: an https page calling an http API (mixed content)',
      browser: 'firefox',
      entries: [firefoxNoResponse('http://api.example/data')],
      expect: [{ messageId: 'mixedContent', data: { httpsUrl: 'https://api.example/data' } }],
    },
    {
      name: 'Chromium: Opaque Response Blocking dropped a no-cors JSON response',
      entries: [
        entry({
          error: 'net::ERR_BLOCKED_BY_ORB',
          requestHeaders: NO_CORS,
          responseHeaders: { 'Content-Type': 'application/json' },
        }),
      ],
      expect: [
        {
          messageId: 'responseBlocked',
          data: {
            error: 'net::ERR_BLOCKED_BY_ORB',
            what: `Opaque Response Blocking dropped the response from ${API}/data, because it was a no-cors request for data the page cannot read`,
          },
        },
      ],
    },
    {
      name: 'Chromium: Cross-Origin-Resource-Policy blocked the response',
      entries: failed('net::ERR_BLOCKED_BY_RESPONSE'),
      expect: [{ messageId: 'responseBlocked', data: { error: 'net::ERR_BLOCKED_BY_RESPONSE' } }],
    },
    {
      name: 'Chromium: the preflight connection was refused',
      entries: [
        preflight({ status: 0, statusText: '', error: 'net::ERR_CONNECTION_REFUSED' }),
        notSent({ method: 'PUT' }),
      ],
      expect: [
        {
          messageId: 'preflightNoResponse',
          data: {
            url: `${API}/data`,
            method: 'PUT',
            error: 'net::ERR_CONNECTION_REFUSED',
            what: 'nothing accepted the connection on api.example:443',
          },
        },
      ],
    },
    {
      name: 'Firefox: the preflight got no response',
      browser: 'firefox',
      entries: [
        preflight({ producer: 'firefox', status: 0, statusText: '', timings: { send: 0, wait: 0, receive: 0 } }),
      ],
      expect: [
        {
          messageId: 'preflightNoResponse',
          data: { error: 'status 0, and Firefox records no error name', console: FIREFOX_CONSOLE },
        },
      ],
    },
  ],
});
