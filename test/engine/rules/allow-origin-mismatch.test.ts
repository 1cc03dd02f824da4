import rule from '../../../src/engine/rules/allow-origin-mismatch';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const CDN = 'https://cdn.example/data';
const get = (value: string | string[]) => [entry({ responseHeaders: { 'Access-Control-Allow-Origin': value } })];
/** A page on localhost:5173 calling a dev API on localhost:8080. */
const local = (value: string) => [
  entry({
    url: 'http://localhost:8080/api',
    requestHeaders: { Origin: 'http://localhost:5173' },
    responseHeaders: { 'Access-Control-Allow-Origin': value },
  }),
];
/** app → api (302) → cdn: the hop to the CDN carries `Origin: null` (R12). */
const viaRedirect = (value: string) => [
  entry({ status: 302, redirectURL: CDN, responseHeaders: allow(PAGE, { Location: CDN }) }),
  entry({
    url: CDN,
    at: 5,
    requestHeaders: { Origin: 'null' },
    responseHeaders: { 'Access-Control-Allow-Origin': value },
  }),
];

testCheckRule(rule, {
  valid: [
    { name: 'response names the origin', stage: 'response', entries: get(PAGE) },
    { name: 'response allows any origin', stage: 'response', entries: get('*') },
    {
      name: 'wildcard with credentials is left to its own rule',
      stage: 'response',
      credentials: true,
      entries: get('*'),
    },
    { name: 'no header at all is left to its own rule', stage: 'response', entries: [entry()] },
    { name: 'dev server origin with its port', stage: 'response', entries: local('http://localhost:5173') },
    {
      name: 'header name in odd casing still counts',
      stage: 'response',
      entries: [entry({ responseHeaders: { 'ACCESS-CONTROL-ALLOW-ORIGIN': PAGE } })],
    },
    {
      name: 'preflight names the origin',
      stage: 'preflight',
      entries: [preflight({ responseHeaders: allow() }), notSent({ method: 'PUT' })],
    },
    {
      name: 'redirect target allows "null" after a tainting redirect',
      stage: 'response',
      hop: 1,
      entries: viaRedirect('null'),
    },
    {
      name: 'redirect target allows any origin after a tainting redirect',
      stage: 'response',
      hop: 1,
      entries: viaRedirect('*'),
    },
    {
      name: "a redirect from the page's own origin does not taint",
      stage: 'response',
      hop: 1,
      entries: [
        entry({
          url: `${PAGE}/old`,
          status: 302,
          redirectURL: `${API}/data`,
          requestHeaders: { Referer: `${PAGE}/` },
          responseHeaders: { Location: `${API}/data` },
        }),
        entry({ at: 5, responseHeaders: allow() }),
      ],
    },
    {
      name: 'Firefox: response names the origin',
      stage: 'response',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow() })],
    },
  ],
  invalid: [
    {
      name: 'allowlist entry with a trailing slash',
      stage: 'response',
      entries: get(`${PAGE}/`),
      expect: { messageId: 'mismatch', parameter: `${PAGE}/`, data: { value: `${PAGE}/`, origin: PAGE } },
    },
    {
      name: 'http instead of https',
      stage: 'response',
      entries: get('http://app.example'),
      expect: { messageId: 'mismatch', parameter: 'http://app.example' },
    },
    {
      name: 'default port written out',
      stage: 'response',
      entries: get('https://app.example:443'),
      expect: { messageId: 'mismatch', parameter: 'https://app.example:443' },
    },
    {
      name: 'host in another case',
      stage: 'response',
      entries: get('https://App.Example'),
      expect: { messageId: 'mismatch', parameter: 'https://App.Example' },
    },
    {
      name: 'www instead of the apex',
      stage: 'response',
      entries: get('https://www.app.example'),
      expect: { messageId: 'mismatch', parameter: 'https://www.app.example' },
    },
    {
      name: 'dev server on another port',
      stage: 'response',
      entries: local('http://localhost:3000'),
      expect: { messageId: 'mismatch', parameter: 'http://localhost:3000', data: { origin: 'http://localhost:5173' } },
    },
    {
      name: 'localhost allowed but the page runs on 127.0.0.1',
      stage: 'response',
      entries: [
        entry({
          url: 'http://localhost:8080/api',
          requestHeaders: { Origin: 'http://127.0.0.1:5173' },
          responseHeaders: allow('http://localhost:5173'),
        }),
      ],
      expect: { messageId: 'mismatch', data: { origin: 'http://127.0.0.1:5173', value: 'http://localhost:5173' } },
    },
    {
      name: '"null" allowed for a request from a real origin',
      stage: 'response',
      entries: get('null'),
      expect: { messageId: 'mismatch', parameter: 'null' },
    },
    {
      name: 'preflight names another origin',
      stage: 'preflight',
      entries: [preflight({ responseHeaders: allow('https://other.example') }), notSent({ method: 'PUT' })],
      expect: { messageId: 'mismatch', data: { what: 'The preflight (OPTIONS) response' } },
    },
    {
      name: 'redirect target names the page after a tainting redirect',
      stage: 'response',
      hop: 1,
      entries: viaRedirect(PAGE),
      expect: { messageId: 'taintedOrigin', parameter: PAGE, data: { url: CDN } },
    },
    {
      name: 'Firefox: one header line holding a comma-separated list',
      stage: 'response',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow(`${PAGE}, ${API}`) })],
      expect: { messageId: 'mismatch', parameter: `${PAGE}, ${API}` },
    },
    {
      name: 'Firefox: a value that is not an origin',
      stage: 'response',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow('app.example') })],
      expect: { messageId: 'mismatch', parameter: 'app.example' },
    },
  ],
});
