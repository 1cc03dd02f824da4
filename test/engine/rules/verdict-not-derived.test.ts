import rule from '../../../src/engine/rules/verdict-not-derived';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const credentialed = allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' });
const provisional = { 'Content-Type': 'application/json', Referer: `${PAGE}/` };

testAdviceRule(rule, {
  valid: [
    { name: 'request allowed and completed', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'blocked for a reason the capture shows',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: { 'Content-Type': 'application/json' } })],
    },
    {
      name: 'blocked at a preflight the capture shows',
      entries: [preflight({ status: 404, statusText: 'Not Found' }), notSent({ method: 'PUT', at: 0 })],
    },
    {
      name: 'network error, not a CORS block',
      entries: [entry({ status: 0, statusText: '', error: 'net::ERR_CONNECTION_REFUSED' })],
    },
    {
      name: 'Firefox: response with the header',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow() })],
    },
  ],
  invalid: [
    {
      name: 'Chromium failed a response whose every check passes',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: credentialed })],
      expect: [{ messageId: 'failedButPasses', data: { browser: 'Chromium', evidence: '"net::ERR_FAILED"' } }],
    },
    {
      name: 'Chromium failed a wildcard response to a request that sent cookies and was allowed',
      entries: [
        entry({
          error: 'net::ERR_FAILED',
          requestHeaders: { Origin: PAGE, Cookie: 'session=1' },
          responseHeaders: { 'access-control-allow-origin': PAGE, 'ACCESS-CONTROL-ALLOW-CREDENTIALS': 'true' },
        }),
      ],
      expect: [{ messageId: 'failedButPasses' }],
    },
    {
      name: 'PUT never sent and its preflight missing from the capture',
      entries: [notSent({ method: 'PUT', requestHeaders: provisional })],
      expect: [{ messageId: 'notCaptured', data: { method: 'PUT', url: `${API}/data` } }],
    },
    {
      name: 'Firefox: PUT never sent and its preflight missing from the capture',
      browser: 'firefox',
      entries: [
        notSent({ producer: 'firefox', method: 'PUT', requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' } }),
      ],
      expect: [{ messageId: 'notCaptured', data: { method: 'PUT' } }],
    },
  ],
});
