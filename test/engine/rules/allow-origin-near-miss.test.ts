import rule from '../../../src/engine/rules/allow-origin-near-miss';
import type { RawHarEntry } from '../../../src/engine';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

/** A GET from `origin` whose response allows `value` (Chromium blocks it: `_error` net::ERR_FAILED). */
const get = (value: string | string[], origin = PAGE, url = `${API}/data`) => [
  entry({
    url,
    requestHeaders: { Origin: origin },
    responseHeaders: allow(value as string),
    error: 'net::ERR_FAILED',
  }),
];
const firefoxGet = (value: string) => [
  entry({ producer: 'firefox', requestHeaders: { Origin: PAGE }, responseHeaders: allow(value) }),
];
const cached = (raw: RawHarEntry): RawHarEntry => ({ ...raw, _fromCache: 'disk' });
const BLOCKED = 'withheld the response from the page, whose script saw a network error';

testAdviceRule(rule, {
  valid: [
    { name: 'the exact origin passes', entries: [entry({ responseHeaders: allow(PAGE) })] },
    {
      name: 'a genuinely different origin is a mismatch, not a near miss',
      entries: get('https://evil.example'),
    },
    { name: 'another subdomain of the same site is not a near miss', entries: get('https://admin.app.example') },
    { name: 'no Access-Control-Allow-Origin at all', entries: [entry({ error: 'net::ERR_FAILED' })] },
    { name: '"*" without credentials passes', entries: [entry({ responseHeaders: allow('*') })] },
    {
      name: 'Chromium: a comma list is "multiple values", not a near miss',
      entries: get(`${PAGE}, https://admin.example`),
    },
    {
      name: 'Firefox: a comma list is reported as a mismatch there, but it is no near miss',
      browser: 'firefox',
      entries: firefoxGet(`${PAGE}/, https://admin.example`),
    },
    {
      name: 'a "null" value on a request from a real origin is not a near miss',
      entries: get('null'),
    },
    {
      name: 'after a tainting redirect the browser sends Origin: null, so the page origin is no near miss',
      entries: [
        entry({
          status: 302,
          statusText: 'Found',
          redirectURL: 'https://cdn.example/file',
          responseHeaders: allow(PAGE, { Location: 'https://cdn.example/file' }),
        }),
        entry({
          url: 'https://cdn.example/file',
          at: 5,
          requestHeaders: { Origin: 'null' },
          responseHeaders: allow(PAGE),
          error: 'net::ERR_FAILED',
        }),
      ],
    },
    {
      name: 'a cached copy made for the http:// page is a cache problem, not a near miss',
      entries: [cached(entry({ responseHeaders: allow('http://app.example'), error: 'net::ERR_FAILED' }))],
    },
    {
      name: 'the right origin without Allow-Credentials fails on credentials, not on the origin',
      entries: [
        entry({
          requestHeaders: { Origin: PAGE, Cookie: 'sid=1' },
          responseHeaders: allow(PAGE),
          error: 'net::ERR_FAILED',
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'an allowlist entry with a trailing slash',
      entries: get(`${PAGE}/`),
      expect: [
        {
          messageId: 'trailingSlash',
          data: { value: 'https://app.example/', origin: PAGE, what: 'The response', consequence: BLOCKED },
        },
      ],
    },
    {
      name: 'a whole URL instead of an origin',
      entries: get(`${PAGE}/dashboard`),
      expect: [{ messageId: 'path', data: { value: 'https://app.example/dashboard', path: '/dashboard' } }],
    },
    {
      name: 'http allowed, page served over https',
      entries: get('http://app.example'),
      expect: [{ messageId: 'scheme', data: { allowedScheme: 'http', actualScheme: 'https', origin: PAGE } }],
    },
    {
      name: 'www allowed, page on the bare domain',
      entries: get('https://www.app.example'),
      expect: [
        {
          messageId: 'www',
          data: { wwwDifference: `the allowed host has "www.", the page's host app.example has not` },
        },
      ],
    },
    {
      name: 'bare domain allowed, page on www',
      entries: get(PAGE, 'https://www.app.example'),
      expect: [
        {
          messageId: 'www',
          data: {
            origin: 'https://www.app.example',
            wwwDifference: `the page's host www.app.example has "www.", the allowed host app.example has not`,
          },
        },
      ],
    },
    {
      name: 'the API allows its own port instead of the dev server port',
      entries: get('http://localhost:3000', 'http://localhost:5173', 'http://localhost:3000/api/items'),
      expect: [
        {
          messageId: 'port',
          data: {
            origin: 'http://localhost:5173',
            portDifference: 'the allowed value has port 3000 where the page uses port 5173',
          },
        },
      ],
    },
    {
      name: 'the default port written out',
      entries: get('https://app.example:443'),
      expect: [{ messageId: 'port', data: { portDifference: 'the allowed value spells out the default port :443' } }],
    },
    {
      name: 'localhost allowed, page opened at 127.0.0.1',
      entries: get('http://localhost:5173', 'http://127.0.0.1:5173', 'http://127.0.0.1:8000/api'),
      expect: [{ messageId: 'loopback', data: { allowedHost: 'localhost', actualHost: '127.0.0.1' } }],
    },
    {
      name: 'upper-case letters in the allowed origin',
      entries: get('https://App.example'),
      expect: [{ messageId: 'letterCase', data: { value: 'https://App.example' } }],
    },
    {
      name: 'Chromium: a host name without scheme is an invalid value, and a near miss',
      entries: get('app.example'),
      expect: [{ messageId: 'missingScheme', data: { value: 'app.example', origin: PAGE } }],
    },
    {
      name: 'Chromium: a quoted origin is an invalid value, and a near miss',
      entries: get('"https://app.example"'),
      expect: [{ messageId: 'quoted', data: { value: '"https://app.example"' } }],
    },
    {
      name: 'an allowlist pattern sent literally',
      entries: get('https://*.app.example', 'https://admin.app.example'),
      expect: [{ messageId: 'wildcardPattern', data: { value: 'https://*.app.example' } }],
    },
    {
      name: 'scheme, www and a trailing slash at once',
      entries: get('http://www.app.example/'),
      expect: [
        {
          messageId: 'several',
          data: {
            differences: `it uses http:// where the page uses https://, it has "www." where the page's host app.example has none and it ends with a slash`,
          },
        },
      ],
    },
    {
      name: 'a near miss on the preflight: the PUT was never sent',
      entries: [
        preflight({ responseHeaders: allow(`${PAGE}/`, { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
      expect: [
        {
          messageId: 'trailingSlash',
          data: { what: 'The preflight (OPTIONS) response', consequence: 'never sent the PUT request' },
        },
      ],
    },
    {
      name: 'Firefox: a trailing slash is a mismatch there too',
      browser: 'firefox',
      entries: firefoxGet(`${PAGE}/`),
      expect: [{ messageId: 'trailingSlash', data: { value: 'https://app.example/' } }],
    },
    {
      name: 'Firefox: a quoted origin is a mismatch there, not an invalid value, and still a near miss',
      browser: 'firefox',
      entries: firefoxGet('"https://app.example"'),
      expect: [{ messageId: 'quoted' }],
    },
  ],
});
