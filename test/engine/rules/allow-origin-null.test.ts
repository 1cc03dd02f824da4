import rule from '../../../src/engine/rules/allow-origin-null';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const CDN = 'https://cdn.example';
/** app → api (302) → cdn: the second hop is cross-origin to both, so the browser sends `Origin: null` (R12). */
const taintingRedirect = (targetHeaders: ReturnType<typeof allow>) => [
  entry({
    status: 302,
    statusText: 'Found',
    redirectURL: `${CDN}/file`,
    responseHeaders: allow(PAGE, { Location: `${CDN}/file` }),
  }),
  entry({ url: `${CDN}/file`, at: 5, requestHeaders: { Origin: 'null' }, responseHeaders: targetHeaders }),
];

testAdviceRule(rule, {
  valid: [
    { name: 'the exact origin', entries: [entry({ responseHeaders: allow(PAGE) })] },
    { name: '"*"', entries: [entry({ responseHeaders: allow('*') })] },
    { name: 'no header', entries: [entry({ error: 'net::ERR_FAILED' })] },
    {
      name: '"Null" is an invalid value, not the null origin: no opaque page matches it',
      entries: [entry({ responseHeaders: allow('Null'), error: 'net::ERR_FAILED' })],
    },
    {
      name: 'a tainting redirect whose target allows "*" without credentials',
      entries: taintingRedirect(allow('*')),
    },
  ],
  invalid: [
    {
      name: 'a request from a real origin answered with "null"',
      entries: [entry({ responseHeaders: allow('null'), error: 'net::ERR_FAILED' })],
      expect: [{ messageId: 'allowsNull', data: { origin: PAGE, url: `${API}/data`, what: 'The response' } }],
    },
    {
      name: 'a preflight answered with "null": the PUT was never sent',
      entries: [
        preflight({ responseHeaders: allow('null', { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT' }),
      ],
      expect: [{ messageId: 'allowsNull', data: { what: 'The preflight (OPTIONS) response' } }],
    },
    {
      name: 'Firefox: a request from a real origin answered with "null"',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow('null') })],
      expect: [{ messageId: 'allowsNull', data: { origin: PAGE } }],
    },
    {
      name: '"null" together with Allow-Credentials: true',
      entries: [
        entry({
          requestHeaders: { Origin: PAGE, Cookie: 'sid=1' },
          responseHeaders: allow('null', { 'Access-Control-Allow-Credentials': 'true' }),
          error: 'net::ERR_FAILED',
        }),
      ],
      expect: [{ messageId: 'withCredentials', data: { url: `${API}/data` } }],
    },
    {
      name: 'after a tainting redirect the target answers "null": it passes, but any opaque page passes too',
      entries: taintingRedirect(allow('null')),
      url: `${API}/data`,
      expect: [
        {
          messageId: 'originWasNull',
          data: {
            url: `${CDN}/file`,
            reason: `after a redirect from one cross-origin server to another (the page is ${PAGE})`,
          },
        },
      ],
    },
    {
      name: 'after a tainting redirect the target answers "null" with credentials',
      entries: taintingRedirect(allow('null', { 'Access-Control-Allow-Credentials': 'true' })),
      expect: [{ messageId: 'withCredentials', data: { url: `${CDN}/file` } }],
    },
    {
      name: 'a sandboxed page (Origin: null) allowed with "null"',
      entries: [entry({ requestHeaders: { Origin: 'null' }, responseHeaders: allow('null') })],
      expect: [
        {
          messageId: 'originWasNull',
          data: {
            reason: 'because the page itself has an opaque origin (a sandboxed iframe, a data: URL or a local file)',
          },
        },
      ],
    },
  ],
});
