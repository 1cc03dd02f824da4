// Near misses of Access-Control-Allow-Origin (cors-reference §(b) 16, 20): the value fails Fetch's byte-for-byte
// comparison (R8), yet a person meant the page's origin. Different hosts are mismatches, not near misses.
import { describe, expect, it } from 'vitest';
import {
  describeDifference,
  isLoopbackHost,
  originDifferences,
  type OriginDifference,
} from '../../../src/engine/cors/origin-diff';

const kinds = (allowed: string, origin: string) => originDifferences(allowed, origin)?.map((d) => d.kind) ?? null;

describe('originDifferences: one difference', () => {
  it.each<[string, string, OriginDifference]>([
    ['https://app.example/', 'https://app.example', { kind: 'trailing-slash' }],
    ['https://app.example/callback', 'https://app.example', { kind: 'path', path: '/callback' }],
    ['https://app.example?x=1', 'https://app.example', { kind: 'path', path: '?x=1' }],
    ['http://app.example', 'https://app.example', { kind: 'scheme', allowed: 'http', actual: 'https' }],
    ['https://localhost:3000', 'http://localhost:3000', { kind: 'scheme', allowed: 'https', actual: 'http' }],
    [
      'https://www.app.example',
      'https://app.example',
      { kind: 'www', allowed: 'www.app.example', actual: 'app.example' },
    ],
    [
      'https://app.example',
      'https://www.app.example',
      { kind: 'www', allowed: 'app.example', actual: 'www.app.example' },
    ],
    ['http://localhost:5173', 'http://127.0.0.1:5173', { kind: 'loopback', allowed: 'localhost', actual: '127.0.0.1' }],
    ['http://[::1]:8080', 'http://localhost:8080', { kind: 'loopback', allowed: '[::1]', actual: 'localhost' }],
    [
      'http://localhost:3000',
      'http://localhost:5173',
      { kind: 'port', allowed: '3000', actual: '5173', explicitDefault: false },
    ],
    [
      'http://localhost',
      'http://localhost:3000',
      { kind: 'port', allowed: null, actual: '3000', explicitDefault: false },
    ],
    [
      'https://app.example:8443',
      'https://app.example',
      { kind: 'port', allowed: '8443', actual: null, explicitDefault: false },
    ],
    [
      'https://app.example:443',
      'https://app.example',
      { kind: 'port', allowed: '443', actual: null, explicitDefault: true },
    ],
    [
      'http://app.example:80',
      'http://app.example',
      { kind: 'port', allowed: '80', actual: null, explicitDefault: true },
    ],
    ['https://App.Example', 'https://app.example', { kind: 'case' }],
    ['HTTPS://app.example', 'https://app.example', { kind: 'case' }],
    ['app.example', 'https://app.example', { kind: 'missing-scheme' }],
    ['//app.example', 'https://app.example', { kind: 'missing-scheme' }],
    ['"https://app.example"', 'https://app.example', { kind: 'quoted' }],
    ["'https://app.example'", 'https://app.example', { kind: 'quoted' }],
    ['https://*.app.example', 'https://admin.app.example', { kind: 'wildcard-pattern', pattern: '*.app.example' }],
  ])('%s for a page at %s', (allowed, origin, expected) => {
    expect(originDifferences(allowed, origin)).toEqual([expected]);
  });
});

describe('originDifferences: several differences, in reading order', () => {
  it('www and a trailing slash', () => {
    expect(kinds('https://www.app.example/', 'https://app.example')).toEqual(['www', 'trailing-slash']);
  });
  it('scheme, host and port of a dev server', () => {
    expect(kinds('http://localhost:3000', 'https://127.0.0.1:8443')).toEqual(['scheme', 'loopback', 'port']);
  });
  it('no scheme, but a port and a slash', () => {
    expect(kinds('localhost:3000/', 'http://localhost:5173')).toEqual(['missing-scheme', 'port', 'trailing-slash']);
  });
  it('quotes around an upper-case value', () => {
    expect(kinds('"https://APP.example"', 'https://app.example')).toEqual(['quoted', 'case']);
  });
});

describe('originDifferences: not a near miss', () => {
  it.each([
    ['an exact match', 'https://app.example', 'https://app.example'],
    ['another host', 'https://evil.example', 'https://app.example'],
    ['another subdomain', 'https://admin.app.example', 'https://app.example'],
    ['a sibling of the www host', 'https://www.other.example', 'https://app.example'],
    ['a loopback value for a public page', 'http://localhost:3000', 'https://app.example'],
    ['a private address for a loopback page', 'http://192.168.1.20:3000', 'http://localhost:3000'],
    ['a comma list', 'https://app.example, https://admin.example', 'https://app.example'],
    ['a space list', 'https://app.example https://admin.example', 'https://app.example'],
    ['the wildcard', '*', 'https://app.example'],
    ['null', 'null', 'https://app.example'],
    ['an empty value', '', 'https://app.example'],
    ['a pattern the page does not fit', 'https://*.other.example', 'https://app.example'],
    ['another scheme altogether', 'ftp://app.example', 'https://app.example'],
    ['a page with an opaque origin', 'https://app.example', 'null'],
    ['a value with credentials in it', 'https://user@app.example', 'https://app.example'],
  ])('%s', (_name, allowed, origin) => {
    expect(originDifferences(allowed, origin)).toBeNull();
  });
});

describe('describeDifference', () => {
  it.each<[OriginDifference, string]>([
    [{ kind: 'trailing-slash' }, 'it ends with a slash'],
    [{ kind: 'path', path: '/api' }, 'it has the path "/api"'],
    [{ kind: 'scheme', allowed: 'http', actual: 'https' }, 'it uses http:// where the page uses https://'],
    [
      { kind: 'www', allowed: 'www.app.example', actual: 'app.example' },
      `it has "www." where the page's host app.example has none`,
    ],
    [
      { kind: 'www', allowed: 'app.example', actual: 'www.app.example' },
      `it lacks the "www." of the page's host www.app.example`,
    ],
    [
      { kind: 'loopback', allowed: 'localhost', actual: '127.0.0.1' },
      'it names localhost where the page uses 127.0.0.1',
    ],
    [
      { kind: 'port', allowed: '3000', actual: '5173', explicitDefault: false },
      'it has port 3000 where the page uses port 5173',
    ],
    [
      { kind: 'port', allowed: null, actual: '3000', explicitDefault: false },
      'it has no port where the page uses port 3000',
    ],
    [
      { kind: 'port', allowed: '8443', actual: null, explicitDefault: false },
      'it has port 8443 where the page uses the default port',
    ],
    [{ kind: 'port', allowed: '443', actual: null, explicitDefault: true }, 'it spells out the default port :443'],
  ])('%o', (diff, phrase) => {
    expect(describeDifference(diff)).toBe(phrase);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]'])('%s is loopback', (h) =>
    expect(isLoopbackHost(h)).toBe(true),
  );
  it.each(['app.localhost.example', '128.0.0.1', '192.168.0.1', '::1', 'example.com'])('%s is not', (h) =>
    expect(isLoopbackHost(h)).toBe(false),
  );
});
