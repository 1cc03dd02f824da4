import rule from '../../../src/engine/rules/preflight-no-response';
import { allow, API, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const ok = allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' });

testCheckRule(rule, {
  valid: [
    {
      name: 'preflight answered 204',
      stage: 'preflight',
      entries: [preflight({ responseHeaders: ok }), notSent({ method: 'PUT' })],
    },
    {
      name: 'preflight answered 200',
      stage: 'preflight',
      entries: [preflight({ status: 200, statusText: 'OK', responseHeaders: ok }), notSent({ method: 'PUT' })],
    },
    {
      name: 'preflight answered 401 still got a response',
      stage: 'preflight',
      entries: [preflight({ status: 401, statusText: 'Unauthorized' }), notSent({ method: 'PUT' })],
    },
    {
      name: 'Firefox: preflight answered 204',
      stage: 'preflight',
      browser: 'firefox',
      entries: [preflight({ producer: 'firefox', responseHeaders: ok })],
    },
  ],
  invalid: [
    {
      name: 'server refused the preflight connection',
      stage: 'preflight',
      entries: [
        preflight({ status: 0, statusText: '', error: 'net::ERR_CONNECTION_REFUSED' }),
        notSent({ method: 'PUT' }),
      ],
      expect: {
        messageId: 'noResponse',
        parameter: null,
        netError: 'net::ERR_CONNECTION_REFUSED',
        data: { url: `${API}/data`, method: 'PUT', because: ' (net::ERR_CONNECTION_REFUSED)' },
      },
    },
    {
      name: 'proxy closed the connection without answering OPTIONS',
      stage: 'preflight',
      entries: [
        preflight({ status: 0, statusText: '', error: 'net::ERR_EMPTY_RESPONSE', for: 'DELETE' }),
        notSent({ method: 'DELETE' }),
      ],
      expect: { messageId: 'noResponse', netError: 'net::ERR_EMPTY_RESPONSE', data: { method: 'DELETE' } },
    },
    {
      name: 'Firefox: preflight with status 0 and no error name',
      stage: 'preflight',
      browser: 'firefox',
      entries: [preflight({ producer: 'firefox', status: 0, statusText: '' })],
      expect: { messageId: 'noResponse', netError: 'no-response', data: { because: '' } },
    },
  ],
});
