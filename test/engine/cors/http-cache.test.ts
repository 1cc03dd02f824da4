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
  variesByOrigin,
} from '../../../src/engine/cors/http-cache';
import { HeaderList } from '../../../src/engine/har/headers';
import { normalizeEntry } from '../../../src/engine/har/normalize';
import { allow, API, entry, PAGE, preflight } from '../../support/har-builders';

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
