import rule from '../../../src/engine/rules/preflight-redirect';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const corsHeaders = allow(PAGE, {
  'Access-Control-Allow-Methods': 'PUT',
  'Access-Control-Allow-Headers': 'Content-Type',
});
const requested = ['content-type'];
const REASON: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
};
/** A preflight redirected to `location` (as the Location header writes it), and the PUT it blocked. */
const redirected = (
  status: number,
  location: string,
  options: {
    url?: string;
    headers?: Record<string, string | string[]>;
    producer?: 'chromium' | 'firefox';
    origin?: string;
  } = {},
) => [
  preflight({
    url: options.url,
    status,
    statusText: REASON[status],
    producer: options.producer,
    origin: options.origin,
    requestedHeaders: requested,
    responseHeaders: { ...(options.headers ?? corsHeaders), Location: location },
  }),
  notSent({
    url: options.url,
    producer: options.producer,
    method: 'PUT',
    requestHeaders: options.producer === 'firefox' ? { Origin: options.origin ?? PAGE } : undefined,
  }),
];

testAdviceRule(rule, {
  valid: [
    {
      name: 'a /items → /items/ redirect on a simple GET that needed no preflight',
      entries: [
        entry({
          url: `${API}/items`,
          status: 301,
          statusText: 'Moved Permanently',
          responseHeaders: { Location: '/items/' },
        }),
        entry({ url: `${API}/items/`, at: 5, responseHeaders: allow() }),
      ],
    },
    {
      name: 'a 3xx on the real request after a preflight that passed',
      entries: [
        preflight({ requestedHeaders: requested, responseHeaders: corsHeaders }),
        entry({
          method: 'PUT',
          status: 307,
          statusText: 'Temporary Redirect',
          requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' },
          responseHeaders: { Location: `${API}/data/`, 'Access-Control-Allow-Origin': PAGE },
        }),
      ],
    },
    {
      name: 'a 304 on the preflight is not a redirect',
      entries: [
        preflight({
          status: 304,
          statusText: 'Not Modified',
          requestedHeaders: requested,
          responseHeaders: corsHeaders,
        }),
        notSent({ method: 'PUT' }),
      ],
    },
    {
      name: 'a 204 preflight with CORS headers',
      entries: [preflight({ requestedHeaders: requested, responseHeaders: corsHeaders }), notSent({ method: 'PUT' })],
    },
    {
      name: 'Firefox: a trailing-slash redirect on a simple GET',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: `${API}/items`,
          status: 301,
          responseHeaders: { Location: `${API}/items/`, 'Access-Control-Allow-Origin': PAGE },
        }),
        entry({ producer: 'firefox', url: `${API}/items/`, at: 5, responseHeaders: allow() }),
      ],
    },
  ],
  invalid: [
    {
      name: 'trailing slash added, from a relative Location (Chromium fails the redirect first)',
      entries: redirected(301, '/data/'),
      expect: [
        {
          messageId: 'trailingSlashAdded',
          data: { url: `${API}/data`, status: '301 Moved Permanently', location: `${API}/data/`, method: 'PUT' },
        },
      ],
    },
    {
      name: 'trailing slash removed',
      entries: redirected(308, `${API}/data`, { url: `${API}/data/` }),
      expect: [{ messageId: 'trailingSlashRemoved', data: { url: `${API}/data/`, location: `${API}/data` } }],
    },
    {
      name: 'http to https upgrade',
      entries: redirected(301, 'https://api.example/data', {
        url: 'http://api.example/data',
        origin: 'http://app.example',
        headers: allow('http://app.example'),
      }),
      expect: [{ messageId: 'httpsUpgrade', data: { url: 'http://api.example/data', location: `${API}/data` } }],
    },
    {
      name: 'apex to www',
      entries: redirected(301, 'https://www.example.com/api/data', { url: 'https://example.com/api/data' }),
      expect: [
        {
          messageId: 'apexWww',
          data: { fromHost: 'example.com', toHost: 'www.example.com', location: 'https://www.example.com/api/data' },
        },
      ],
    },
    {
      name: 'www to apex',
      entries: redirected(301, 'https://example.com/api/data', { url: 'https://www.example.com/api/data' }),
      expect: [{ messageId: 'apexWww', data: { fromHost: 'www.example.com', toHost: 'example.com' } }],
    },
    {
      name: 'a moved API on another host',
      entries: redirected(308, 'https://api-v2.example/data'),
      expect: [{ messageId: 'otherHost', data: { toHost: 'api-v2.example' } }],
    },
    {
      name: 'an unauthenticated preflight sent to the login page',
      entries: redirected(302, '/login?next=/data', { headers: {} }),
      expect: [{ messageId: 'login', data: { location: `${API}/login?next=/data`, status: '302 Found' } }],
    },
    {
      name: 'a locale redirect is some other redirect',
      entries: redirected(302, '/en/data'),
      expect: [{ messageId: 'other', data: { location: `${API}/en/data` } }],
    },
    {
      name: 'a 3xx without a Location header',
      entries: [
        preflight({ status: 307, statusText: '', requestedHeaders: requested, responseHeaders: corsHeaders }),
        notSent({ method: 'PUT' }),
      ],
      expect: [{ messageId: 'noLocation', data: { url: `${API}/data`, status: '307', method: 'PUT' } }],
    },
    {
      name: 'Firefox getHAR: a 301 without CORS headers fails the Allow-Origin check first',
      browser: 'firefox',
      entries: redirected(301, `${API}/data/?run=1`, { url: `${API}/data?run=1`, producer: 'firefox', headers: {} }),
      expect: [{ messageId: 'trailingSlashAdded', data: { url: `${API}/data?run=1`, location: `${API}/data/?run=1` } }],
    },
    {
      name: 'Firefox live stream: a 301 with CORS headers, only the preflight recorded',
      browser: 'firefox',
      entries: [
        preflight({
          producer: 'firefox',
          status: 301,
          statusText: 'Moved Permanently',
          requestedHeaders: requested,
          responseHeaders: { ...corsHeaders, Location: `${API}/data/` },
        }),
      ],
      expect: [{ messageId: 'trailingSlashAdded', data: { method: 'PUT' } }],
    },
    {
      name: 'Firefox: a login redirect whose Allow-Origin names another origin',
      browser: 'firefox',
      entries: redirected(302, 'https://sso.example/signin', {
        producer: 'firefox',
        headers: allow('https://other.example'),
      }),
      expect: [{ messageId: 'login', data: { location: 'https://sso.example/signin' } }],
    },
  ],
});
