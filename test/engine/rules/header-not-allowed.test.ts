import rule from '../../../src/engine/rules/header-not-allowed';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const HEADER_VALUES: Record<string, string> = {
  'X-Custom': '1',
  Authorization: 'Bearer abc',
  'Content-Type': 'application/json',
};

/** A PUT sending `headers`, blocked at a preflight that answered `allowHeaders`. */
function blocked(headers: string[], allowHeaders?: string | string[], producer: 'chromium' | 'firefox' = 'chromium') {
  const responseHeaders = allow(PAGE, {
    'Access-Control-Allow-Methods': 'PUT',
    ...(allowHeaders === undefined ? {} : { 'Access-Control-Allow-Headers': allowHeaders }),
  });
  const requestHeaders = Object.fromEntries(headers.map((h) => [h, HEADER_VALUES[h] ?? 'x']));
  return [
    preflight({ producer, requestedHeaders: headers, responseHeaders }),
    notSent({ producer, method: 'PUT', requestHeaders }),
  ];
}

testCheckRule(rule, {
  valid: [
    { name: 'header listed by name', stage: 'preflight', entries: blocked(['X-Custom'], 'X-Custom') },
    {
      name: 'header names compared case-insensitively',
      stage: 'preflight',
      entries: blocked(['X-Custom'], 'x-CUSTOM'),
    },
    {
      name: 'every requested header listed, in another order',
      stage: 'preflight',
      entries: blocked(['Authorization', 'Content-Type'], 'content-type, AUTHORIZATION'),
    },
    {
      name: 'names split over two header lines',
      stage: 'preflight',
      entries: blocked(['Content-Type', 'X-Custom'], ['Content-Type', 'X-Custom']),
    },
    { name: 'wildcard without credentials', stage: 'preflight', entries: blocked(['X-Custom'], '*') },
    { name: 'Authorization covered by the wildcard', stage: 'preflight', entries: blocked(['Authorization'], '*') },
    {
      name: 'Firefox: Authorization covered by the wildcard',
      stage: 'preflight',
      browser: 'firefox',
      entries: blocked(['Authorization'], '*', 'firefox'),
    },
    {
      name: 'credentialed request with every header listed',
      stage: 'preflight',
      credentials: true,
      entries: blocked(['Authorization', 'X-Custom'], 'Authorization, X-Custom, *'),
    },
    { name: 'preflight for the method only needs no header list', stage: 'preflight', entries: blocked([]) },
    {
      name: 'a request that needed no preflight',
      stage: 'response',
      entries: [entry({ responseHeaders: allow() })],
    },
  ],
  invalid: [
    {
      name: 'no Access-Control-Allow-Headers at all',
      stage: 'preflight',
      entries: blocked(['X-Custom']),
      expect: {
        messageId: 'notListed',
        parameter: 'x-custom',
        data: { header: 'x-custom', allowed: '(absent)', method: 'PUT', suggested: 'x-custom' },
      },
    },
    {
      name: 'header name misspelled in the allowlist',
      stage: 'preflight',
      entries: blocked(['X-Custom'], 'X-Custon'),
      expect: { messageId: 'notListed', parameter: 'x-custom', data: { allowed: '"X-Custon"' } },
    },
    {
      name: 'JSON body allowed but Authorization forgotten',
      stage: 'preflight',
      entries: blocked(['Authorization', 'Content-Type'], 'Content-Type'),
      expect: {
        messageId: 'notListed',
        parameter: 'authorization',
        data: { suggested: 'Content-Type, authorization, content-type' },
      },
    },
    {
      name: 'wildcard with credentials',
      stage: 'preflight',
      credentials: true,
      entries: blocked(['X-Custom'], '*'),
      expect: { messageId: 'wildcardWithCredentials', parameter: 'x-custom', data: { suggested: 'x-custom' } },
    },
    {
      name: 'Authorization under a wildcard with credentials',
      stage: 'preflight',
      credentials: true,
      entries: blocked(['Authorization'], '*'),
      expect: { messageId: 'wildcardWithCredentials', parameter: 'authorization' },
    },
    {
      name: 'Firefox: header not listed',
      stage: 'preflight',
      browser: 'firefox',
      entries: blocked(['Content-Type', 'X-Custom'], 'Content-Type', 'firefox'),
      expect: { messageId: 'notListed', parameter: 'x-custom' },
    },
  ],
});
