import rule from '../../../src/engine/rules/cache-missing-vary-origin';
import type { RawHarEntry } from '../../../src/engine';
import { allow, API, entry, notSent, PAGE, type EntryOptions } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const OTHER = 'https://admin.example';
const cached = (raw: RawHarEntry, where = 'disk'): RawHarEntry => ({ ...raw, _fromCache: where });
/** A Chromium GET the browser blocked (`_error` net::ERR_FAILED). */
const blocked = (options: EntryOptions) => entry({ error: 'net::ERR_FAILED', ...options });
/** A fresh response of the same server, to another URL, that allowed the page. */
const sibling = (value = PAGE) => entry({ url: `${API}/health`, at: -50, responseHeaders: allow(value) });

/**
 * Chromium's record of a GET it answered from its HTTP cache and then blocked: no response of its own, provisional
 * request headers (no Origin), net::ERR_FAILED (CORS lab, Chromium 156).
 */
const answeredFromCache = (options: EntryOptions = {}) =>
  notSent({ requestHeaders: { Referer: `${PAGE}/` }, ...options });
/** The earlier response whose stored copy the browser reused: made for OTHER, fresh for ten minutes. */
const storedFor = (origin: string, headers: Record<string, string> = {}, at = -1000) =>
  entry({
    at,
    requestHeaders: { Origin: origin },
    responseHeaders: allow(origin, { 'Cache-Control': 'max-age=600', ...headers }),
  });

testAdviceRule(rule, {
  valid: [
    {
      name: 'a fresh 200 allowing another origin is a plain mismatch, not a cache problem',
      entries: [blocked({ responseHeaders: allow(OTHER) })],
    },
    {
      name: 'Chromium writes _transferSize 0 on every blocked response: that is no cache sign',
      entries: [
        {
          ...blocked({ responseHeaders: allow(OTHER) }),
          response: { ...blocked({ responseHeaders: allow(OTHER) }).response, _transferSize: 0 },
        },
      ],
    },
    {
      name: 'the browser cache honours Vary: Origin, so a cached copy with it was not mixed up',
      entries: [cached(blocked({ responseHeaders: allow(OTHER, { Vary: 'Origin' }) }))],
    },
    {
      name: 'a cached copy allowing this very origin passes',
      entries: [cached(entry({ responseHeaders: allow(PAGE) }))],
    },
    {
      name: 'a cached trailing-slash typo was not made for another page (a near miss instead)',
      entries: [cached(blocked({ responseHeaders: allow(`${PAGE}/`) }))],
    },
    {
      name: 'a cached copy without the header, from a server that never sends it',
      entries: [cached(blocked({}))],
    },
    {
      name: 'the server also sends the wrong origin fresh to this page: hard-coded, not cached',
      entries: [
        cached(blocked({ responseHeaders: allow(OTHER) })),
        entry({ url: `${API}/health`, at: 5, responseHeaders: allow(OTHER), error: 'net::ERR_FAILED' }),
      ],
    },
    {
      name: 'Age: 0 is a fresh response from the origin server',
      entries: [blocked({ responseHeaders: allow(OTHER, { Age: '0' }) })],
    },
    {
      name: 'Chromium: a stored copy for another origin but with Vary: Origin is not reused (the request failed otherwise)',
      entries: [answeredFromCache(), storedFor(OTHER, { Vary: 'Origin' })],
    },
    {
      name: 'Chromium: the earlier copy expired before the request (max-age=600, 700 s earlier)',
      entries: [answeredFromCache(), storedFor(OTHER, {}, -700_000)],
    },
    {
      name: 'Chromium: an earlier copy that must be revalidated (no-cache) or was never stored (no-store) stands in for nothing',
      entries: [
        answeredFromCache(),
        storedFor(OTHER, { 'Cache-Control': 'no-cache' }, -2000),
        storedFor(OTHER, { 'Cache-Control': 'max-age=600, no-store' }),
      ],
    },
    {
      name: 'Chromium: a copy of another URL (the query is part of the cache key) stands in for nothing',
      entries: [
        answeredFromCache(),
        { ...storedFor(OTHER), request: { ...storedFor(OTHER).request, url: `${API}/data?v=2` } },
      ],
    },
    {
      name: 'Chromium: a response that came after the request started was not there to reuse',
      entries: [answeredFromCache(), storedFor(OTHER, {}, 5)],
    },
    {
      name: 'Chromium: a request that needed a preflight, none observed, is blocked at the preflight as far as anyone can tell',
      entries: [
        answeredFromCache({
          requestHeaders: { Referer: `${PAGE}/`, 'Content-Type': 'application/json' },
          method: 'PUT',
        }),
        storedFor(OTHER),
      ],
    },
    {
      name: 'a CDN miss is no cached copy',
      entries: [blocked({ responseHeaders: allow(OTHER, { 'X-Cache': 'Miss from cloudfront' }) })],
    },
  ],
  invalid: [
    {
      name: "the browser's disk cache served a copy made for another origin",
      entries: [cached(blocked({ responseHeaders: allow(OTHER) }))],
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: {
            value: OTHER,
            origin: PAGE,
            url: `${API}/data`,
            cache: "the browser's disk cache",
            cacheSign: 'HAR _fromCache: "disk"',
            proofNote: '',
          },
        },
      ],
    },
    {
      name: 'a memory-cached copy for another origin, while a fresh response of the server allows this page',
      entries: [sibling(), cached(blocked({ responseHeaders: allow(OTHER) }), 'memory')],
      url: `${API}/data`,
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: {
            cache: "the browser's memory cache",
            proofNote: ` A response of the same server that did not come from a cache allows ${PAGE} (entry 0).`,
          },
        },
      ],
    },
    {
      name: 'a CDN copy (Age) made for the other origin',
      entries: [blocked({ responseHeaders: allow(OTHER, { Age: '300', 'Cache-Control': 'public, max-age=600' }) })],
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: { cache: 'a shared cache (CDN or reverse proxy)', cacheSign: 'Age: 300' },
        },
      ],
    },
    {
      name: 'a Cloudflare HIT made for the other origin',
      entries: [
        blocked({ responseHeaders: allow(OTHER, { 'CF-Cache-Status': 'HIT', 'cf-ray': '8f1c2a3b4c5d6e7f-FRA' }) }),
      ],
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: { cache: 'the Cloudflare cache', cacheSign: 'CF-Cache-Status: HIT' },
        },
      ],
    },
    {
      name: 'a cached copy for 127.0.0.1 served to the localhost page: a cache problem, not a near miss',
      entries: [
        cached(
          blocked({
            url: 'http://localhost:8000/api',
            requestHeaders: { Origin: 'http://localhost:5173' },
            responseHeaders: allow('http://127.0.0.1:5173'),
          }),
        ),
      ],
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: { value: 'http://127.0.0.1:5173', origin: 'http://localhost:5173' },
        },
      ],
    },
    {
      name: 'a cached copy without the header, stored from a non-CORS load, while the server sends it elsewhere',
      entries: [sibling(), cached(blocked({}))],
      url: `${API}/data`,
      expect: [
        {
          messageId: 'cachedWithoutAllowOrigin',
          data: {
            proofEntry: '0',
            proofValue: `Access-Control-Allow-Origin: ${PAGE}`,
            cacheSign: 'HAR _fromCache: "disk"',
          },
        },
      ],
    },
    {
      name: 'CloudFront served the other origin its copy despite Vary: Origin',
      entries: [
        blocked({
          responseHeaders: allow(OTHER, {
            Vary: 'Origin',
            'X-Cache': 'Hit from cloudfront',
            Via: '1.1 abc.cloudfront.net (CloudFront)',
          }),
        }),
      ],
      expect: [
        {
          messageId: 'cacheIgnoresVary',
          data: { cache: 'the CloudFront cache', cacheSign: 'X-Cache: Hit from cloudfront', value: OTHER },
        },
      ],
    },
    {
      name: "Firefox: its own cache's copy for the other origin has no server address, unlike the server's fresh ones",
      browser: 'firefox',
      entries: [
        entry({ producer: 'firefox', responseHeaders: allow(OTHER) }),
        { ...entry({ producer: 'firefox', url: `${API}/health`, at: -50 }), serverIPAddress: '203.0.113.7' },
      ],
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: {
            cache: "the browser's cache",
            cacheSign: "no serverIPAddress in the HAR, unlike the server's other responses",
          },
        },
      ],
    },
    {
      name: 'Chromium: a request with no response of its own, after a fresh copy of the URL was stored for another origin',
      entries: [answeredFromCache(), storedFor(OTHER)],
      expect: [
        {
          messageId: 'cachedForAnotherOrigin',
          data: {
            value: OTHER,
            origin: PAGE,
            cache: "the browser's cache",
            cacheSign:
              'the request shows no response of its own, and entry 1 stored a fresh copy of this URL just before',
          },
        },
      ],
    },
    {
      name: 'Chromium: the same with freshness from Expires, and a later, expired copy of its own origin left aside',
      entries: [
        answeredFromCache(),
        {
          ...storedFor(OTHER, {
            'Cache-Control': 'public',
            Date: 'Sun, 01 Nov 2026 09:59:59 GMT',
            Expires: 'Sun, 01 Nov 2026 11:00:00 GMT',
          }),
        },
        storedFor(PAGE, { 'Cache-Control': 'max-age=0' }, -500),
      ],
      expect: [{ messageId: 'cachedForAnotherOrigin', data: { value: OTHER } }],
    },
    {
      name: 'Chromium: a stored copy from a load that needed no CORS headers (no Origin, no Access-Control-Allow-Origin)',
      entries: [
        answeredFromCache(),
        entry({
          at: -1000,
          requestHeaders: {},
          responseHeaders: { 'Last-Modified': 'Sun, 01 Oct 2026 10:00:00 GMT', Date: 'Sun, 01 Nov 2026 09:59:59 GMT' },
        }),
        sibling(),
      ],
      expect: [{ messageId: 'cachedWithoutAllowOrigin', data: { proofEntry: '2' } }],
    },
    {
      name: 'Firefox: the same, but the fresh answer had its address: no cache sign without one to compare',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow(OTHER) })],
      expect: [],
    },
    {
      name: 'Firefox: a CDN copy made for the other origin',
      browser: 'firefox',
      entries: [entry({ producer: 'firefox', responseHeaders: allow(OTHER, { 'X-Cache': 'HIT' }) })],
      expect: [{ messageId: 'cachedForAnotherOrigin', data: { cacheSign: 'X-Cache: HIT' } }],
    },
  ],
});
