import rule from '../../../src/engine/rules/preflight-route-missing';
import { allow, API, entry, PAGE, preflight, preflightedPut } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const corsHeaders = allow(PAGE, {
  'Access-Control-Allow-Methods': 'GET, PUT',
  'Access-Control-Allow-Headers': 'Content-Type',
});
const requested = ['content-type'];
const { answered, blockedPut, passed, firefoxStopped } = preflightedPut(requested);

testAdviceRule(rule, {
  valid: [
    {
      name: 'a 204 preflight with CORS headers that let the PUT through',
      entries: passed(corsHeaders),
    },
    {
      name: 'a 204 preflight with CORS headers that omit the method fails on the method, not a missing route',
      entries: [answered(204, 'No Content', allow(PAGE, { 'Access-Control-Allow-Methods': 'GET, POST' })), blockedPut],
    },
    {
      name: 'a 200 preflight with Allow-Methods and Allow-Headers but no Allow-Origin: CORS handling ran',
      entries: [
        answered(200, 'OK', { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Content-Type' }),
        blockedPut,
      ],
    },
    {
      name: 'a 401 preflight is authentication, not a missing route',
      entries: [answered(401, 'Unauthorized'), blockedPut],
    },
    {
      name: 'a 403 preflight from API Gateway for a real authorizer denial is not a missing route',
      entries: [answered(403, 'Forbidden', { 'x-amzn-ErrorType': 'AccessDeniedException' }), blockedPut],
    },
    {
      name: 'a 500 preflight is a server error, not a missing route',
      entries: [answered(500, 'Internal Server Error'), blockedPut],
    },
    {
      name: 'a 404 on a simple GET is not about a preflight',
      entries: [entry({ status: 404, statusText: 'Not Found' })],
    },
    {
      name: 'Firefox: a 204 preflight with CORS headers',
      browser: 'firefox',
      entries: passed(corsHeaders, 'firefox'),
    },
  ],
  invalid: [
    {
      name: 'no OPTIONS route: 404 without CORS headers',
      entries: [answered(404, 'Not Found', { 'Content-Type': 'application/json' }), blockedPut],
      expect: [
        { messageId: 'notFound', data: { url: `${API}/data`, status: '404 Not Found', method: 'PUT', origin: PAGE } },
      ],
    },
    {
      name: 'a 404 preflight that carries CORS headers is still a missing route',
      entries: [answered(404, 'Not Found', corsHeaders), blockedPut],
      expect: [{ messageId: 'notFound', data: { status: '404 Not Found' } }],
    },
    {
      name: 'the route accepts GET and PUT but answers OPTIONS 405',
      entries: [answered(405, 'Method Not Allowed', { Allow: 'GET, PUT' }), blockedPut],
      expect: [{ messageId: 'methodNotAllowed', data: { status: '405 Method Not Allowed', allow: 'Allow: GET, PUT' } }],
    },
    {
      name: 'a server that does not implement OPTIONS: 501',
      entries: [answered(501, 'Not Implemented'), blockedPut],
      expect: [{ messageId: 'methodNotAllowed', data: { status: '501 Not Implemented', allow: 'no Allow header' } }],
    },
    {
      name: "the framework's automatic OPTIONS answer: 200 with only an Allow header",
      entries: [answered(200, 'OK', { Allow: 'GET,HEAD,PUT', 'Content-Type': 'text/html; charset=utf-8' }), blockedPut],
      expect: [
        {
          messageId: 'automaticAnswer',
          data: { status: '200 OK', responder: "the framework's automatic OPTIONS answer (Allow: GET,HEAD,PUT)" },
        },
      ],
    },
    {
      name: 'a bare 204 to OPTIONS, without Allow or CORS headers',
      entries: [answered(204, 'No Content'), blockedPut],
      expect: [
        {
          messageId: 'automaticAnswer',
          data: { status: '204 No Content', responder: 'a handler that knows nothing of CORS' },
        },
      ],
    },
    {
      name: 'AWS API Gateway without an OPTIONS method: 403 "Missing Authentication Token"',
      entries: [
        answered(403, 'Forbidden', {
          'x-amzn-ErrorType': 'MissingAuthenticationTokenException',
          'Content-Type': 'application/json',
        }),
        blockedPut,
      ],
      expect: [
        {
          messageId: 'apiGateway',
          data: { status: '403 Forbidden', errorType: 'MissingAuthenticationTokenException', origin: PAGE },
        },
      ],
    },
    {
      name: 'Firefox getHAR: a 404 preflight and the PUT it never sent',
      browser: 'firefox',
      entries: firefoxStopped(404, 'Not Found'),
      expect: [{ messageId: 'notFound', data: { method: 'PUT' } }],
    },
    {
      name: 'Firefox live stream: only the 405 preflight is recorded',
      browser: 'firefox',
      entries: [
        preflight({
          producer: 'firefox',
          for: 'DELETE',
          status: 405,
          statusText: 'Method Not Allowed',
          responseHeaders: { Allow: 'GET, HEAD' },
        }),
      ],
      expect: [{ messageId: 'methodNotAllowed', data: { method: 'DELETE', allow: 'Allow: GET, HEAD' } }],
    },
  ],
});
