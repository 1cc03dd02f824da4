import rule from '../../../src/engine/rules/local-network-access';
import { allow, entry, PAGE, type EntryOptions } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

/** An entry as the browser recorded it, with the IP address it connected to (HAR `serverIPAddress`). */
const at = (serverIPAddress: string, options: EntryOptions) => ({ ...entry(options), serverIPAddress });
/** A Chromium request that got no response. */
const failed = (url: string, error: string, origin = PAGE) =>
  entry({ url, status: 0, statusText: '', error, requestHeaders: { Origin: origin } });
const HTTP_PAGE = 'http://app.example';

const ASKS =
  "Chromium's Local Network Access asks the user for the local-network permission before such a request, and fails it when the permission is denied or dismissed";
const BLOCKS_INSECURE =
  "Chromium's Local Network Access blocks such a request outright, because the page is not a secure context (http)";

testAdviceRule(rule, {
  valid: [
    {
      name: 'a localhost page calling localhost is not a local network request',
      entries: [failed('http://localhost:8080/api', 'net::ERR_CONNECTION_REFUSED', 'http://localhost:3000')],
    },
    {
      name: 'a 127.0.0.1 page calling another port of 127.0.0.1 (the x scenario)',
      entries: [failed('http://127.0.0.1:8004/x-refused', 'net::ERR_CONNECTION_REFUSED', 'http://127.0.0.1:8001')],
    },
    {
      name: 'a page on a private address calling another private address',
      entries: [failed('http://192.168.1.20/api', 'net::ERR_FAILED', 'http://192.168.1.5:8080')],
    },
    {
      name: 'a page on a private address calling loopback (Chromium counts both as local)',
      entries: [
        entry({
          url: 'http://127.0.0.1:9000/status',
          requestHeaders: { Origin: 'http://10.0.0.7' },
          responseHeaders: allow('http://10.0.0.7'),
        }),
      ],
    },
    {
      name: 'a page whose own document came from 127.0.0.1 calling localhost',
      entries: [
        at('127.0.0.1', { url: 'http://myapp.example/', resourceType: 'document', requestHeaders: {} }),
        failed('http://localhost:8080/api', 'net::ERR_FAILED', 'http://myapp.example'),
      ],
      url: 'http://localhost:8080/api',
    },
    {
      name: 'a local .test page calling localhost',
      entries: [failed('http://localhost:8080/api', 'net::ERR_FAILED', 'http://myapp.test')],
    },
    {
      name: 'a public page calling a public API',
      entries: [at('93.184.216.34', { responseHeaders: allow() })],
    },
    {
      name: 'a public page calling a host name whose address the capture does not show',
      entries: [entry({ url: 'https://api.example/data', status: 0, statusText: '', error: 'net::ERR_FAILED' })],
    },
    {
      name: 'Firefox: a 127.0.0.1 page calling a closed port of 127.0.0.1 (the s scenario)',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'http://127.0.0.1:8399/s-closed-port',
          status: 0,
          statusText: '',
          requestHeaders: { Origin: 'http://127.0.0.1:8301' },
          timings: { send: 0, wait: 0, receive: 0 },
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Chromium: an https public page blocked from a private address by Local Network Access',
      entries: [failed('https://192.168.1.20/api', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS')],
      expect: [
        {
          messageId: 'blocked',
          data: {
            pageOrigin: PAGE,
            pageWhere: 'on a public host name',
            url: 'https://192.168.1.20/api',
            targetWhere: 'a private address (the local network)',
            gate: ASKS,
            certainty: 'That is why',
            error: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS',
            addressSpace: 'local',
          },
        },
      ],
    },
    {
      name: 'Chromium: Local Network Access blocked a public-looking name that resolved to a local address',
      entries: [failed('https://router.corp.example/api', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS')],
      expect: [
        {
          messageId: 'blocked',
          data: {
            targetWhere: 'whose host router.corp.example the browser found on a private or loopback address',
            certainty: 'That is why',
          },
        },
      ],
    },
    {
      name: 'Chromium: an http public page calling localhost, failed without a response',
      entries: [failed('http://localhost:8080/api', 'net::ERR_FAILED', HTTP_PAGE)],
      expect: [
        {
          messageId: 'blocked',
          data: {
            targetWhere: 'a loopback address (this computer)',
            gate: BLOCKS_INSECURE,
            certainty: 'That is the likely reason',
            error: 'net::ERR_FAILED',
            addressSpace: 'loopback',
          },
        },
      ],
    },
    {
      name: 'Firefox: a public page whose request to a private address got no response',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'https://192.168.0.10/api',
          status: 0,
          statusText: '',
          timings: { send: 0, wait: 0, receive: 0 },
        }),
      ],
      expect: [
        {
          messageId: 'blocked',
          data: {
            targetWhere: 'a private address (the local network)',
            error: 'status 0, no response',
            gate: "Firefox's Local Network Access asks the user for the local-network permission before such a request, and fails it when the permission is denied or dismissed",
            certainty: 'That is the likely reason',
          },
        },
      ],
    },
    {
      name: 'Chromium: a public page whose API name resolved to a private address, and worked',
      entries: [at('10.0.0.5', { url: 'https://nas.example/api', responseHeaders: allow() })],
      expect: [
        {
          messageId: 'needsPermission',
          data: {
            targetWhere: 'whose host nas.example resolved to 10.0.0.5, a private address (the local network)',
            result: 'It worked in this capture (the permission was granted, or this Chromium does not enforce it yet)',
            gate: ASKS,
          },
        },
      ],
    },
    {
      name: 'Chromium: a public page calling a carrier-grade NAT (Tailscale) address',
      entries: [entry({ url: 'https://100.101.102.103/api', responseHeaders: allow() })],
      expect: [
        {
          messageId: 'needsPermission',
          data: { url: 'https://100.101.102.103/api', targetWhere: 'a private address (the local network)' },
        },
      ],
    },
    {
      name: 'Chromium: a public page calling an IPv6 unique-local address',
      entries: [entry({ url: 'https://[fd00::5]/api', responseHeaders: allow() })],
      expect: [
        {
          messageId: 'needsPermission',
          data: { url: 'https://[fd00::5]/api', targetWhere: 'a private address (the local network)' },
        },
      ],
    },
    {
      name: 'Chromium: an http public page calling a private address that answered (not enforced here)',
      entries: [
        entry({
          url: 'http://192.168.1.20/api',
          requestHeaders: { Origin: HTTP_PAGE },
          responseHeaders: allow(HTTP_PAGE),
        }),
      ],
      expect: [
        {
          messageId: 'needsPermission',
          data: {
            gate: BLOCKS_INSECURE,
            outlook: 'wherever the browser enforces Local Network Access, it fails for every user',
          },
        },
      ],
    },
    {
      name: 'Chromium: the response from localhost arrived, and failed CORS for another reason',
      entries: [
        entry({
          url: 'http://localhost:8080/api',
          status: 500,
          statusText: 'Internal Server Error',
          error: 'net::ERR_FAILED',
        }),
      ],
      expect: [
        {
          messageId: 'needsPermission',
          data: {
            result:
              'It got a response here (500 Internal Server Error), so the permission check let it through and the failure has another cause',
          },
        },
      ],
    },
    {
      name: 'Chromium: nothing listening on localhost, seen from a public page',
      entries: [failed('http://localhost:8080/api', 'net::ERR_CONNECTION_REFUSED')],
      expect: [
        {
          messageId: 'needsPermission',
          data: {
            result: 'It failed here for another reason (net::ERR_CONNECTION_REFUSED), before any permission check',
            gate: "Chromium's Local Network Access asks the user for the loopback-network permission before such a request, and fails it when the permission is denied or dismissed",
            outlook: 'every user who denies or dismisses the permission prompt will see this request fail',
          },
        },
      ],
    },
    {
      name: 'Firefox: a public page calling localhost that worked',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'http://localhost:8080/api',
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' }),
        }),
      ],
      expect: [
        {
          messageId: 'needsPermission',
          data: {
            result: 'It worked in this capture (the permission was granted, or this Firefox does not enforce it)',
          },
        },
      ],
    },
    {
      name: 'Firefox: a public page got an answer from localhost, credentials mode unknown',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', url: 'http://localhost:8080/api', responseHeaders: allow() })],
      expect: [
        {
          messageId: 'needsPermission',
          data: { result: 'It got a response here (200 OK), so the permission check let it through' },
        },
      ],
    },
  ],
});
