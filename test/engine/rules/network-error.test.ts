import rule from '../../../src/engine/rules/network-error';
import { allow, API, entry, notSent, PAGE } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

/** A request that got no response, with Chromium's net error. */
const failed = (error: string, url = `${API}/data`) => [entry({ url, status: 0, statusText: '', error })];
/** A no-cors fetch (no Origin on a GET, Sec-Fetch-Mode says so). */
const noCors = (error: string) => [
  entry({
    status: 200,
    error,
    requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'empty' },
    responseHeaders: { 'Content-Type': 'application/json' },
  }),
];

testCheckRule(rule, {
  valid: [
    { name: 'request that got a response', stage: 'network', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'error response still is a response',
      stage: 'network',
      entries: [entry({ status: 503, statusText: 'Service Unavailable' })],
    },
    { name: 'CORS failure recorded as ERR_FAILED', stage: 'network', entries: [notSent({ method: 'PUT' })] },
    {
      // Firefox at times zeroes the status of a response it blocked, and keeps its headers.
      name: 'Firefox: a blocked response with status 0 still got an answer',
      stage: 'network',
      entries: [entry({ producer: 'firefox', status: 0, statusText: '', responseHeaders: { Vary: 'Origin' } })],
    },
    {
      // Firefox zeroes the status of a redirect whose target then failed the CORS check, and keeps its headers.
      name: 'Firefox: a redirect with status 0 still got an answer',
      stage: 'network',
      entries: [
        entry({
          producer: 'firefox',
          status: 0,
          statusText: '',
          redirectURL: 'https://cdn.example/data',
          responseHeaders: allow(PAGE, { Location: 'https://cdn.example/data' }),
        }),
      ],
    },
    {
      name: 'CORS failure on a response that arrived',
      stage: 'network',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: { 'Content-Type': 'application/json' } })],
    },
    { name: 'extension block is its own rule', stage: 'network', entries: failed('net::ERR_BLOCKED_BY_CLIENT') },
    { name: 'ORB block is its own rule', stage: 'network', entries: failed('net::ERR_BLOCKED_BY_ORB') },
    { name: 'ERR_ABORTED on a no-cors request is ORB', stage: 'network', entries: noCors('net::ERR_ABORTED') },
    {
      name: 'Firefox: request never sent (status 0, empty timings)',
      stage: 'network',
      browser: 'firefox',
      entries: [notSent({ producer: 'firefox', method: 'PUT' })],
    },
    {
      name: 'Firefox: request that got a response',
      stage: 'network',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow() })],
    },
  ],
  invalid: [
    {
      name: 'server not running: connection refused',
      stage: 'network',
      entries: failed('net::ERR_CONNECTION_REFUSED', 'http://localhost:8080/api'),
      expect: {
        messageId: 'connection',
        parameter: null,
        netError: 'net::ERR_CONNECTION_REFUSED',
        data: { url: 'http://localhost:8080/api', error: 'net::ERR_CONNECTION_REFUSED' },
      },
    },
    {
      name: 'connection reset mid-request',
      stage: 'network',
      entries: failed('net::ERR_CONNECTION_RESET'),
      expect: { messageId: 'connection', netError: 'net::ERR_CONNECTION_RESET', firefox: 'CORSDidNotSucceed2' },
    },
    {
      name: 'empty response from the server',
      stage: 'network',
      entries: failed('net::ERR_EMPTY_RESPONSE'),
      expect: { messageId: 'connection', netError: 'net::ERR_EMPTY_RESPONSE' },
    },
    {
      name: 'host name that does not resolve',
      stage: 'network',
      entries: failed('net::ERR_NAME_NOT_RESOLVED', 'https://api.typo.example/data'),
      expect: {
        messageId: 'dns',
        netError: 'net::ERR_NAME_NOT_RESOLVED',
        data: { url: 'https://api.typo.example/data' },
      },
    },
    {
      name: 'expired certificate',
      stage: 'network',
      entries: failed('net::ERR_CERT_DATE_INVALID'),
      expect: { messageId: 'tls', netError: 'net::ERR_CERT_DATE_INVALID' },
    },
    {
      name: 'certificate for another host',
      stage: 'network',
      entries: failed('net::ERR_CERT_COMMON_NAME_INVALID'),
      expect: { messageId: 'tls', netError: 'net::ERR_CERT_COMMON_NAME_INVALID' },
    },
    {
      name: 'server too slow to answer',
      stage: 'network',
      entries: failed('net::ERR_TIMED_OUT'),
      expect: { messageId: 'timeout', netError: 'net::ERR_TIMED_OUT' },
    },
    {
      name: 'CORS request cancelled by the page',
      stage: 'network',
      entries: failed('net::ERR_ABORTED'),
      // Firefox logs nothing for a cancelled request (NS_BINDING_ABORTED is excluded from CORSDidNotSucceed).
      expect: { messageId: 'aborted', netError: 'net::ERR_ABORTED', firefox: null },
    },
    {
      name: 'public page reaching a loopback address under Local Network Access',
      stage: 'network',
      entries: failed('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', 'http://127.0.0.1:8080/api'),
      expect: { messageId: 'localNetwork', netError: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS' },
    },
    {
      name: 'redirect loop',
      stage: 'network',
      entries: failed('net::ERR_TOO_MANY_REDIRECTS'),
      expect: { messageId: 'other', netError: 'net::ERR_TOO_MANY_REDIRECTS' },
    },
    {
      name: 'Firefox: status 0 with real timings means no response came',
      stage: 'network',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          status: 0,
          statusText: '',
          timings: { blocked: 0, dns: 0, connect: 0, send: 0, wait: 0, receive: 0 },
        }),
      ],
      expect: { messageId: 'noResponse', parameter: null, netError: 'no-response', data: { url: `${API}/data` } },
    },
  ],
});
