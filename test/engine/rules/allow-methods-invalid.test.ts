import rule from '../../../src/engine/rules/allow-methods-invalid';
import { allow, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const firefoxPreflight = (allowMethods: string | string[]) => [
  preflight({ producer: 'firefox', responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': allowMethods }) }),
  notSent({ producer: 'firefox', method: 'PUT' }),
];

testCheckRule(rule, {
  valid: [
    {
      name: 'Firefox: plain comma-separated methods',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('GET, POST, PUT'),
    },
    {
      name: 'Firefox: the wildcard is a valid token',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('*'),
    },
    {
      name: 'Firefox: lower-case methods are valid tokens',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('get,put'),
    },
    {
      name: 'Firefox: empty items are skipped',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('PUT,, DELETE ,'),
    },
    {
      name: 'Firefox: methods split over two header lines',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight(['GET', 'PUT']),
    },
    {
      name: 'Firefox: no Access-Control-Allow-Methods at all',
      stage: 'preflight',
      browser: 'firefox',
      entries: [
        preflight({ producer: 'firefox', responseHeaders: allow() }),
        notSent({ producer: 'firefox', method: 'PUT' }),
      ],
    },
    {
      name: "Chromium's list parser accepts methods separated by semicolons",
      stage: 'preflight',
      entries: [
        preflight({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'GET; PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Firefox: methods separated by spaces',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('GET PUT'),
      expect: { messageId: 'invalid', parameter: 'GET PUT', data: { token: 'GET PUT', method: 'PUT' } },
    },
    {
      name: 'Firefox: methods separated by semicolons',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('GET;PUT'),
      expect: { messageId: 'invalid', parameter: 'GET;PUT' },
    },
    {
      name: 'Firefox: a JSON array of methods',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('["GET", "PUT"]'),
      expect: { messageId: 'invalid', parameter: '["GET"' },
    },
    {
      name: 'Firefox: the second header line holds the bad token',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight(['GET', 'PUT DELETE']),
      expect: { messageId: 'invalid', parameter: 'PUT DELETE' },
    },
  ],
});
