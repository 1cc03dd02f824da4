// Fetch R1–R3: which requests need a preflight, and what they list in Access-Control-Request-Headers.
import { describe, expect, it } from 'vitest';
import {
  byteLength,
  isSafelistedMethod,
  normalizeMethod,
  parseMimeEssence,
  unsafeRequestHeaders,
  whyNotSafelisted,
} from '../../../src/engine/cors/safelist';
import { HeaderList } from '../../../src/engine/har/headers';

const headers = (pairs: [string, string][]) => new HeaderList(pairs.map(([name, value]) => ({ name, value })));
const names = (pairs: [string, string][]) => unsafeRequestHeaders(headers(pairs)).map((h) => h.name);

describe('safelisted methods (R1)', () => {
  it.each(['GET', 'HEAD', 'POST'])('%s needs no preflight', (m) => expect(isSafelistedMethod(m)).toBe(true));
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'post'])('%s is not safelisted as bytes', (m) =>
    expect(isSafelistedMethod(m)).toBe(false),
  );
  it('normalizes only the six standard methods, so "patch" stays lower case', () => {
    expect(normalizeMethod('post')).toBe('POST');
    expect(normalizeMethod('delete')).toBe('DELETE');
    expect(normalizeMethod('patch')).toBe('patch');
  });
});

describe('safelisted request headers (R2)', () => {
  it.each([
    ['Accept', 'application/json'],
    ['Accept-Language', 'en-US,en;q=0.9'],
    ['Content-Language', 'de-DE'],
    ['Content-Type', 'text/plain;charset=UTF-8'],
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['Content-Type', 'multipart/form-data; boundary=something'],
    ['Range', 'bytes=0-'],
    ['Range', 'bytes=100-200'],
  ])('%s: %s is safelisted', (name, value) => expect(whyNotSafelisted(name, value)).toBeNull());

  it.each([
    ['Content-Type', 'application/json', /application\/json is not one of/],
    ['Content-Type', 'text/plain; charset="a(b"', /character CORS does not allow/],
    ['Content-Type', 'not a mime type', /not a valid MIME type/],
    ['Authorization', 'Bearer abc', /never CORS-safelisted/],
    ['X-Requested-With', 'XMLHttpRequest', /not a CORS-safelisted header/],
    ['Accept', 'text/html; q="1"', /character CORS does not allow/],
    ['Accept-Language', 'en_US', /character CORS does not allow/],
    ['Range', 'bytes=-500', /not a simple single byte range/],
    ['Range', 'bytes=0-1,5-6', /not a simple single byte range/],
    ['Accept', 'a'.repeat(129), /129 bytes, over the 128-byte limit/],
  ])('%s: %s is not safelisted', (name, value, reason) => expect(whyNotSafelisted(name, value)).toMatch(reason));

  it('parses MIME types strictly, with parameters allowed', () => {
    expect(parseMimeEssence(' Text/Plain ; charset=utf-8')).toBe('text/plain');
    expect(parseMimeEssence('text/')).toBeNull();
    expect(parseMimeEssence('/plain')).toBeNull();
  });

  it('counts bytes, not characters', () => {
    expect(byteLength('é')).toBe(2);
    expect(byteLength('€')).toBe(3);
    expect(byteLength('😀')).toBe(4);
  });
});

describe('CORS-unsafe request-header names (R3)', () => {
  it('lists unsafe names lower-cased, sorted and without duplicates', () => {
    expect(
      names([
        ['X-Trace', '1'],
        ['Content-Type', 'application/json'],
        ['authorization', 'Bearer x'],
        ['x-trace', '2'],
      ]),
    ).toEqual(['authorization', 'content-type', 'x-trace']);
  });

  it('ignores headers the browser adds itself (Host, Origin, Sec-*, User-Agent, DevTools cache headers…)', () => {
    expect(
      names([
        ['Host', 'api.example'],
        ['Origin', 'https://app.example'],
        ['Sec-Fetch-Mode', 'cors'],
        ['sec-ch-ua', '"Chromium"'],
        ['User-Agent', 'Mozilla/5.0'],
        ['Accept-Encoding', 'gzip'],
        ['Pragma', 'no-cache'],
        ['Cache-Control', 'no-cache'],
        ['Cookie', 'a=b'],
        ['Referer', 'https://app.example/'],
        ['Accept', '*/*'],
      ]),
    ).toEqual([]);
  });

  it('makes every safelisted header unsafe once their values total more than 1024 bytes', () => {
    const long = 'a'.repeat(120);
    const pairs: [string, string][] = Array.from({ length: 9 }, () => ['Accept', long]);
    pairs.push(['Content-Language', 'en']);
    expect(names(pairs)).toEqual(['accept', 'content-language']);
    expect(unsafeRequestHeaders(headers(pairs))[0]?.reason).toMatch(/over the 1024-byte limit/);
    expect(names(pairs.slice(0, 8))).toEqual([]);
  });
});
