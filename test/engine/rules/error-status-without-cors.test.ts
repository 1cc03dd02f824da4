import rule from '../../../src/engine/rules/error-status-without-cors';
import { allow, API, entry, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const json = { Origin: PAGE, 'Content-Type': 'application/json' };
const goodPreflight = preflight({
  requestedHeaders: ['content-type'],
  responseHeaders: allow(PAGE, {
    'Access-Control-Allow-Methods': 'PUT',
    'Access-Control-Allow-Headers': 'Content-Type',
  }),
});
const put = (status: number, statusText: string, responseHeaders = {}) =>
  entry({ method: 'PUT', at: 0, status, statusText, requestHeaders: json, responseHeaders });

testAdviceRule(rule, {
  valid: [
    {
      name: 'a 401 that carries CORS headers reaches the page: not hidden',
      entries: [goodPreflight, put(401, 'Unauthorized', allow())],
    },
    { name: 'a 200 without CORS headers is a plain missing header', entries: [goodPreflight, put(200, 'OK')] },
    {
      name: 'a 500 from a server that never sends CORS headers anywhere is not proof of a hidden error',
      entries: [entry({ status: 500, statusText: 'Internal Server Error' })],
    },
    {
      name: 'a preflight that failed is not this rule (the request never got a status)',
      entries: [preflight({ status: 401, statusText: 'Unauthorized' }), put(0, '')],
    },
  ],
  invalid: [
    {
      name: 'good preflight, then a 500 without CORS headers',
      entries: [goodPreflight, put(500, 'Internal Server Error')],
      expect: [
        {
          messageId: 'hiddenError',
          data: {
            status: '500 Internal Server Error',
            code: '500',
            method: 'PUT',
            proof: `its preflight passed with Access-Control-Allow-Origin: ${PAGE}`,
          },
        },
      ],
    },
    {
      name: 'a simple GET answered 401 while another endpoint of the server sends CORS headers',
      entries: [
        entry({ url: `${API}/health`, at: 0, responseHeaders: allow() }),
        entry({
          url: `${API}/me`,
          at: 10,
          status: 401,
          statusText: 'Unauthorized',
          responseHeaders: { 'WWW-Authenticate': 'Bearer' },
        }),
      ],
      url: `${API}/me`,
      expect: [
        {
          messageId: 'hiddenError',
          data: {
            code: '401',
            meaning: 'the request was not authenticated: a missing, expired or invalid token or session cookie',
          },
        },
      ],
    },
    {
      name: 'a 502 from the gateway in front of the app',
      entries: [goodPreflight, put(502, 'Bad Gateway', { Server: 'nginx' })],
      expect: [
        {
          messageId: 'hiddenError',
          data: {
            code: '502',
            meaning: 'a proxy or gateway could not get a valid answer from the application (down or crashing)',
          },
        },
      ],
    },
  ],
});
