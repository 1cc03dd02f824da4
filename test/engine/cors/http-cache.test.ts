// Fetch R14 (CORS and HTTP caches): which capture signals show a cached response, and when a cached response
// explains a failed CORS check. Chromium writes `_transferSize: 0` for every response it blocked and for preflights
// (shared/fixtures/chromium-156, entries 2, 15–19), so that alone is no sign of a cache.
import { describe, expect, it } from 'vitest';
import type { RawHarEntry } from '../../../src/engine';
import { captureFacts } from '../../../src/engine/capture-facts';
import {
  cacheHitOf,
  cacheMixupOf,
  isNoStore,
  isSerializedOrigin,
  specificAllowOrigin,
  storedCopyFor,
  variesByOrigin,
} from '../../../src/engine/cors/http-cache';
import { HeaderList } from '../../../src/engine/har/headers';
import { normalizeEntry } from '../../../src/engine/har/normalize';
import { allow, API, entry, notSent, PAGE, preflight } from '../../support/har-builders';

const OTHER = 'https://admin.example';
const headers = (pairs: Record<string, string | string[]>) =>
  new HeaderList(
    Object.entries(pairs).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value }))),
  );
const normalize = (raw: RawHarEntry, index = 0) => normalizeEntry(raw, index);
const fromCache = (raw: RawHarEntry, where = 'disk'): RawHarEntry => ({ ...raw, _fromCache: where });
const withTransferSize = (raw: RawHarEntry, size: number): RawHarEntry => ({
  ...raw,
  response: { ...raw.response, _transferSize: size },
});

describe('cacheHitOf', () => {
  it.each<[string, RawHarEntry, string]>([
    ['Chromium _fromCache: disk', fromCache(entry()), '_fromCache'],
    ['Chromium _fromCache: memory', fromCache(entry(), 'memory'), '_fromCache'],
    ['Age above 0', entry({ responseHeaders: { Age: '120' } }), 'Age'],
    ['CloudFront X-Cache', entry({ responseHeaders: { 'X-Cache': 'Hit from cloudfront' } }), 'X-Cache'],
    ['Fastly X-Cache with a shield', entry({ responseHeaders: { 'X-Cache': 'MISS, HIT' } }), 'X-Cache'],
    ['Cloudflare HIT', entry({ responseHeaders: { 'CF-Cache-Status': 'HIT' } }), 'CF-Cache-Status'],
    ['Cloudflare STALE', entry({ responseHeaders: { 'CF-Cache-Status': 'STALE' } }), 'CF-Cache-Status'],
    ['RFC 9211 Cache-Status', entry({ responseHeaders: { 'Cache-Status': '"Netlify Edge"; hit' } }), 'Cache-Status'],
    ['Vercel', entry({ responseHeaders: { 'X-Vercel-Cache': 'HIT' } }), 'X-Vercel-Cache'],
    ['a completed Chromium 200 with 0 bytes on the wire', withTransferSize(entry(), 0), '_transferSize'],
  ])('%s', (_name, raw, field) => {
    expect(cacheHitOf(normalize(raw))?.field).toBe(field);
  });

  it('tells the browser cache from a shared one', () => {
    expect(cacheHitOf(normalize(fromCache(entry())))?.cache).toBe('browser');
    expect(cacheHitOf(normalize(entry({ responseHeaders: { Age: '5' } })))?.cache).toBe('shared');
    expect(
      cacheHitOf(normalize(entry({ responseHeaders: { 'cf-ray': 'x', 'CF-Cache-Status': 'HIT' } }))),
    ).toMatchObject({ description: 'the Cloudflare cache' });
  });

  it.each<[string, RawHarEntry]>([
    ['no sign at all', entry()],
    ['Age 0', entry({ responseHeaders: { Age: '0' } })],
    ['CloudFront miss', entry({ responseHeaders: { 'X-Cache': 'Miss from cloudfront' } })],
    ['Cloudflare MISS', entry({ responseHeaders: { 'CF-Cache-Status': 'MISS' } })],
    ['Cloudflare DYNAMIC', entry({ responseHeaders: { 'CF-Cache-Status': 'DYNAMIC' } })],
    ['RFC 9211 forward', entry({ responseHeaders: { 'Cache-Status': 'ExampleCache; fwd=uri-miss' } })],
    ['a CORS-blocked Chromium 200: 0 bytes but _error set', withTransferSize(entry({ error: 'net::ERR_FAILED' }), 0)],
    ['a Chromium preflight: always 0 bytes', withTransferSize(preflight(), 0)],
    ['a Chromium 200 that came over the wire', withTransferSize(entry(), 312)],
    ['a Firefox entry without Chromium fields', entry({ producer: 'firefox' })],
  ])('no hit: %s', (_name, raw) => {
    expect(cacheHitOf(normalize(raw))).toBeNull();
  });
});

describe('Vary, no-store and the allowed origin', () => {
  it.each([
    [{ Vary: 'Origin' }, true],
    [{ Vary: 'origin' }, true],
    [{ Vary: 'Accept-Encoding, Origin' }, true],
    [{ Vary: ['Accept-Encoding', 'Origin'] }, true],
    [{ Vary: '*' }, true],
    [{ Vary: 'Accept-Encoding' }, false],
    [{ Vary: 'Origin-Agent-Cluster' }, false],
    [{}, false],
  ])('variesByOrigin(%o) is %s', (pairs, expected) => expect(variesByOrigin(headers(pairs))).toBe(expected));

  it.each([
    ['no-store', true],
    ['private, no-store', true],
    ['no-cache', false],
    ['max-age=60', false],
  ])('isNoStore(%s) is %s', (value, expected) => expect(isNoStore(headers({ 'Cache-Control': value }))).toBe(expected));

  it.each([
    ['https://app.example', true],
    ['http://localhost:3000', true],
    ['https://app.example/', false],
    ['https://App.example', false],
    ['https://app.example:443', false],
    ['*', false],
    ['null', false],
    ['https://a.example, https://b.example', false],
  ])('isSerializedOrigin(%s) is %s', (value, expected) => expect(isSerializedOrigin(value)).toBe(expected));

  it('specificAllowOrigin wants exactly one line holding one origin', () => {
    expect(specificAllowOrigin(headers({ 'Access-Control-Allow-Origin': PAGE }))).toBe(PAGE);
    expect(specificAllowOrigin(headers({ 'Access-Control-Allow-Origin': [PAGE, PAGE] }))).toBeNull();
    expect(specificAllowOrigin(headers({ 'Access-Control-Allow-Origin': '*' }))).toBeNull();
    expect(specificAllowOrigin(headers({}))).toBeNull();
  });
});

describe('cacheMixupOf', () => {
  const facts = (raws: RawHarEntry[]) => {
    const entries = raws.map(normalize);
    return { entries, facts: captureFacts(entries, []) };
  };
  const mixup = (raws: RawHarEntry[], index = 0) => {
    const { entries, facts: f } = facts(raws);
    return cacheMixupOf(entries[index] as never, PAGE, f);
  };

  it('a cached copy allowing another origin, without Vary', () => {
    expect(mixup([fromCache(entry({ responseHeaders: allow(OTHER) }))])).toMatchObject({
      kind: 'another-origin',
      value: OTHER,
      proof: null,
    });
  });

  it('names a fresh response of the same server that allowed this page as proof', () => {
    const result = mixup([
      fromCache(entry({ responseHeaders: allow(OTHER) })),
      entry({ url: `${API}/other`, at: 5, responseHeaders: allow(PAGE) }),
    ]);
    expect(result?.kind).toBe('another-origin');
    expect(result?.proof?.index).toBe(1);
  });

  it('a cached copy without the header while the server sends it elsewhere', () => {
    const result = mixup([fromCache(entry()), entry({ url: `${API}/other`, at: 5, responseHeaders: allow(PAGE) })]);
    expect(result).toMatchObject({ kind: 'no-allow-origin', value: null });
  });

  it('a shared cache that ignores Vary: Origin', () => {
    expect(mixup([entry({ responseHeaders: allow(OTHER, { Vary: 'Origin', 'CF-Cache-Status': 'HIT' }) })])?.kind).toBe(
      'vary-ignored',
    );
  });

  it.each<[string, RawHarEntry[]]>([
    ['a fresh response allowing another origin: a plain mismatch', [entry({ responseHeaders: allow(OTHER) })]],
    [
      'the browser cache honours Vary: Origin',
      [fromCache(entry({ responseHeaders: allow(OTHER, { Vary: 'Origin' }) }))],
    ],
    ['a cached typo is not another origin', [fromCache(entry({ responseHeaders: allow(`${PAGE}/`) }))]],
    ['a cached copy allowing this very origin', [fromCache(entry({ responseHeaders: allow(PAGE) }))]],
    ['a cached copy with no header, and no other CORS response from the server', [fromCache(entry())]],
    [
      'a cached 404 without the header is an error-path problem',
      [fromCache(entry({ status: 404 })), entry({ url: `${API}/other`, at: 5, responseHeaders: allow(PAGE) })],
    ],
    [
      'the server sends the same wrong value fresh to this page too: hard-coded, not cached',
      [
        fromCache(entry({ responseHeaders: allow(OTHER) })),
        entry({ url: `${API}/other`, at: 5, responseHeaders: allow(OTHER) }),
      ],
    ],
  ])('not a cache mix-up: %s', (_name, raws) => {
    expect(mixup(raws)).toBeNull();
  });
});

describe('storedCopyFor: the copy Chromium reused for a GET that shows no response of its own', () => {
  /** Chromium's record of the GET: status 0, no response headers, provisional request headers, net::ERR_FAILED. */
  const request = notSent({ at: 0, requestHeaders: { Referer: `${PAGE}/` } });
  const stored = (responseHeaders: Record<string, string>, at = -60_000, origin = OTHER) =>
    entry({ at, requestHeaders: { Origin: origin }, responseHeaders: allow(origin, responseHeaders) });
  const DATE = 'Sun, 01 Nov 2026 09:59:00 GMT'; // the Date of a response 60 s before the request
  const copyFor = (raws: RawHarEntry[], pages: { id: string; url: string }[] = []) => {
    const entries = raws.map(normalize);
    return storedCopyFor(entries[0] as never, PAGE, captureFacts(entries, pages))?.index ?? null;
  };

  it.each<[string, Record<string, string>, number | null]>([
    ['max-age longer than the time since', { 'Cache-Control': 'max-age=120' }, 1],
    ['max-age already over', { 'Cache-Control': 'max-age=30' }, null],
    ['max-age, but the copy was already old (Age)', { 'Cache-Control': 'max-age=120', Age: '90' }, null],
    ['Expires after Date', { Date: DATE, Expires: 'Sun, 01 Nov 2026 10:05:00 GMT' }, 1],
    ['Expires already past', { Date: DATE, Expires: 'Sun, 01 Nov 2026 09:59:30 GMT' }, null],
    [
      'heuristic: 10 % of a month since Last-Modified',
      { Date: DATE, 'Last-Modified': 'Thu, 01 Oct 2026 10:00:00 GMT' },
      1,
    ],
    [
      'heuristic: modified 5 minutes before (30 s fresh)',
      { Date: DATE, 'Last-Modified': 'Sun, 01 Nov 2026 09:54:00 GMT' },
      null,
    ],
    ['no freshness at all', {}, null],
    ['no-cache', { 'Cache-Control': 'no-cache, max-age=600' }, null],
    ['no-store', { 'Cache-Control': 'no-store' }, null],
    ['Vary: *', { 'Cache-Control': 'max-age=600', Vary: '*' }, null],
    [
      'Vary: Origin, made for another origin',
      { 'Cache-Control': 'max-age=600', Vary: 'Accept-Encoding, Origin' },
      null,
    ],
    [
      'Vary on another header only (the request shows too little to compare)',
      { 'Cache-Control': 'max-age=600', Vary: 'Accept-Encoding' },
      1,
    ],
  ])('%s', (_, responseHeaders, expected) => {
    expect(copyFor([request, stored(responseHeaders)])).toBe(expected);
  });

  it('takes the latest fresh copy, and only one stored before the request started', () => {
    const fresh = { 'Cache-Control': 'max-age=600' };
    expect(copyFor([request, stored(fresh, -5000), stored(fresh, -2000, PAGE), stored(fresh, 10)])).toBe(2);
  });

  it('a copy that failed its own CORS check was stored all the same; a failed load or a preflight was not', () => {
    const fresh = allow(OTHER, { 'Cache-Control': 'max-age=600' });
    const blockedThere = entry({
      at: -1000,
      requestHeaders: { Origin: OTHER },
      responseHeaders: fresh,
      error: 'net::ERR_FAILED',
    });
    expect(copyFor([request, blockedThere])).toBe(1);
    const refused = entry({ at: -1000, status: 0, error: 'net::ERR_CONNECTION_REFUSED' });
    const options = preflight({ url: `${API}/data`, at: -1000, for: 'GET', responseHeaders: fresh });
    expect(copyFor([request, refused, options])).toBe(null);
  });

  it('only for a GET that shows no response of its own, recorded by Chromium', () => {
    const fresh = stored({ 'Cache-Control': 'max-age=600' });
    expect(copyFor([notSent({ method: 'POST' }), fresh])).toBe(null);
    expect(copyFor([entry({ responseHeaders: allow(OTHER) }), fresh])).toBe(null);
    expect(copyFor([notSent({ producer: 'firefox' }), fresh])).toBe(null);
    expect(copyFor([{ ...request, request: { ...request.request, url: `${API}/data?page=2` } }, fresh])).toBe(null);
  });

  it("keeps to the HTTP cache's partition: the top-level site of each request's page, when the capture names it", () => {
    const fresh = stored({ 'Cache-Control': 'max-age=600' });
    const onPage = (raw: RawHarEntry, pageref: string): RawHarEntry => ({ ...raw, pageref });
    const pages = [
      { id: 'a', url: `${PAGE}/` },
      { id: 'b', url: 'https://elsewhere.example/' },
      { id: 'c', url: 'https://www.app.example/start' },
    ];
    expect(copyFor([onPage(request, 'a'), onPage(fresh, 'b')], pages)).toBe(null);
    expect(copyFor([onPage(request, 'a'), onPage(fresh, 'c')], pages)).toBe(1);
    expect(copyFor([onPage(request, 'a'), fresh], pages)).toBe(1);
  });
});
