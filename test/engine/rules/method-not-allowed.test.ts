import rule from '../../../src/engine/rules/method-not-allowed';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

/** A `method` request blocked at a preflight that answered `allowMethods`. */
function blocked(method: string, allowMethods?: string | string[], producer: 'chromium' | 'firefox' = 'chromium') {
  const responseHeaders = allow(
    PAGE,
    allowMethods === undefined ? {} : { 'Access-Control-Allow-Methods': allowMethods },
  );
  return [preflight({ producer, for: method, responseHeaders }), notSent({ producer, method })];
}

testCheckRule(rule, {
  valid: [
    { name: 'method listed', stage: 'preflight', entries: blocked('PUT', 'GET, PUT, DELETE') },
    {
      name: 'methods split over two header lines',
      stage: 'preflight',
      entries: blocked('DELETE', ['GET, PUT', 'DELETE']),
    },
    { name: 'wildcard without credentials', stage: 'preflight', entries: blocked('DELETE', '*') },
    {
      name: 'credentialed request with the method listed next to the wildcard',
      stage: 'preflight',
      credentials: true,
      entries: blocked('PUT', '*, PUT'),
    },
    {
      name: 'Chromium upper-cases the request method: patch is allowed by PATCH',
      stage: 'preflight',
      entries: blocked('patch', 'PATCH'),
    },
    {
      name: 'safelisted POST needs no listing even without the header',
      stage: 'preflight',
      entries: [
        preflight({
          for: 'POST',
          requestedHeaders: ['Content-Type'],
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Headers': 'Content-Type' }),
        }),
        notSent({ method: 'POST' }),
      ],
    },
    {
      name: 'Firefox: method listed',
      stage: 'preflight',
      browser: 'firefox',
      entries: blocked('PUT', 'PUT', 'firefox'),
    },
    {
      name: 'Firefox: lower-case patch listed in lower case',
      stage: 'preflight',
      browser: 'firefox',
      entries: blocked('patch', 'patch', 'firefox'),
    },
    {
      name: 'a request that needed no preflight',
      stage: 'response',
      entries: [entry({ responseHeaders: allow() })],
    },
  ],
  invalid: [
    {
      name: 'no Access-Control-Allow-Methods at all',
      stage: 'preflight',
      entries: blocked('PUT'),
      expect: {
        messageId: 'notListed',
        parameter: 'PUT',
        data: { method: 'PUT', allowed: '(absent)', suggested: 'PUT' },
      },
    },
    {
      name: 'only the safelisted methods listed',
      stage: 'preflight',
      entries: blocked('DELETE', 'GET, POST'),
      expect: { messageId: 'notListed', parameter: 'DELETE', data: { suggested: 'GET, POST, DELETE' } },
    },
    {
      name: 'method listed in lower case: put does not allow PUT',
      stage: 'preflight',
      entries: blocked('PUT', 'get, post, put'),
      expect: { messageId: 'notListed', parameter: 'PUT', data: { allowed: '"get, post, put"' } },
    },
    {
      name: 'wildcard with credentials',
      stage: 'preflight',
      credentials: true,
      entries: blocked('PUT', '*'),
      expect: { messageId: 'wildcardWithCredentials', parameter: 'PUT', data: { suggested: 'PUT' } },
    },
    {
      name: 'Firefox: patch is not allowed by PATCH',
      stage: 'preflight',
      browser: 'firefox',
      entries: blocked('patch', 'GET, PATCH', 'firefox'),
      expect: { messageId: 'lowerCaseMethod', parameter: 'patch', data: { method: 'patch', upper: 'PATCH' } },
    },
    {
      name: 'Firefox: method listed in lower case',
      stage: 'preflight',
      browser: 'firefox',
      entries: blocked('PUT', 'put', 'firefox'),
      expect: { messageId: 'notListed', parameter: 'PUT' },
    },
  ],
});
