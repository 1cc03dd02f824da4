import rule from '../../../src/engine/rules/preflight-redirect-disallowed';
import { allow, API, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const headers = allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' });
const redirected = (status: number, location: string, producer: 'chromium' | 'firefox' = 'chromium') => [
  preflight({ producer, status, redirectURL: location, responseHeaders: { ...headers, Location: location } }),
  notSent({ producer, method: 'PUT' }),
];

testCheckRule(rule, {
  valid: [
    {
      name: 'a 3xx without a Location is a final response (the status check rejects it), not a redirect',
      stage: 'preflight',
      entries: [preflight({ status: 307 }), notSent({ method: 'PUT' })],
    },
    {
      name: 'preflight answered 204',
      stage: 'preflight',
      entries: [preflight({ responseHeaders: headers }), notSent({ method: 'PUT' })],
    },
    {
      name: 'preflight answered 304 is not a redirect',
      stage: 'preflight',
      entries: [
        preflight({ status: 304, statusText: 'Not Modified', responseHeaders: headers }),
        notSent({ method: 'PUT' }),
      ],
    },
    {
      name: 'preflight answered 404',
      stage: 'preflight',
      entries: [preflight({ status: 404, statusText: 'Not Found' }), notSent({ method: 'PUT' })],
    },
    {
      name: 'Firefox: preflight answered 200',
      stage: 'preflight',
      browser: 'firefox',
      entries: [preflight({ producer: 'firefox', status: 200, responseHeaders: headers })],
    },
  ],
  invalid: [
    {
      name: 'trailing-slash redirect on the preflight',
      stage: 'preflight',
      entries: redirected(301, `${API}/data/`),
      expect: {
        messageId: 'redirected',
        parameter: null,
        data: { url: `${API}/data`, status: '301', location: `${API}/data/`, method: 'PUT' },
      },
    },
    {
      name: 'http to https upgrade on the preflight',
      stage: 'preflight',
      entries: [
        preflight({
          url: 'http://api.example/data',
          status: 308,
          redirectURL: `${API}/data`,
          origin: 'http://app.example',
          responseHeaders: { Location: `${API}/data` },
        }),
        notSent({ url: 'http://api.example/data', method: 'PUT' }),
      ],
      expect: { messageId: 'redirected', data: { status: '308', location: `${API}/data` } },
    },
    {
      name: 'login redirect resolved from a relative Location',
      stage: 'preflight',
      entries: [
        preflight({ status: 302, responseHeaders: { location: '/login?next=/data' } }),
        notSent({ method: 'PUT' }),
      ],
      expect: { messageId: 'redirected', data: { location: `${API}/login?next=/data` } },
    },
    {
      name: 'Firefox: preflight redirected to www',
      stage: 'preflight',
      browser: 'firefox',
      entries: redirected(302, 'https://www.api.example/data', 'firefox'),
      expect: { messageId: 'redirected', data: { location: 'https://www.api.example/data' } },
    },
  ],
});
