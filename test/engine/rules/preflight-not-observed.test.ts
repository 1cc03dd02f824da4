import rule from '../../../src/engine/rules/preflight-not-observed';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

testAdviceRule(rule, {
  valid: [
    { name: 'simple GET needs no preflight', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'form POST with a safelisted Content-Type needs no preflight',
      entries: [
        entry({
          method: 'POST',
          requestHeaders: { Origin: PAGE, 'Content-Type': 'application/x-www-form-urlencoded' },
          responseHeaders: allow(),
        }),
      ],
    },
    {
      name: 'PUT with its preflight in the capture',
      entries: [
        entry({ method: 'PUT', responseHeaders: allow() }),
        preflight({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' }) }),
      ],
    },
    {
      name: 'same-origin PUT needs no preflight',
      entries: [entry({ method: 'PUT', url: `${PAGE}/data`, requestHeaders: { Origin: PAGE } })],
    },
    {
      name: 'Firefox: PUT with its preflight in the capture',
      browser: 'firefox',
      entries: [
        entry({ producer: 'firefox', method: 'PUT', responseHeaders: allow() }),
        preflight({ producer: 'firefox', responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' }) }),
      ],
    },
    {
      name: 'request never sent: a cached preflight cannot explain it',
      entries: [
        notSent({ method: 'PUT', requestHeaders: { 'Content-Type': 'application/json', Referer: `${PAGE}/` } }),
      ],
    },
  ],
  invalid: [
    {
      name: 'PUT sent with no preflight in the capture',
      entries: [entry({ method: 'PUT', responseHeaders: allow() })],
      expect: [{ messageId: 'cached', data: { method: 'PUT', reasons: 'method PUT', url: `${API}/data` } }],
    },
    {
      name: 'POST with a JSON body sent with no preflight in the capture',
      entries: [
        entry({
          method: 'POST',
          requestHeaders: { Origin: PAGE, 'content-TYPE': 'application/json' },
          responseHeaders: allow(),
        }),
      ],
      expect: [
        {
          messageId: 'cached',
          data: {
            method: 'POST',
            reasons:
              'header content-type: application/json is not one of application/x-www-form-urlencoded, multipart/form-data or text/plain',
          },
        },
      ],
    },
    {
      name: 'DELETE with a token sent with no preflight in the capture',
      entries: [
        entry({
          method: 'DELETE',
          requestHeaders: { Origin: PAGE, Authorization: 'Bearer abc' },
          responseHeaders: allow(),
        }),
      ],
      expect: [
        {
          messageId: 'cached',
          data: { reasons: 'method DELETE; header authorization: Authorization is never CORS-safelisted' },
        },
      ],
    },
    {
      name: 'Firefox: PUT sent with no preflight in the capture',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          method: 'PUT',
          requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' },
          responseHeaders: allow(),
        }),
      ],
      expect: [{ messageId: 'cached', data: { method: 'PUT' } }],
    },
  ],
});
