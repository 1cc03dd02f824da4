import rule from '../../../src/engine/rules/redirect-contains-credentials';
import { allow, API, entry, PAGE } from '../../support/har-builders';
import { testCheckRule } from '../../support/rule-tester';

/** A CORS request to `from` answered with a redirect to `location`, which the browser did not follow. */
const redirect = (
  location: string,
  from = `${API}/data`,
  status = 302,
  producer: 'chromium' | 'firefox' = 'chromium',
) => [
  entry({
    producer,
    url: from,
    status,
    redirectURL: location,
    requestHeaders: { Origin: PAGE, Referer: `${PAGE}/` },
    responseHeaders: allow(PAGE, { Location: location }),
  }),
];

testCheckRule(rule, {
  valid: [
    { name: 'redirect to a plain URL', stage: 'redirect', entries: redirect('https://cdn.example/data') },
    {
      name: 'same-origin redirect to the page origin with credentials in the URL',
      stage: 'redirect',
      entries: redirect(`https://user:pass@app.example/data`, `${PAGE}/old`),
    },
    {
      name: 'response that is not a redirect',
      stage: 'response',
      entries: [entry({ responseHeaders: allow() })],
    },
    {
      name: 'Firefox: redirect to a plain URL',
      stage: 'redirect',
      browser: 'firefox',
      entries: redirect(`${API}/v2/data`, undefined, 307, 'firefox'),
    },
  ],
  invalid: [
    {
      name: 'redirect to another origin with user and password',
      stage: 'redirect',
      entries: redirect('https://user:secret@cdn.example/data'),
      expect: {
        messageId: 'credentialsInUrl',
        // Chromium's CorsErrorStatus names no failed parameter for this error (measured by the CORS lab).
        parameter: null,
        data: { status: '302', url: `${API}/data`, location: 'https://user:secret@cdn.example/data' },
      },
    },
    {
      name: 'redirect with a user name only',
      stage: 'redirect',
      entries: redirect('https://token@cdn.example/data', undefined, 307),
      expect: { messageId: 'credentialsInUrl', data: { status: '307' } },
    },
    {
      name: 'redirect to the same cross-origin server with credentials',
      stage: 'redirect',
      entries: redirect('https://user:pass@api.example/v2/data'),
      expect: { messageId: 'credentialsInUrl', parameter: null },
    },
    {
      name: "cross-origin redirect back to the page's origin with credentials",
      stage: 'redirect',
      entries: redirect('https://user:pass@app.example/data'),
      expect: { messageId: 'credentialsInUrl', parameter: null },
    },
    {
      name: 'Firefox: redirect to another origin with user and password',
      stage: 'redirect',
      browser: 'firefox',
      entries: redirect('https://user:secret@cdn.example/data', undefined, 302, 'firefox'),
      expect: { messageId: 'credentialsInUrl' },
    },
  ],
});
