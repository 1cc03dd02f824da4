import rule from '../../../src/engine/rules/no-cors-opaque';
import { allow, API, entry, PAGE } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

/** A request from the page (known by its Referer) in `mode` for `dest`. */
const fetched = (mode: string, dest = 'empty', options: Parameters<typeof entry>[0] = {}) =>
  entry({
    ...options,
    requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': mode, 'Sec-Fetch-Dest': dest, ...options.requestHeaders },
  });

testAdviceRule(rule, {
  valid: [
    {
      name: 'cors fetch with the header',
      entries: [fetched('cors', 'empty', { requestHeaders: { Origin: PAGE }, responseHeaders: allow() })],
    },
    {
      name: 'cross-origin image loaded without CORS, as images are',
      entries: [fetched('no-cors', 'image', { url: `${API}/logo.png`, resourceType: 'image' })],
    },
    {
      name: 'cross-origin script loaded without CORS',
      entries: [fetched('no-cors', 'script', { url: `${API}/lib.js`, resourceType: 'script' })],
    },
    {
      name: 'no-cors fetch to the page origin is readable',
      entries: [fetched('no-cors', 'empty', { url: `${PAGE}/data` })],
    },
    {
      name: 'no-cors fetch that got no response',
      entries: [fetched('no-cors', 'empty', { status: 0, statusText: '', error: 'net::ERR_CONNECTION_REFUSED' })],
    },
  ],
  invalid: [
    {
      name: 'fetch with mode no-cors to read JSON',
      entries: [fetched('no-cors', 'empty', { responseHeaders: { 'Content-Type': 'application/json' } })],
      expect: [{ messageId: 'opaque', data: { method: 'GET', url: `${API}/data`, status: '200', origin: PAGE } }],
    },
    {
      name: 'no-cors POST whose 201 the page cannot see',
      entries: [
        fetched('no-cors', 'empty', {
          method: 'POST',
          status: 201,
          statusText: 'Created',
          requestHeaders: { Origin: PAGE, 'Content-Type': 'text/plain' },
        }),
      ],
      expect: [{ messageId: 'opaque', data: { method: 'POST', status: '201' } }],
    },
    {
      name: 'Firefox: fetch with mode no-cors',
      browser: 'firefox',
      entries: [
        fetched('no-cors', 'empty', { producer: 'firefox', responseHeaders: { 'Content-Type': 'application/json' } }),
      ],
      expect: [{ messageId: 'opaque', data: { status: '200' } }],
    },
  ],
});
