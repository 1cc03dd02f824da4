import rule from '../../../src/engine/rules/allow-origin-invalid';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const get = (value: string | string[]) => [entry({ responseHeaders: { 'Access-Control-Allow-Origin': value } })];

testCheckRule(rule, {
  valid: [
    { name: 'response names the origin', stage: 'response', entries: get(PAGE) },
    { name: 'response allows any origin', stage: 'response', entries: get('*') },
    { name: 'no header at all is not an invalid value', stage: 'response', entries: [entry()] },
    { name: '"null" is a valid value that merely does not match', stage: 'response', entries: get('null') },
    { name: 'allowlist entry with a trailing slash parses as a URL', stage: 'response', entries: get(`${PAGE}/`) },
    { name: 'origin with a path parses as a URL', stage: 'response', entries: get(`${PAGE}/app`) },
    { name: 'origin in upper case parses as a URL', stage: 'response', entries: get('HTTPS://APP.EXAMPLE') },
    { name: 'another origin is a mismatch, not invalid', stage: 'response', entries: get(API) },
    { name: 'comma-separated list is a multiple-values error', stage: 'response', entries: get(`${PAGE}, ${API}`) },
    { name: 'two header lines are a multiple-values error', stage: 'response', entries: get(['app.example', PAGE]) },
    {
      name: 'Firefox reports an unparsable value as a mismatch',
      stage: 'response',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow('app.example') })],
    },
  ],
  invalid: [
    {
      name: 'host without a scheme',
      stage: 'response',
      entries: get('app.example'),
      expect: { messageId: 'invalid', parameter: 'app.example', data: { value: 'app.example', origin: PAGE } },
    },
    {
      name: 'origin wrapped in double quotes',
      stage: 'response',
      entries: get(`"${PAGE}"`),
      expect: { messageId: 'invalid', parameter: `"${PAGE}"` },
    },
    {
      name: 'subdomain wildcard pattern',
      stage: 'response',
      entries: get('*.example'),
      expect: { messageId: 'invalid', parameter: '*.example' },
    },
    {
      name: 'scheme without a host',
      stage: 'response',
      entries: get('https://'),
      expect: { messageId: 'invalid', parameter: 'https://' },
    },
    {
      name: 'boolean true sent as the origin',
      stage: 'response',
      entries: [entry({ responseHeaders: { 'access-control-allow-ORIGIN': 'true' } })],
      expect: { messageId: 'invalid', parameter: 'true' },
    },
    {
      name: 'preflight with a host and no scheme',
      stage: 'preflight',
      entries: [preflight({ responseHeaders: allow('app.example') }), notSent({ method: 'PUT' })],
      expect: { messageId: 'invalid', parameter: 'app.example', data: { what: 'The preflight (OPTIONS) response' } },
    },
  ],
});
