import rule from '../../../src/engine/rules/allow-origin-multiple';
import { API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const get = (value: string | string[]) => [entry({ responseHeaders: { 'Access-Control-Allow-Origin': value } })];
const firefoxGet = (value: string | string[]) => [
  entry({ producer: 'firefox', responseHeaders: { 'Access-Control-Allow-Origin': value } }),
];

testCheckRule(rule, {
  valid: [
    { name: 'response names the origin once', stage: 'response', entries: get(PAGE) },
    { name: 'response allows any origin once', stage: 'response', entries: get('*') },
    { name: 'no header at all', stage: 'response', entries: [entry()] },
    { name: 'one wrong origin is a mismatch, not multiple', stage: 'response', entries: get(API) },
    { name: 'one unparsable value is not multiple', stage: 'response', entries: get('app.example') },
    {
      name: 'Firefox: one header line holding a list is a mismatch there',
      stage: 'response',
      browser: 'firefox',
      entries: firefoxGet(`${PAGE}, ${API}`),
    },
    {
      name: 'Firefox: one header line with a space-separated list is a mismatch there',
      stage: 'response',
      browser: 'firefox',
      entries: firefoxGet(`${PAGE} ${API}`),
    },
    {
      name: 'Firefox: one header line naming the origin',
      stage: 'response',
      browser: 'firefox',
      entries: firefoxGet(PAGE),
    },
  ],
  invalid: [
    {
      name: 'proxy and application both add the same origin',
      stage: 'response',
      entries: get([PAGE, PAGE]),
      expect: {
        messageId: 'duplicateHeaders',
        parameter: `${PAGE}, ${PAGE}`,
        data: { count: '2', values: `"${PAGE}" and "${PAGE}"` },
      },
    },
    {
      name: 'duplicate lines in different casing',
      stage: 'response',
      entries: [
        entry({ responseHeaders: { 'Access-Control-Allow-Origin': '*', 'access-control-allow-origin': PAGE } }),
      ],
      expect: { messageId: 'duplicateHeaders', parameter: `*, ${PAGE}`, data: { count: '2' } },
    },
    {
      name: 'allowlist sent as a comma-separated list',
      stage: 'response',
      entries: get(`${PAGE}, ${API}`),
      expect: {
        messageId: 'listInOneHeader',
        parameter: `${PAGE}, ${API}`,
        data: { value: `${PAGE}, ${API}`, origin: PAGE },
      },
    },
    {
      name: 'allowlist sent as a space-separated list',
      stage: 'response',
      entries: get(`${PAGE} ${API}`),
      expect: { messageId: 'listInOneHeader', parameter: `${PAGE} ${API}` },
    },
    {
      name: 'preflight with two header lines',
      stage: 'preflight',
      entries: [
        preflight({ responseHeaders: { 'Access-Control-Allow-Origin': [PAGE, '*'] } }),
        notSent({ method: 'PUT' }),
      ],
      expect: { messageId: 'duplicateHeaders', data: { what: 'The preflight (OPTIONS) response' } },
    },
    {
      name: 'Firefox: two header lines with the same origin',
      stage: 'response',
      browser: 'firefox',
      entries: firefoxGet([PAGE, PAGE]),
      expect: { messageId: 'duplicateHeaders', parameter: `${PAGE}, ${PAGE}`, data: { count: '2' } },
    },
    {
      name: 'Firefox: two wildcard header lines',
      stage: 'response',
      browser: 'firefox',
      entries: firefoxGet(['*', '*']),
      expect: { messageId: 'duplicateHeaders', parameter: '*, *' },
    },
  ],
});
