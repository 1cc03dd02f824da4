import rule from '../../../src/engine/rules/credentials-wildcard';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const withCookie = { Origin: PAGE, Cookie: 'sid=s3cr3t' };
const FETCH = "`credentials: 'include'` in the fetch() call";
const credentialedPreflight = (extra: Record<string, string>, requestedHeaders: string[] = []) =>
  preflight({
    requestedHeaders,
    responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'true', ...extra }),
  });

testAdviceRule(rule, {
  valid: [
    {
      name: '"*" without credentials is fine (the request completed)',
      entries: [entry({ responseHeaders: allow('*') })],
    },
    {
      name: 'the exact origin with Allow-Credentials: true and a cookie',
      entries: [
        entry({
          requestHeaders: withCookie,
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' }),
        }),
      ],
    },
    {
      name: 'the exact origin with a cookie but no Allow-Credentials is another failure',
      entries: [entry({ requestHeaders: withCookie, responseHeaders: allow(PAGE), error: 'net::ERR_FAILED' })],
    },
    {
      name: '"Access-Control-Allow-Headers: *" without credentials covers the header (the PUT was sent)',
      entries: [
        preflight({
          requestedHeaders: ['x-trace'],
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }),
        }),
        entry({ method: 'PUT', at: 0, requestHeaders: { Origin: PAGE, 'X-Trace': '1' }, responseHeaders: allow(PAGE) }),
      ],
    },
    {
      name: 'with credentials, a header missing from an explicit list is not a wildcard problem',
      entries: [
        credentialedPreflight(
          { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type' },
          ['x-trace'],
        ),
        notSent({ method: 'PUT', requestHeaders: { 'X-Trace': '1' } }),
      ],
    },
  ],
  invalid: [
    {
      name: 'fetch with credentials: "include" meets "*"',
      entries: [entry({ requestHeaders: withCookie, responseHeaders: allow('*'), error: 'net::ERR_FAILED' })],
      expect: [
        {
          messageId: 'wildcardOrigin',
          data: {
            url: `${API}/data`,
            clientSetting: FETCH,
            credentialsEvidence: 'The request carried a Cookie header (entry 0).',
            acacNote: '',
            origin: PAGE,
          },
        },
      ],
    },
    {
      name: 'XHR withCredentials meets "*" plus Allow-Credentials: true',
      entries: [
        entry({
          resourceType: 'xhr',
          requestHeaders: withCookie,
          responseHeaders: allow('*', { 'Access-Control-Allow-Credentials': 'true' }),
          error: 'net::ERR_FAILED',
        }),
      ],
      expect: [
        {
          messageId: 'wildcardOrigin',
          data: {
            clientSetting: '`withCredentials = true` on the XMLHttpRequest (axios: `withCredentials: true`)',
            acacNote:
              ' together with `Access-Control-Allow-Credentials: true`, so the server means to accept credentials',
          },
        },
      ],
    },
    {
      name: 'a credentialed PUT whose preflight answers "*": the PUT was never sent',
      entries: [
        preflight({ responseHeaders: allow('*', { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
      expect: [
        {
          messageId: 'wildcardOrigin',
          data: {
            what: 'The preflight (OPTIONS) response',
            consequence: 'never sent the PUT request',
            credentialsEvidence:
              'Inferred by elimination: no Cookie header was sent, but the browser never sent the request, which only fits a request with credentials.',
          },
        },
      ],
    },
    {
      name: 'a credentialed PUT whose preflight allows headers "*"',
      entries: [
        credentialedPreflight({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }, [
          'content-type',
        ]),
        notSent({ method: 'PUT' }),
      ],
      expect: [
        {
          messageId: 'wildcardHeaders',
          data: { header: 'content-type', suggested: 'content-type', origin: PAGE },
        },
      ],
    },
    {
      name: 'a credentialed PUT whose preflight allows methods "*"',
      entries: [credentialedPreflight({ 'Access-Control-Allow-Methods': '*' }), notSent({ method: 'PUT' })],
      expect: [{ messageId: 'wildcardMethods', data: { method: 'PUT', suggested: 'PUT' } }],
    },
    {
      name: 'Firefox: a request with a cookie meets "*"',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', requestHeaders: withCookie, responseHeaders: allow('*') })],
      expect: [
        {
          messageId: 'wildcardOrigin',
          data: { credentialsEvidence: 'The request carried a Cookie header (entry 0).' },
        },
      ],
    },
  ],
});
