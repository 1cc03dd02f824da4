// "Site" for SameSite cookies: scheme plus registrable domain (approximated), or the exact host for IPs and localhost.
import { describe, expect, it } from 'vitest';
import { isCrossSite, siteOf } from '../../../src/engine/cors/site';

describe('siteOf', () => {
  it.each([
    ['https://api.example.com/v1', 'https://example.com'],
    ['https://app.example.com', 'https://example.com'],
    ['http://app.example.com', 'http://example.com'],
    ['https://api.example', 'https://api.example'],
    ['https://shop.example.co.uk/cart', 'https://example.co.uk'],
    ['https://alice.github.io/app', 'https://alice.github.io'],
    ['https://my-api.vercel.app', 'https://my-api.vercel.app'],
    ['http://127.0.0.1:8001/', 'http://127.0.0.1'],
    ['http://[::1]:3000/', 'http://[::1]'],
    ['http://localhost:5173/', 'http://localhost'],
    ['https://API.Example.COM./x', 'https://example.com'],
  ])('%s is on %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it('has no site for other schemes or garbage', () => {
    expect(siteOf('file:///index.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});

describe('isCrossSite', () => {
  it.each([
    ['https://app.example.com', 'https://api.example.com/x', false],
    ['http://localhost:3000', 'http://localhost:8080/api', false],
    ['https://app.example', 'https://api.example/x', true],
    ['http://app.example.com', 'https://api.example.com/x', true],
    ['http://127.0.0.1:8001', 'http://localhost:8002/x', true],
    ['https://alice.github.io', 'https://bob.github.io/x', true],
    ['https://app.example.com', 'not a url', true],
  ])('%s → %s: %s', (a, b, cross) => {
    expect(isCrossSite(a, b)).toBe(cross);
  });
});
