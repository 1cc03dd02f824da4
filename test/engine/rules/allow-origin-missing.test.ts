import rule from '../../../src/engine/rules/allow-origin-missing';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const put = (headers = {}) => entry({ method: 'PUT', at: 0, responseHeaders: headers });

testCheckRule(rule, {
  valid: [
    { name: 'response names the origin', stage: 'response', entries: [entry({ responseHeaders: allow() })] },
    { name: 'response allows any origin', stage: 'response', entries: [entry({ responseHeaders: allow('*') })] },
    {
      name: 'header name in odd casing still counts',
      stage: 'response',
      entries: [entry({ responseHeaders: { 'ACCESS-control-ALLOW-origin': PAGE } })],
    },
    {
      name: 'preflight carries the header',
      stage: 'preflight',
      entries: [preflight({ responseHeaders: allow() }), put(allow())],
    },
  ],
  invalid: [
    {
      name: 'simple GET without the header',
      stage: 'response',
      entries: [entry({ responseHeaders: { 'Content-Type': 'application/json' } })],
      expect: { messageId: 'missing', parameter: null, data: { origin: PAGE, status: '200 OK' } },
    },
    {
      name: 'a 500 without CORS headers after a good preflight',
      stage: 'response',
      entries: [
        preflight({ responseHeaders: allow() }),
        entry({ method: 'PUT', status: 500, statusText: 'Internal Server Error' }),
      ],
      expect: { messageId: 'missingOnError', data: { status: '500 Internal Server Error' } },
    },
    {
      name: 'preflight answered 401 by an auth layer',
      stage: 'preflight',
      entries: [preflight({ status: 401, statusText: 'Unauthorized' }), notSent({ method: 'PUT' })],
      expect: { messageId: 'missingOnError', data: { status: '401 Unauthorized', method: 'PUT' } },
    },
    {
      name: 'redirect hop without the header',
      stage: 'redirect',
      entries: [
        entry({
          status: 302,
          redirectURL: 'https://cdn.example/data',
          responseHeaders: { Location: 'https://cdn.example/data' },
        }),
        entry({
          url: 'https://cdn.example/data',
          at: 5,
          requestHeaders: { Origin: 'null' },
          responseHeaders: allow('*'),
        }),
      ],
      expect: { messageId: 'missing', data: { what: 'The 302 redirect' } },
    },
  ],
});
