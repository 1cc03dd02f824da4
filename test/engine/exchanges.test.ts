// Pairing is the computed step every verdict rests on: each real request with its preflight and redirect hops.
import { describe, expect, it } from 'vitest';
import { diagnose, type RawHarEntry } from '../../src/engine';
import { buildExchanges } from '../../src/engine/exchanges';
import { parseHarJson } from '../../src/engine/har/parse';
import { normalizeEntries, normalizePages } from '../../src/engine/har/normalize';
import { allow, API, entry, har, notSent, PAGE, preflight } from '../support/har-builders';

function exchanges(entries: RawHarEntry[], producer: 'chromium' | 'firefox' = 'chromium') {
  const { log } = parseHarJson(har(entries, producer));
  return buildExchanges(0, { entries: normalizeEntries(log), pages: normalizePages(log) });
}

const json = { Origin: PAGE, 'Content-Type': 'application/json' };
const summary = (list: ReturnType<typeof exchanges>) =>
  list.map((e) => ({
    method: e.method,
    request: e.hops[0]?.entry?.index ?? null,
    preflight: e.hops[0]?.preflight?.index ?? null,
    state: e.hops[0]?.preflightState,
  }));

describe('buildExchanges', () => {
  it('pairs a preflight that starts after its real request (as both browsers record it)', () => {
    const list = exchanges([
      entry({ method: 'PUT', at: 0, requestHeaders: json, responseHeaders: allow() }),
      preflight({ at: 3, requestedHeaders: ['content-type'], responseHeaders: allow() }),
    ]);
    expect(summary(list)).toEqual([{ method: 'PUT', request: 0, preflight: 1, state: 'observed' }]);
  });

  it('pairs concurrent identical requests with the nearest preflight each (FIFO)', () => {
    const list = exchanges([
      entry({ method: 'PUT', at: 0, requestHeaders: json }),
      entry({ method: 'PUT', at: 3, requestHeaders: json }),
      preflight({ at: 7, requestedHeaders: ['content-type'] }),
      preflight({ at: 9, requestedHeaders: ['content-type'] }),
    ]);
    expect(summary(list).map((s) => [s.request, s.preflight])).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('leaves the second of two requests without a preflight when the browser reused a cached one', () => {
    const list = exchanges([
      entry({ method: 'PUT', at: 0, requestHeaders: json }),
      preflight({ at: 2, requestedHeaders: ['content-type'] }),
      entry({ method: 'PUT', at: 8, requestHeaders: json }),
    ]);
    expect(summary(list).map((s) => s.state)).toEqual(['observed', 'not-observed']);
  });

  it('does not give a preflight to a request that needed none, even to the same URL', () => {
    const list = exchanges([
      entry({ method: 'GET', at: 0 }),
      entry({ method: 'GET', at: 1, requestHeaders: { Origin: PAGE, 'X-Trace': '1' } }),
      preflight({ for: 'GET', at: 3, requestedHeaders: ['x-trace'] }),
    ]);
    expect(summary(list)).toEqual([
      { method: 'GET', request: 0, preflight: null, state: 'not-needed' },
      { method: 'GET', request: 1, preflight: 2, state: 'observed' },
    ]);
  });

  it('prefers the preflight whose requested headers match the request', () => {
    const list = exchanges([
      preflight({ at: 2, requestedHeaders: ['x-b'] }),
      preflight({ at: 3, requestedHeaders: ['x-a'] }),
      entry({ method: 'PUT', at: 0, requestHeaders: { Origin: PAGE, 'X-A': '1' } }),
    ]);
    // Exchanges are listed by their first entry: the unmatched preflight (0) first, then the request (2).
    expect(summary(list)).toEqual([
      { method: 'PUT', request: null, preflight: 0, state: 'observed' },
      { method: 'PUT', request: 2, preflight: 1, state: 'observed' },
    ]);
  });

  it('turns a preflight without its real request into a preflight-only exchange (Firefox live capture)', () => {
    const list = exchanges(
      [preflight({ producer: 'firefox', status: 404, requestedHeaders: ['authorization'] })],
      'firefox',
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ method: 'PUT', url: `${API}/data`, origin: PAGE, mode: 'cors' });
    expect(list[0]?.hops[0]).toMatchObject({ entry: null, preflightState: 'observed' });
  });

  it('takes the origin of a never-sent request from its preflight (Chromium records only provisional headers)', () => {
    const list = exchanges([
      notSent({ method: 'PUT', at: 0 }),
      preflight({ at: 1, requestedHeaders: ['content-type'], status: 401 }),
    ]);
    expect(list[0]).toMatchObject({ origin: PAGE, crossOrigin: true, mode: 'cors' });
  });

  it('chains redirect hops and sends Origin: null after a redirect to a third origin (R12)', () => {
    const list = exchanges([
      entry({ at: 0, status: 302, redirectURL: 'https://cdn.example/file', responseHeaders: allow() }),
      entry({
        at: 4,
        url: 'https://cdn.example/file',
        requestHeaders: { Origin: 'null' },
        responseHeaders: allow('*'),
      }),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]?.hops.map((h) => [h.url, h.origin, h.corsChecked])).toEqual([
      [`${API}/data`, PAGE, true],
      ['https://cdn.example/file', 'null', true],
    ]);
  });

  it('resolves a relative redirect and keeps the origin for a same-origin hop', () => {
    const list = exchanges([
      entry({ at: 0, status: 301, redirectURL: '/data/', responseHeaders: allow() }),
      entry({ at: 2, url: `${API}/data/`, responseHeaders: allow() }),
    ]);
    expect(list[0]?.hops.map((h) => h.origin)).toEqual([PAGE, PAGE]);
  });

  it('does not check CORS on a same-origin request until a redirect leaves the origin', () => {
    const list = exchanges([
      entry({
        at: 0,
        url: `${PAGE}/go`,
        status: 302,
        redirectURL: `${API}/data`,
        requestHeaders: { Referer: `${PAGE}/` },
      }),
      entry({ at: 2, url: `${API}/data`, requestHeaders: { Origin: PAGE }, responseHeaders: allow() }),
    ]);
    expect(list[0]?.hops.map((h) => h.corsChecked)).toEqual([false, true]);
    expect(list[0]?.crossOrigin).toBe(true);
  });

  it('classifies the request mode from Sec-Fetch-Mode, or infers it', () => {
    const list = exchanges([
      entry({
        at: 0,
        url: `${API}/img.png`,
        resourceType: 'image',
        requestHeaders: { 'Sec-Fetch-Mode': 'no-cors', Referer: `${PAGE}/` },
      }),
      entry({ at: 1, url: `${PAGE}/`, resourceType: 'document' }),
      entry({ at: 2, requestHeaders: { Origin: PAGE } }),
    ]);
    expect(list.map((e) => e.mode)).toEqual(['no-cors', 'navigate', 'cors']);
  });
});

describe('a redirect whose target is not in the capture', () => {
  const firefoxRedirect = (status: number) =>
    entry({
      producer: 'firefox',
      status,
      statusText: status === 0 ? '' : 'Found',
      redirectURL: 'https://cdn.example/data',
      responseHeaders: allow(PAGE, { Location: 'https://cdn.example/data' }),
    });
  const diagnoseFirefox = (entries: RawHarEntry[]) =>
    diagnose([{ file: 't.har', har: parseHarJson(har(entries, 'firefox')) }], { version: 't' }).exchanges;

  it('Firefox zeroes the status when the target then failed CORS: blocked there, check not derivable', () => {
    const [e] = diagnoseFirefox([firefoxRedirect(0)]);
    expect(e).toMatchObject({ outcome: 'blocked', browserError: null, netError: null });
    expect(e?.diagnoses.map((d) => d.rule)).toContain('verdict-not-derived');
  });

  it('with its 3xx status, the capture just ends there: undecided', () => {
    const [e] = diagnoseFirefox([firefoxRedirect(302)]);
    expect(e?.outcome).toBe('unknown');
  });
});
