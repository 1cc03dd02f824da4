import rule from '../../../src/engine/rules/preflight-trigger';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const METHODS = 'only GET, HEAD and POST go without one';
const TYPES = 'only application/x-www-form-urlencoded, multipart/form-data and text/plain go without one';
const AS_TEXT = (type: string) =>
  `send the body as text/plain instead of ${type}, if the server accepts it (a string body in fetch() without a Content-Type header goes out as text/plain;charset=UTF-8)`;
const sent = (method: string, headers: Record<string, string>) =>
  entry({ method, requestHeaders: { Origin: PAGE, ...headers }, responseHeaders: allow() });

testAdviceRule(rule, {
  valid: [
    { name: 'a simple GET needs no preflight', entries: [entry({ responseHeaders: allow() })] },
    {
      name: 'a form POST with a safelisted Content-Type needs no preflight',
      entries: [sent('POST', { 'Content-Type': 'application/x-www-form-urlencoded' })],
    },
    {
      name: 'a POST of a string body (text/plain;charset=UTF-8) needs no preflight',
      entries: [sent('POST', { 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'application/json' })],
    },
    {
      name: 'a same-origin PUT is not a CORS request',
      entries: [entry({ method: 'PUT', url: `${PAGE}/data`, requestHeaders: { Origin: PAGE } })],
    },
    {
      name: 'a no-cors POST is never preflighted',
      entries: [
        entry({
          method: 'POST',
          requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'no-cors', 'Content-Type': 'text/plain' },
        }),
      ],
    },
    {
      name: 'Firefox: a simple GET with browser-set headers only',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          requestHeaders: { Origin: PAGE, 'User-Agent': 'Mozilla/5.0', 'Accept-Encoding': 'gzip', Referer: `${PAGE}/` },
          responseHeaders: allow(),
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a PUT with a token and a JSON body, with its preflight',
      entries: [
        preflight({
          requestedHeaders: ['authorization', 'content-type'],
          responseHeaders: allow(PAGE, {
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          }),
        }),
        sent('PUT', { Authorization: 'Bearer tok', 'Content-Type': 'application/json' }),
      ],
      expect: [
        {
          messageId: 'triggered',
          data: {
            method: 'PUT',
            url: `${API}/data`,
            reasons: `the PUT method (${METHODS}); the Authorization header (never CORS-safelisted); the Content-Type application/json (${TYPES})`,
            avoid: `use POST (or GET, for a read) instead of PUT, if the API offers it; a token in the Authorization header always costs a preflight, whatever else changes; ${AS_TEXT('application/json')}`,
          },
        },
      ],
    },
    {
      name: 'a JSON POST whose preflight came from the cache',
      entries: [sent('POST', { 'Content-Type': 'application/json; charset=utf-8' })],
      expect: [
        {
          messageId: 'triggered',
          data: {
            method: 'POST',
            reasons: `the Content-Type application/json; charset=utf-8 (${TYPES})`,
            avoid: AS_TEXT('application/json; charset=utf-8'),
          },
        },
      ],
    },
    {
      name: 'a GET with X-Requested-With',
      entries: [sent('GET', { 'X-Requested-With': 'XMLHttpRequest' })],
      expect: [
        {
          messageId: 'triggered',
          data: {
            method: 'GET',
            reasons: 'the X-Requested-With header (not CORS-safelisted)',
            avoid: 'drop the X-Requested-With header, if the server does not need it',
          },
        },
      ],
    },
    {
      name: 'Content-Language with a character CORS disallows',
      entries: [sent('GET', { 'Content-Language': 'de (CH)' })],
      expect: [
        {
          messageId: 'triggered',
          data: {
            reasons: 'the Content-Language header (its value contains a character CORS does not allow)',
            avoid: 'give the Content-Language header a CORS-safelisted value, or drop it',
          },
        },
      ],
    },
    {
      name: 'a multi-range Range header',
      entries: [sent('GET', { Range: 'bytes=0-99,200-299' })],
      expect: [
        {
          messageId: 'triggered',
          data: { reasons: 'the Range header ("bytes=0-99,200-299" is not a simple single byte range)' },
        },
      ],
    },
    {
      name: 'a Content-Type that is not a MIME type',
      entries: [sent('POST', { 'Content-Type': 'json' })],
      expect: [
        { messageId: 'triggered', data: { reasons: 'the Content-Type header ("json" is not a valid MIME type)' } },
      ],
    },
    {
      name: 'safelisted headers appended until they add up to more than 1024 bytes',
      entries: [
        entry({
          requestHeaders: {
            Origin: PAGE,
            Accept: Array.from({ length: 9 }, (_, i) => `text/x-${i};${'a'.repeat(112)}`),
          },
          responseHeaders: allow(),
        }),
      ],
      expect: [
        {
          messageId: 'triggered',
          data: { reasons: 'the Accept header (the safelisted headers total 1089 bytes, over the 1024-byte limit)' },
        },
      ],
    },
    {
      name: 'a preflight for a POST with nothing unsafe: an upload listener or a stream body',
      entries: [
        preflight({ for: 'POST', responseHeaders: allow(PAGE) }),
        sent('POST', { 'Content-Type': 'text/plain;charset=UTF-8' }),
      ],
      expect: [{ messageId: 'forced', data: { method: 'POST', url: `${API}/data` } }],
    },
    {
      name: 'Chromium: a PUT blocked at its 401 preflight, with provisional headers only',
      entries: [
        preflight({ status: 401, statusText: 'Unauthorized', requestedHeaders: ['authorization', 'content-type'] }),
        notSent({ method: 'PUT', requestHeaders: { 'Content-Type': 'application/json', Authorization: 'Bearer t' } }),
      ],
      expect: [
        {
          messageId: 'triggered',
          data: {
            reasons: `the PUT method (${METHODS}); the Authorization header (never CORS-safelisted); the Content-Type application/json (${TYPES})`,
          },
        },
      ],
    },
    {
      name: 'Chromium: the preflight lists a header the provisional headers do not show',
      entries: [
        preflight({ for: 'POST', status: 404, statusText: 'Not Found', requestedHeaders: ['accept-language'] }),
        notSent({ method: 'POST', requestHeaders: {} }),
      ],
      expect: [
        {
          messageId: 'triggered',
          data: {
            method: 'POST',
            reasons:
              'the Accept-Language header, with a value that is not CORS-safelisted (the capture does not show it)',
          },
        },
      ],
    },
    {
      name: 'Firefox live stream: only the preflight of a DELETE with an API key',
      browser: 'firefox',
      entries: [preflight({ producer: 'firefox', for: 'DELETE', status: 404, requestedHeaders: ['x-api-key'] })],
      expect: [
        {
          messageId: 'triggered',
          data: {
            method: 'DELETE',
            reasons: `the DELETE method (${METHODS}); the X-Api-Key header (not CORS-safelisted)`,
            avoid:
              'use POST (or GET, for a read) instead of DELETE, if the API offers it; drop the X-Api-Key header, if the server does not need it',
          },
        },
      ],
    },
    {
      name: 'Firefox live stream: a preflight listing content-type, value not in the capture',
      browser: 'firefox',
      entries: [preflight({ producer: 'firefox', for: 'POST', status: 401, requestedHeaders: ['content-type'] })],
      expect: [
        {
          messageId: 'triggered',
          data: {
            reasons: 'the Content-Type header, with a value that is not CORS-safelisted (the capture does not show it)',
            avoid: 'send the body as text/plain, if the server accepts it',
          },
        },
      ],
    },
    {
      name: 'Firefox: a sent PATCH with its preflight',
      browser: 'firefox',
      entries: [
        preflight({
          producer: 'firefox',
          for: 'PATCH',
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PATCH' }),
        }),
        entry({ producer: 'firefox', method: 'PATCH', requestHeaders: { Origin: PAGE }, responseHeaders: allow() }),
      ],
      expect: [{ messageId: 'triggered', data: { method: 'PATCH', reasons: `the PATCH method (${METHODS})` } }],
    },
  ],
});
