import rule from '../../../src/engine/rules/vary-origin-missing';
import type { RawHarEntry } from '../../../src/engine';
import { allow, API, entry, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const OTHER = 'https://admin.example';
const get = (extra: Record<string, string> = {}, value = PAGE) => [entry({ responseHeaders: allow(value, extra) })];

testAdviceRule(rule, {
  valid: [
    { name: 'Vary: Origin is present', entries: get({ Vary: 'Origin' }) },
    { name: 'Vary: Accept-Encoding, Origin counts as present', entries: get({ Vary: 'Accept-Encoding, Origin' }) },
    { name: 'Vary in lower case counts', entries: get({ vary: 'accept-encoding, origin' }) },
    {
      name: 'Vary split over two header lines counts',
      entries: [
        entry({ responseHeaders: { 'Access-Control-Allow-Origin': PAGE, Vary: ['Accept-Encoding', 'Origin'] } }),
      ],
    },
    { name: 'Vary: * covers Origin', entries: get({ Vary: '*' }) },
    { name: '"*" is the same for everyone and needs no Vary', entries: get({}, '*') },
    { name: 'no Access-Control-Allow-Origin at all', entries: [entry()] },
    { name: 'Cache-Control: no-store: no cache keeps it', entries: get({ 'Cache-Control': 'no-store' }) },
    {
      name: 'a PUT response is not reused by caches',
      entries: [
        preflight({ responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'PUT' }) }),
        entry({ method: 'PUT', at: 0, responseHeaders: allow(PAGE) }),
      ],
    },
    {
      name: 'a preflight without Vary is not an HTTP-cache entry; the GET after it has Vary',
      entries: [
        preflight({
          for: 'GET',
          requestedHeaders: ['x-trace'],
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Headers': 'X-Trace' }),
        }),
        entry({
          at: 0,
          requestHeaders: { Origin: PAGE, 'X-Trace': '1' },
          responseHeaders: allow(PAGE, { Vary: 'Origin' }),
        }),
      ],
    },
    {
      name: 'two Access-Control-Allow-Origin lines are another problem (allow-origin-duplicated)',
      entries: [entry({ responseHeaders: { 'Access-Control-Allow-Origin': [PAGE, PAGE] }, error: 'net::ERR_FAILED' })],
    },
    {
      name: 'a cached copy already served to the wrong origin is the root cause rule, not this warning',
      entries: [
        { ...entry({ responseHeaders: allow(OTHER), error: 'net::ERR_FAILED' }), _fromCache: 'disk' } as RawHarEntry,
      ],
    },
    {
      name: 'a request that got no response',
      entries: [entry({ status: 0, statusText: '', error: 'net::ERR_CONNECTION_REFUSED' })],
    },
  ],
  invalid: [
    {
      name: 'a GET allowing the page origin with no Vary header',
      entries: get(),
      expect: [
        {
          messageId: 'varyMissing',
          data: { method: 'GET', url: `${API}/data`, value: PAGE, varyState: 'it has no Vary header' },
        },
      ],
    },
    {
      name: 'a Vary header that lists other headers only',
      entries: get({ Vary: 'Accept-Encoding' }),
      expect: [
        { messageId: 'varyMissing', data: { varyState: 'its Vary header ("Accept-Encoding") does not name Origin' } },
      ],
    },
    {
      name: 'Vary: Origin-Agent-Cluster is not Vary: Origin',
      entries: get({ Vary: 'Origin-Agent-Cluster' }),
      expect: [{ messageId: 'varyMissing' }],
    },
    {
      name: 'Cache-Control: private still lets the browser cache reuse it',
      entries: get({ 'Cache-Control': 'private, max-age=60' }),
      expect: [{ messageId: 'varyMissing' }],
    },
    {
      name: 'the same URL answered two origins with two values: proven to depend on the request',
      entries: [
        entry({ responseHeaders: allow(PAGE) }),
        entry({ at: 100, requestHeaders: { Origin: OTHER }, responseHeaders: allow(OTHER) }),
      ],
      expect: [{ messageId: 'varyMissingProven', data: { otherEntry: '1', otherValue: OTHER, value: PAGE } }],
    },
    {
      name: 'a 301 redirect (cacheable by default) naming the origin without Vary',
      entries: [
        entry({
          status: 301,
          statusText: 'Moved Permanently',
          redirectURL: `${API}/v2/data`,
          responseHeaders: allow(PAGE, { Location: `${API}/v2/data` }),
        }),
        entry({ url: `${API}/v2/data`, at: 5, responseHeaders: allow(PAGE, { Vary: 'Origin' }) }),
      ],
      expect: [{ messageId: 'varyMissing', data: { url: `${API}/data` } }],
    },
    {
      name: 'Firefox: a GET allowing the page origin with no Vary header',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow(PAGE) })],
      expect: [{ messageId: 'varyMissing', data: { value: PAGE } }],
    },
  ],
});
