import rule from '../../../src/engine/rules/authorization-covered-by-wildcard';
import { allow, API, entry, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

/** A PUT sending `headers` that passed its preflight, which answered `allowHeaders`. */
function passed(headers: Record<string, string>, allowHeaders: string, producer: 'chromium' | 'firefox' = 'chromium') {
  return [
    entry({ producer, method: 'PUT', requestHeaders: { Origin: PAGE, ...headers }, responseHeaders: allow() }),
    preflight({
      producer,
      requestedHeaders: Object.keys(headers).filter((h) => h !== 'Cookie'),
      responseHeaders: allow(PAGE, {
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': allowHeaders,
      }),
    }),
  ];
}

const bearer = { Authorization: 'Bearer abc', 'Content-Type': 'application/json' };

testAdviceRule(rule, {
  valid: [
    { name: 'Authorization listed by name next to the wildcard', entries: passed(bearer, 'Authorization, *') },
    { name: 'Authorization listed by name in lower case', entries: passed(bearer, 'authorization, content-type') },
    { name: 'wildcard covering a custom header only', entries: passed({ 'X-Custom': '1' }, '*') },
    { name: 'simple GET without a preflight', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'Firefox: Authorization listed by name',
      entries: passed(bearer, 'Authorization, Content-Type', 'firefox'),
      browser: 'firefox',
    },
  ],
  invalid: [
    {
      name: 'bearer token allowed only by the wildcard',
      entries: passed(bearer, '*'),
      expect: [{ messageId: 'wildcard', data: { url: `${API}/data` } }],
    },
    {
      name: 'Authorization alone under a wildcard in odd header casing',
      entries: [
        entry({
          method: 'DELETE',
          requestHeaders: { Origin: PAGE, authorization: 'Basic dTpw' },
          responseHeaders: allow(),
        }),
        preflight({
          for: 'DELETE',
          requestedHeaders: ['Authorization'],
          responseHeaders: allow(PAGE, {
            'ACCESS-CONTROL-ALLOW-METHODS': 'DELETE',
            'access-control-allow-headers': '*',
          }),
        }),
      ],
      expect: [{ messageId: 'wildcard' }],
    },
    {
      name: 'Firefox: bearer token allowed only by the wildcard',
      entries: passed(bearer, '*', 'firefox'),
      browser: 'firefox',
      expect: [{ messageId: 'wildcard' }],
    },
  ],
});
