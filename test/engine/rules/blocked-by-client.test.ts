import rule from '../../../src/engine/rules/blocked-by-client';
import { allow, API, entry, notSent } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

/** A request that got no response, with Chromium's net error. */
const failed = (error: string, url = `${API}/data`) => [entry({ url, status: 0, statusText: '', error })];

testCheckRule(rule, {
  valid: [
    { name: 'request that succeeded', stage: 'network', entries: [entry({ responseHeaders: allow() })] },
    { name: 'CORS failure recorded as ERR_FAILED', stage: 'network', entries: [notSent({ method: 'PUT' })] },
    { name: 'connection refused is a network error', stage: 'network', entries: failed('net::ERR_CONNECTION_REFUSED') },
    {
      name: 'resource policy block is not the client',
      stage: 'network',
      entries: failed('net::ERR_BLOCKED_BY_RESPONSE'),
    },
    {
      name: 'Firefox records no error name for a blocked request',
      stage: 'network',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', status: 0, statusText: '', timings: { send: 0, wait: 0, receive: 0 } })],
    },
  ],
  invalid: [
    {
      name: 'ad blocker matched an analytics URL',
      stage: 'network',
      entries: failed('net::ERR_BLOCKED_BY_CLIENT', `${API}/analytics/track`),
      expect: {
        messageId: 'blocked',
        parameter: null,
        netError: 'net::ERR_BLOCKED_BY_CLIENT',
        data: { url: `${API}/analytics/track`, error: 'net::ERR_BLOCKED_BY_CLIENT' },
      },
    },
    {
      name: "the page's own Content-Security-Policy has no connect-src for the API",
      stage: 'network',
      entries: failed('net::ERR_BLOCKED_BY_CSP'),
      expect: {
        messageId: 'contentSecurityPolicy',
        netError: 'net::ERR_BLOCKED_BY_CSP',
        data: { origin: API },
      },
    },
    {
      name: 'administrator policy blocked the URL',
      stage: 'network',
      entries: failed('net::ERR_BLOCKED_BY_ADMINISTRATOR'),
      expect: { messageId: 'blocked', netError: 'net::ERR_BLOCKED_BY_ADMINISTRATOR' },
    },
  ],
});
