import rule from '../../../src/engine/rules/preflight-status-not-ok';
import { allow, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const headers = allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' });
const answered = (status: number, statusText = '', producer: 'chromium' | 'firefox' = 'chromium') => [
  preflight({ producer, status, statusText, responseHeaders: headers }),
  notSent({ producer, method: 'PUT' }),
];

testCheckRule(rule, {
  valid: [
    { name: 'preflight answered 204 No Content', stage: 'preflight', entries: answered(204, 'No Content') },
    { name: 'preflight answered 200 OK', stage: 'preflight', entries: answered(200, 'OK') },
    { name: 'preflight answered 299, the top of the ok range', stage: 'preflight', entries: answered(299) },
    {
      name: 'Firefox: preflight answered 204',
      stage: 'preflight',
      browser: 'firefox',
      entries: answered(204, 'No Content', 'firefox'),
    },
  ],
  invalid: [
    {
      name: 'auth middleware answered 401 before the CORS handler',
      stage: 'preflight',
      entries: answered(401, 'Unauthorized'),
      expect: { messageId: 'notOk', parameter: null, data: { status: '401 Unauthorized', method: 'PUT' } },
    },
    {
      name: 'no OPTIONS route: 404',
      stage: 'preflight',
      entries: answered(404, 'Not Found'),
      expect: { messageId: 'notOk', data: { status: '404 Not Found' } },
    },
    {
      name: 'no OPTIONS route: 405',
      stage: 'preflight',
      entries: answered(405, 'Method Not Allowed'),
      expect: { messageId: 'notOk', data: { status: '405 Method Not Allowed' } },
    },
    {
      name: 'server crash on OPTIONS',
      stage: 'preflight',
      entries: answered(500, 'Internal Server Error'),
      expect: { messageId: 'notOk', data: { status: '500 Internal Server Error' } },
    },
    {
      name: 'gateway with the backend down',
      stage: 'preflight',
      entries: answered(502),
      expect: { messageId: 'notOk', data: { status: '502' } },
    },
    {
      name: 'not-modified answer is not an ok status',
      stage: 'preflight',
      entries: answered(304, 'Not Modified'),
      expect: { messageId: 'notOk', data: { status: '304 Not Modified' } },
    },
    {
      name: 'Firefox: rate limited preflight',
      stage: 'preflight',
      browser: 'firefox',
      entries: answered(429, 'Too Many Requests', 'firefox'),
      expect: { messageId: 'notOk', data: { status: '429 Too Many Requests' } },
    },
  ],
});
