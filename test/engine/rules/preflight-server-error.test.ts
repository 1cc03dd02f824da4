import rule from '../../../src/engine/rules/preflight-server-error';
import { allow, API, entry, PAGE, preflight, preflightedPut } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const corsHeaders = allow(PAGE, {
  'Access-Control-Allow-Methods': 'PUT',
  'Access-Control-Allow-Headers': 'Content-Type',
});
const requested = ['content-type'];
const { answered, blockedPut, passed, firefoxStopped } = preflightedPut(requested);

testAdviceRule(rule, {
  valid: [
    {
      name: 'a 500 on the real request, after a preflight that passed, is not a preflight failure',
      entries: [
        answered(204, 'No Content', corsHeaders),
        entry({
          method: 'PUT',
          status: 500,
          statusText: 'Internal Server Error',
          requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' },
        }),
      ],
    },
    {
      name: 'a 502 on a simple GET had no preflight',
      entries: [entry({ status: 502, statusText: 'Bad Gateway', responseHeaders: { Server: 'nginx' } })],
    },
    {
      name: 'a 501 preflight means OPTIONS is not implemented: a missing route, not a crash',
      entries: [answered(501, 'Not Implemented'), blockedPut],
    },
    {
      name: 'a 429 preflight is rate limiting, not a server error',
      entries: [answered(429, 'Too Many Requests', { 'Retry-After': '30' }), blockedPut],
    },
    {
      name: 'a preflight with no response at all is a network failure, not a status',
      entries: [
        preflight({ status: 0, statusText: '', error: 'net::ERR_CONNECTION_RESET', requestedHeaders: requested }),
        blockedPut,
      ],
    },
    {
      name: 'Firefox: a 204 preflight with CORS headers',
      browser: 'firefox',
      entries: passed(corsHeaders, 'firefox'),
    },
  ],
  invalid: [
    {
      name: 'the application crashed on OPTIONS: 500 without CORS headers',
      entries: [answered(500, 'Internal Server Error', { 'Content-Type': 'text/html' }), blockedPut],
      expect: [
        {
          messageId: 'crashed',
          data: {
            url: `${API}/data`,
            status: '500 Internal Server Error',
            code: '500',
            method: 'PUT',
            meaning: 'the application crashed (an unhandled error) while handling the OPTIONS request',
          },
        },
      ],
    },
    {
      name: 'a 500 preflight that carries CORS headers: the CORS layer passed OPTIONS on to code that crashed',
      entries: [answered(500, 'Internal Server Error', corsHeaders), blockedPut],
      expect: [{ messageId: 'crashed', data: { code: '500' } }],
    },
    {
      name: 'an unusual 5xx gets a generic meaning',
      entries: [answered(599, ''), blockedPut],
      expect: [
        {
          messageId: 'crashed',
          data: { status: '599', meaning: 'the server failed while handling the OPTIONS request' },
        },
      ],
    },
    {
      name: 'nginx answered 502: the application behind it is down',
      entries: [answered(502, 'Bad Gateway', { Server: 'nginx/1.27.0', 'Content-Type': 'text/html' }), blockedPut],
      expect: [
        {
          messageId: 'gatewayError',
          data: {
            status: '502 Bad Gateway',
            code: '502',
            meaning: 'a proxy or gateway got no valid answer from the application behind it',
          },
        },
      ],
    },
    {
      name: 'a 503 from a service in maintenance',
      entries: [answered(503, 'Service Unavailable', { 'Retry-After': '120' }), blockedPut],
      expect: [
        {
          messageId: 'gatewayError',
          data: { meaning: 'the service is unavailable: down, restarting, overloaded or in maintenance' },
        },
      ],
    },
    {
      name: 'a gateway timeout: 504',
      entries: [answered(504, 'Gateway Timeout'), blockedPut],
      expect: [{ messageId: 'gatewayError', data: { code: '504' } }],
    },
    {
      name: "Cloudflare's 521: the origin server refused the connection",
      entries: [answered(521, '', { Server: 'cloudflare' }), blockedPut],
      expect: [
        {
          messageId: 'gatewayError',
          data: { meaning: 'Cloudflare could not connect to the origin server, which refused the connection' },
        },
      ],
    },
    {
      name: 'Firefox getHAR: a 503 preflight and the PUT it never sent',
      browser: 'firefox',
      entries: firefoxStopped(503, 'Service Unavailable'),
      expect: [{ messageId: 'gatewayError', data: { status: '503 Service Unavailable', method: 'PUT' } }],
    },
    {
      name: 'Firefox live stream: only the 500 preflight is recorded',
      browser: 'firefox',
      entries: [preflight({ producer: 'firefox', for: 'PATCH', status: 500, statusText: 'Internal Server Error' })],
      expect: [{ messageId: 'crashed', data: { method: 'PATCH' } }],
    },
  ],
});
