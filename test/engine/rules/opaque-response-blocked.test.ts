import rule from '../../../src/engine/rules/opaque-response-blocked';
import { allow, API, entry, PAGE } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const NO_CORS = { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'empty' };

/** A no-cors fetch whose response Chromium dropped with `error`. */
const noCors = (error: string, responseHeaders: Record<string, string> = { 'Content-Type': 'application/json' }) => [
  entry({ error, requestHeaders: NO_CORS, responseHeaders }),
];

testCheckRule(rule, {
  valid: [
    { name: 'request that succeeded', stage: 'network', entries: [entry({ responseHeaders: allow() })] },
    { name: 'no-cors request that succeeded', stage: 'network', entries: [entry({ requestHeaders: NO_CORS })] },
    {
      name: 'CORS request cancelled by the page is not ORB',
      stage: 'network',
      entries: [entry({ status: 0, statusText: '', error: 'net::ERR_ABORTED' })],
    },
    {
      name: 'CORS failure recorded as ERR_FAILED',
      stage: 'network',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: { 'Content-Type': 'application/json' } })],
    },
    { name: 'extension block is its own rule', stage: 'network', entries: noCors('net::ERR_BLOCKED_BY_CLIENT') },
    {
      name: 'Firefox records no error name',
      stage: 'network',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', requestHeaders: NO_CORS })],
    },
  ],
  invalid: [
    {
      name: 'no-cors fetch of JSON aborted by ORB',
      stage: 'network',
      entries: noCors('net::ERR_ABORTED'),
      expect: {
        messageId: 'orb',
        parameter: null,
        netError: 'net::ERR_ABORTED',
        data: { url: `${API}/data`, status: '200', contentType: 'application/json', origin: PAGE },
      },
    },
    {
      name: 'no-cors fetch without a Content-Type aborted by ORB',
      stage: 'network',
      entries: noCors('net::ERR_ABORTED', {}),
      expect: { messageId: 'orb', data: { contentType: 'no Content-Type' } },
    },
    {
      name: 'ORB named as such',
      stage: 'network',
      entries: noCors('net::ERR_BLOCKED_BY_ORB'),
      expect: { messageId: 'orb', netError: 'net::ERR_BLOCKED_BY_ORB' },
    },
    {
      name: 'Cross-Origin-Resource-Policy same-origin on an image',
      stage: 'network',
      entries: [
        entry({
          url: `${API}/avatar.png`,
          resourceType: 'image',
          error: 'net::ERR_BLOCKED_BY_RESPONSE',
          requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' },
          responseHeaders: { 'Content-Type': 'image/png', 'Cross-Origin-Resource-Policy': 'same-origin' },
        }),
      ],
      expect: {
        messageId: 'resourcePolicy',
        netError: 'net::ERR_BLOCKED_BY_RESPONSE',
        data: { url: `${API}/avatar.png` },
      },
    },
  ],
});
