import rule from '../../../src/engine/rules/allow-origin-wrong-environment';
import type { RawHarEntry } from '../../../src/engine';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

/** A GET from `origin` whose response allows `value` (Chromium blocks it). */
const get = (value: string, origin = PAGE, url = `${API}/data`) => [
  entry({ url, requestHeaders: { Origin: origin }, responseHeaders: allow(value), error: 'net::ERR_FAILED' }),
];
const cached = (raw: RawHarEntry): RawHarEntry => ({ ...raw, _fromCache: 'disk' });
const LOCAL = "a development origin on a developer's own machine";

testAdviceRule(rule, {
  valid: [
    { name: 'the exact origin passes', entries: [entry({ responseHeaders: allow(PAGE) })] },
    {
      name: 'a local page allowed exactly passes',
      entries: [
        entry({
          url: 'http://localhost:3000/api',
          requestHeaders: { Origin: 'http://localhost:5173' },
          responseHeaders: allow('http://localhost:5173'),
        }),
      ],
    },
    {
      name: 'localhost allowed while the page is at 127.0.0.1 is a near miss, not another environment',
      entries: get('http://localhost:5173', 'http://127.0.0.1:5173', 'http://127.0.0.1:8000/api'),
    },
    {
      name: 'another port on the same local host is a near miss, not another environment',
      entries: get('http://localhost:3000', 'http://localhost:5173', 'http://localhost:8000/api'),
    },
    {
      name: 'a different public origin is a mismatch but no environment',
      entries: get('https://evil.example'),
    },
    { name: 'a public host on the .dev top-level domain is no environment', entries: get('https://app.dev') },
    { name: '"null" is not a host on a private network', entries: get('null') },
    {
      name: 'Chromium: a list naming localhost is "multiple values", another rule',
      entries: get(`${PAGE}, http://localhost:3000`),
    },
    {
      name: 'Firefox: a list naming localhost is a mismatch there, still not this rule',
      browser: 'firefox',
      entries: [
        entry({ producer: 'firefox', responseHeaders: allow(`https://staging.app.example, http://localhost:3000`) }),
      ],
    },
    {
      name: 'a cached copy made for the staging page is a cache problem, not a configuration one',
      entries: [cached(entry({ responseHeaders: allow('https://staging.app.example'), error: 'net::ERR_FAILED' }))],
    },
  ],
  invalid: [
    {
      name: 'production page, allowlist still on the dev server',
      entries: get('http://localhost:3000'),
      expect: [
        {
          messageId: 'developmentOrigin',
          data: { value: 'http://localhost:3000', origin: PAGE, host: 'localhost', place: LOCAL },
        },
      ],
    },
    {
      name: 'production page, allowlist names a LAN address',
      entries: get('http://192.168.1.20:8080'),
      expect: [
        { messageId: 'developmentOrigin', data: { host: '192.168.1.20', place: 'an address on a private network' } },
      ],
    },
    {
      name: 'dev page opened over the LAN, allowlist names localhost',
      entries: get('http://localhost:5173', 'http://192.168.1.20:5173', 'http://192.168.1.20:8000/api'),
      expect: [{ messageId: 'developmentOrigin', data: { origin: 'http://192.168.1.20:5173', place: LOCAL } }],
    },
    {
      name: 'production page, allowlist copied from staging',
      entries: get('https://staging.app.example'),
      expect: [
        {
          messageId: 'stagingOrigin',
          data: { host: 'staging.app.example', place: 'a staging or test environment', origin: PAGE },
        },
      ],
    },
    {
      name: 'staging page, allowlist of the QA environment',
      entries: get('https://qa.app.example', 'https://staging.app.example'),
      expect: [{ messageId: 'stagingOrigin', data: { host: 'qa.app.example', origin: 'https://staging.app.example' } }],
    },
    {
      name: 'production page, allowlist names a Vercel preview deployment',
      entries: get('https://myapp-git-feature-login-acme.vercel.app'),
      expect: [{ messageId: 'previewOrigin', data: { place: 'a preview deployment' } }],
    },
    {
      name: 'production page on Netlify, allowlist names a deploy preview',
      entries: get('https://deploy-preview-12--mysite.netlify.app', 'https://mysite.netlify.app'),
      expect: [{ messageId: 'previewOrigin', data: { origin: 'https://mysite.netlify.app' } }],
    },
    {
      name: 'Chromium: "localhost:3000" without a scheme is an invalid value naming the dev server',
      entries: get('localhost:3000'),
      expect: [{ messageId: 'developmentOrigin', data: { host: 'localhost', value: 'localhost:3000' } }],
    },
    {
      name: 'the preflight allows the dev environment: the PUT was never sent',
      entries: [
        preflight({
          responseHeaders: allow('https://dev.app.example', { 'Access-Control-Allow-Methods': 'PUT' }),
        }),
        notSent({ method: 'PUT' }),
      ],
      expect: [
        {
          messageId: 'stagingOrigin',
          data: { what: 'The preflight (OPTIONS) response', consequence: 'never sent the PUT request' },
        },
      ],
    },
    {
      name: 'Firefox: the dev-server origin is a mismatch there too',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow('http://localhost:3000') })],
      expect: [{ messageId: 'developmentOrigin', data: { value: 'http://localhost:3000' } }],
    },
  ],
});
