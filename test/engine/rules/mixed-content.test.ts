import rule from '../../../src/engine/rules/mixed-content';
import { allow, entry, PAGE } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

/** A request from `origin` to `url` that got no response. */
const unanswered = (url: string, origin = PAGE, error: string | null = null) => [
  entry({ url, status: 0, statusText: '', error, requestHeaders: { Origin: origin } }),
];

testCheckRule(rule, {
  valid: [
    {
      name: 'https page, http URL, but a specific net error (Local Network Access) says what stopped it',
      stage: 'network',
      entries: unanswered('http://10.0.0.5/api', PAGE, 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'),
    },
    { name: 'https page calling an https API', stage: 'network', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'https page calling http on localhost',
      stage: 'network',
      entries: unanswered('http://localhost:8080/api', PAGE, 'net::ERR_CONNECTION_REFUSED'),
    },
    {
      name: 'https page calling http on 127.0.0.1',
      stage: 'network',
      entries: unanswered('http://127.0.0.1:8080/api', PAGE, 'net::ERR_CONNECTION_REFUSED'),
    },
    {
      name: 'http page calling an http API',
      stage: 'network',
      entries: unanswered('http://api.example/data', 'http://app.example', 'net::ERR_CONNECTION_REFUSED'),
    },
    {
      name: 'http request that got a response was not blocked',
      stage: 'network',
      entries: [entry({ url: 'http://api.example/data', responseHeaders: allow() })],
    },
    {
      name: 'Firefox: http request that got a response was not blocked',
      stage: 'network',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', url: 'http://api.example/data', responseHeaders: allow() })],
    },
  ],
  invalid: [
    {
      name: 'https page calling an http API',
      stage: 'network',
      entries: unanswered('http://api.example/data'),
      expect: {
        messageId: 'mixed',
        parameter: null,
        netError: 'mixed-content',
        data: { origin: PAGE, url: 'http://api.example/data', httpsUrl: 'https://api.example/data' },
      },
    },
    {
      name: 'https page calling http on a private address',
      stage: 'network',
      entries: unanswered('http://192.168.1.20:8080/api'),
      expect: { messageId: 'mixed', data: { httpsUrl: 'https://192.168.1.20:8080/api' } },
    },
    {
      name: 'Firefox: https page calling an http API',
      stage: 'network',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'http://api.example/data',
          status: 0,
          statusText: '',
          timings: {},
          headersSize: 0,
        }),
      ],
      expect: { messageId: 'mixed', netError: 'mixed-content' },
    },
  ],
});
