import rule from '../../../src/engine/rules/credentials-mode-unknown';
import { allow, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

type Headers = ReturnType<typeof allow>;

const firefoxGet = (responseHeaders: Headers, requestHeaders: Headers = { Origin: PAGE }) => [
  entry({ producer: 'firefox', requestHeaders, responseHeaders }),
];

testAdviceRule(rule, {
  valid: [
    {
      name: 'cookie sent, so credentials are known',
      browser: 'firefox',
      entries: firefoxGet(allow('*'), { Origin: PAGE, Cookie: 'session=1' }),
    },
    {
      name: 'origin and credentials allowed: same verdict either way',
      browser: 'firefox',
      entries: firefoxGet(allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' })),
    },
    { name: 'no CORS headers: blocked the same way either way', browser: 'firefox', entries: firefoxGet({}) },
    {
      name: 'Chromium completed a wildcard response, which rules credentials out',
      entries: [entry({ responseHeaders: allow('*') })],
    },
    {
      name: 'Chromium failed a response that only credentials would fail',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: allow() })],
    },
    {
      name: 'Chromium never sent the request after a wildcard preflight',
      entries: [
        preflight({ responseHeaders: allow('*', { 'Access-Control-Allow-Methods': 'PUT' }) }),
        notSent({ method: 'PUT', at: 0 }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Firefox: wildcard response with no cookie to tell',
      browser: 'firefox',
      entries: firefoxGet(allow('*')),
      expect: [
        {
          messageId: 'depends',
          data: { without: 'allows it', with: 'blocks it (CORSNotSupportingCredentials)', origin: PAGE },
        },
      ],
    },
    {
      name: 'Firefox: origin allowed but no Access-Control-Allow-Credentials',
      browser: 'firefox',
      entries: firefoxGet(allow()),
      expect: [
        { messageId: 'depends', data: { without: 'allows it', with: 'blocks it (CORSMissingAllowCredentials)' } },
      ],
    },
    {
      name: 'Firefox: credentials header in odd casing saying "True"',
      browser: 'firefox',
      entries: firefoxGet(allow(PAGE, { 'ACCESS-CONTROL-ALLOW-CREDENTIALS': 'True' })),
      expect: [{ messageId: 'depends', data: { with: 'blocks it (CORSMissingAllowCredentials)' } }],
    },
  ],
});
