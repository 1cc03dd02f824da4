import rule from '../../../src/engine/rules/allow-origin-duplicated';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const OTHER = 'https://admin.example';
const get = (value: string | string[], extra: Record<string, string> = {}) => [
  entry({ responseHeaders: { 'Access-Control-Allow-Origin': value, ...extra }, error: 'net::ERR_FAILED' }),
];
const firefoxGet = (value: string | string[], extra: Record<string, string> = {}) => [
  entry({ producer: 'firefox', responseHeaders: { 'Access-Control-Allow-Origin': value, ...extra } }),
];

testAdviceRule(rule, {
  valid: [
    { name: 'one header line naming the origin', entries: [entry({ responseHeaders: allow(PAGE) })] },
    { name: 'one "*" line without credentials', entries: [entry({ responseHeaders: allow('*') })] },
    { name: 'one line naming another origin is a plain mismatch', entries: get(OTHER) },
    { name: 'no header at all', entries: [entry({ error: 'net::ERR_FAILED' })] },
    {
      name: 'Firefox: one line naming another origin is a plain mismatch',
      browser: 'firefox',
      entries: firefoxGet(OTHER),
    },
    { name: 'Firefox: one line naming the origin', browser: 'firefox', entries: firefoxGet(PAGE) },
    {
      name: 'one line naming the origin, behind a proxy, with credentials missing Allow-Credentials',
      entries: [
        entry({
          requestHeaders: { Origin: PAGE, Cookie: 'sid=1' },
          responseHeaders: allow(PAGE, { Server: 'nginx' }),
          error: 'net::ERR_FAILED',
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Chromium: two lines, one echoing the origin, one a fixed other origin',
      entries: get([PAGE, OTHER]),
      expect: [
        {
          messageId: 'duplicateLines',
          data: {
            count: '2',
            values: `"${PAGE}" and "${OTHER}"`,
            combined: `${PAGE}, ${OTHER}`,
            which: `keep the layer that sends "${PAGE}" and remove the one that sends "${OTHER}"`,
          },
        },
      ],
    },
    {
      name: 'Chromium: the same origin twice, and the Server header names nginx',
      entries: get([PAGE, PAGE], { Server: 'nginx/1.27.0' }),
      expect: [
        {
          messageId: 'duplicateLinesViaProxy',
          data: {
            values: `"${PAGE}" twice`,
            proxy: 'nginx',
            proxyHeader: 'Server',
            which: 'the copies are identical, so keeping any one of them fixes the request',
          },
        },
      ],
    },
    {
      name: 'behind Cloudflare: a Transform Rule and the app both add the header',
      entries: get([PAGE, '*'], { 'cf-ray': '8f1c2a3b4c5d6e7f-FRA', Server: 'cloudflare' }),
      expect: [
        {
          messageId: 'duplicateLinesViaProxy',
          data: { proxy: 'Cloudflare', proxyHeader: 'cf-ray', combined: `${PAGE}, *` },
        },
      ],
    },
    {
      name: 'AWS API Gateway CORS and the Lambda both add the header',
      entries: get([PAGE, PAGE], { 'x-amzn-RequestId': 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' }),
      expect: [{ messageId: 'duplicateLinesViaProxy', data: { proxy: 'AWS API Gateway' } }],
    },
    {
      name: 'three lines, none of them the page origin',
      entries: get([OTHER, 'https://b.example', OTHER]),
      expect: [
        {
          messageId: 'duplicateLines',
          data: {
            count: '3',
            values: `"${OTHER}", "https://b.example" and "${OTHER}"`,
            which: `none of the copies is this page's origin ${PAGE}, so the layer you keep must also send that origin`,
          },
        },
      ],
    },
    {
      name: 'Firefox: two identical lines (counted as multiple there)',
      browser: 'firefox',
      entries: firefoxGet([PAGE, PAGE]),
      expect: [{ messageId: 'duplicateLines', data: { count: '2', values: `"${PAGE}" twice` } }],
    },
    {
      name: 'Chromium: the whole allowlist in one comma-separated header',
      entries: get(`${PAGE}, ${OTHER}`),
      expect: [
        {
          messageId: 'commaList',
          data: {
            value: `${PAGE}, ${OTHER}`,
            origin: PAGE,
            membership: 'is in that list, so only the way the list is sent is wrong',
          },
        },
      ],
    },
    {
      name: 'Chromium: a space-separated allowlist',
      entries: get(`${OTHER} ${PAGE}`),
      expect: [{ messageId: 'commaList', data: { value: `${OTHER} ${PAGE}` } }],
    },
    {
      name: "an allowlist that does not even hold the page's origin",
      entries: get(`${OTHER}, https://b.example`),
      expect: [
        { messageId: 'commaList', data: { membership: 'is not in that list either, so it must also be added' } },
      ],
    },
    {
      name: 'Firefox: one comma-separated line is reported as a mismatch there, and is still the list problem',
      browser: 'firefox',
      entries: firefoxGet(`${PAGE}, ${OTHER}`),
      expect: [{ messageId: 'commaList', data: { value: `${PAGE}, ${OTHER}` } }],
    },
    {
      name: 'the preflight carries two lines: the PUT was never sent',
      entries: [
        preflight({
          responseHeaders: { 'Access-Control-Allow-Origin': [PAGE, PAGE], 'Access-Control-Allow-Methods': 'PUT' },
        }),
        notSent({ method: 'PUT' }),
      ],
      expect: [
        {
          messageId: 'duplicateLines',
          data: { what: 'The preflight (OPTIONS) response', consequence: 'never sent the PUT request' },
        },
      ],
    },
  ],
});
