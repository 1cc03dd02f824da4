import rule from '../../../src/engine/rules/allow-credentials-not-true';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const withCookie = { Origin: PAGE, Cookie: 'session=1' };

testCheckRule(rule, {
  valid: [
    {
      name: 'credentialed response says exactly true',
      stage: 'response',
      credentials: true,
      entries: [
        entry({
          requestHeaders: withCookie,
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' }),
        }),
      ],
    },
    {
      name: 'header name in odd casing still counts',
      stage: 'response',
      credentials: true,
      entries: [entry({ responseHeaders: allow(PAGE, { 'access-control-ALLOW-credentials': 'true' }) })],
    },
    {
      name: 'request without credentials ignores a missing header',
      stage: 'response',
      entries: [entry({ responseHeaders: allow() })],
    },
    {
      name: 'request without credentials ignores "True"',
      stage: 'response',
      entries: [entry({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'True' }) })],
    },
    {
      name: 'credentialed preflight says true',
      stage: 'preflight',
      credentials: true,
      entries: [
        preflight({
          responseHeaders: allow(PAGE, {
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': 'PUT',
          }),
        }),
        notSent({ method: 'PUT' }),
      ],
    },
    {
      name: 'Firefox: credentialed response says true',
      stage: 'response',
      credentials: true,
      browser: 'firefox',
      entries: [
        entry({ producer: 'firefox', responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' }) }),
      ],
    },
  ],
  invalid: [
    {
      name: 'credentialed response without the header',
      stage: 'response',
      credentials: true,
      entries: [entry({ requestHeaders: withCookie, responseHeaders: allow() })],
      expect: { messageId: 'missing', parameter: null, data: { what: 'The response', origin: PAGE } },
    },
    {
      name: 'capitalised "True"',
      stage: 'response',
      credentials: true,
      entries: [
        entry({
          requestHeaders: withCookie,
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'True' }),
        }),
      ],
      expect: { messageId: 'notTrue', parameter: 'True', data: { value: '"True"' } },
    },
    {
      name: 'the number 1 instead of true',
      stage: 'response',
      credentials: true,
      entries: [entry({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': '1' }) })],
      expect: { messageId: 'notTrue', parameter: '1', data: { value: '"1"' } },
    },
    {
      name: 'two header lines both saying true',
      stage: 'response',
      credentials: true,
      entries: [entry({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': ['true', 'true'] }) })],
      expect: { messageId: 'notTrue', parameter: 'true, true', data: { value: '"true, true"' } },
    },
    {
      name: 'empty value',
      stage: 'response',
      credentials: true,
      entries: [entry({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': '' }) })],
      expect: { messageId: 'notTrue', parameter: null, data: { value: '""' } },
    },
    {
      name: 'credentialed request whose preflight lacks the header',
      stage: 'preflight',
      credentials: true,
      entries: [
        preflight({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
      expect: {
        messageId: 'missing',
        parameter: null,
        data: { what: 'The preflight (OPTIONS) response', consequence: 'never sent the PUT request' },
      },
    },
    {
      name: 'credentialed redirect hop without the header',
      stage: 'redirect',
      credentials: true,
      entries: [
        entry({ status: 302, redirectURL: `${PAGE}/data`, responseHeaders: allow(PAGE, { Location: `${PAGE}/data` }) }),
        entry({ url: `${PAGE}/data`, at: 5 }),
      ],
      expect: { messageId: 'missing', data: { what: 'The 302 redirect' } },
    },
    {
      name: 'Firefox: capitalised "True"',
      stage: 'response',
      credentials: true,
      browser: 'firefox',
      entries: [
        entry({ producer: 'firefox', responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'True' }) }),
      ],
      expect: { messageId: 'notTrue', parameter: 'True' },
    },
  ],
});
