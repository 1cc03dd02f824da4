import rule from '../../../src/engine/rules/allow-headers-invalid';
import { allow, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const firefoxPreflight = (allowHeaders: string | string[]) => [
  preflight({
    producer: 'firefox',
    requestedHeaders: ['X-Custom'],
    responseHeaders: allow(PAGE, {
      'Access-Control-Allow-Methods': 'PUT',
      'Access-Control-Allow-Headers': allowHeaders,
    }),
  }),
  notSent({ producer: 'firefox', method: 'PUT', requestHeaders: { 'X-Custom': '1' } }),
];

testCheckRule(rule, {
  valid: [
    {
      name: 'Firefox: plain comma-separated header names',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('Content-Type, X-Custom'),
    },
    {
      name: 'Firefox: the wildcard is a valid token',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('*'),
    },
    {
      name: 'Firefox: empty items and odd spacing are skipped',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight(' x-custom ,, Content-Type,'),
    },
    {
      name: 'Firefox: names split over two header lines',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight(['Content-Type', 'X-Custom']),
    },
    {
      name: 'Firefox: no Access-Control-Allow-Headers at all',
      stage: 'preflight',
      browser: 'firefox',
      entries: [
        preflight({ producer: 'firefox', responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ producer: 'firefox', method: 'PUT' }),
      ],
    },
    {
      name: "Chromium's list parser accepts a name with a space in it",
      stage: 'preflight',
      entries: [
        preflight({
          requestedHeaders: ['X-Custom'],
          responseHeaders: allow(PAGE, {
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Allow-Headers': 'X Custom, X-Custom',
          }),
        }),
        notSent({ method: 'PUT', requestHeaders: { 'X-Custom': '1' } }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Firefox: a name with a space in it',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('Content-Type, X Custom'),
      expect: { messageId: 'invalid', parameter: 'X Custom', data: { token: 'X Custom', method: 'PUT' } },
    },
    {
      name: 'Firefox: header names in double quotes',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('"X-Custom"'),
      expect: { messageId: 'invalid', parameter: '"X-Custom"' },
    },
    {
      name: 'Firefox: a header line written as name: value',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('X-Custom: 1'),
      expect: { messageId: 'invalid', parameter: 'X-Custom: 1' },
    },
    {
      name: 'Firefox: names separated by semicolons',
      stage: 'preflight',
      browser: 'firefox',
      entries: firefoxPreflight('Content-Type;X-Custom'),
      expect: { messageId: 'invalid', parameter: 'Content-Type;X-Custom' },
    },
  ],
});
