import rule from '../../../src/engine/rules/allow-origin-wildcard-with-credentials';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

const withCookie = { Origin: PAGE, Cookie: 'session=1' };

testCheckRule(rule, {
  valid: [
    { name: 'wildcard without credentials', stage: 'response', entries: [entry({ responseHeaders: allow('*') })] },
    {
      name: 'credentialed request answered with the origin',
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
      name: 'credentialed request without the header is left to its own rule',
      stage: 'response',
      credentials: true,
      entries: [entry({ requestHeaders: withCookie })],
    },
    {
      name: 'two wildcard lines are a multiple-values error, not a wildcard',
      stage: 'response',
      credentials: true,
      entries: [entry({ responseHeaders: { 'Access-Control-Allow-Origin': ['*', '*'] } })],
    },
    {
      name: 'preflight wildcard without credentials',
      stage: 'preflight',
      entries: [
        preflight({ responseHeaders: allow('*', { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
    },
    {
      name: 'Firefox: wildcard without credentials',
      stage: 'response',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow('*') })],
    },
  ],
  invalid: [
    {
      name: 'wildcard on a request that sent cookies',
      stage: 'response',
      credentials: true,
      entries: [entry({ requestHeaders: withCookie, responseHeaders: allow('*') })],
      expect: { messageId: 'wildcard', parameter: null, data: { what: 'The response', origin: PAGE } },
    },
    {
      name: 'wildcard even with Access-Control-Allow-Credentials true',
      stage: 'response',
      credentials: true,
      entries: [
        entry({ responseHeaders: { 'access-control-allow-origin': '*', 'Access-Control-Allow-Credentials': 'true' } }),
      ],
      expect: { messageId: 'wildcard' },
    },
    {
      name: 'wildcard on the preflight of a credentialed request',
      stage: 'preflight',
      credentials: true,
      entries: [
        preflight({ responseHeaders: allow('*', { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
      expect: {
        messageId: 'wildcard',
        data: { what: 'The preflight (OPTIONS) response', consequence: 'never sent the PUT request' },
      },
    },
    {
      name: 'wildcard on a redirect of a credentialed request',
      stage: 'redirect',
      credentials: true,
      entries: [
        entry({
          status: 307,
          redirectURL: 'https://api.example/v2/data',
          responseHeaders: allow('*', { Location: '/v2/data' }),
        }),
        entry({ url: 'https://api.example/v2/data', at: 5, responseHeaders: allow(PAGE) }),
      ],
      expect: { messageId: 'wildcard', data: { what: 'The 307 redirect' } },
    },
    {
      name: 'Firefox: wildcard with credentials',
      stage: 'response',
      credentials: true,
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', requestHeaders: withCookie, responseHeaders: allow('*') })],
      expect: { messageId: 'wildcard' },
    },
  ],
});
