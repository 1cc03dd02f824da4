// The DevTools panel diagnoses a capture that grows one entry at a time, in whatever order the browser reports them
// (a preflight after its real request, a getHAR() backfill after live entries). IncrementalDiagnoser must give, after
// every entry, exactly what diagnose() gives for the same entries in the same order, while recomputing only what an
// entry touches.
import { describe, expect, it } from 'vitest';
import { generateHar } from '../../bench/generate-har';
import {
  diagnose,
  IncrementalDiagnoser,
  parseHarJson,
  type ExchangeReport,
  type RawHarEntry,
  type RawHarLog,
  type Report,
} from '../../src/engine';
import { readFixture, requireSharedFixtures } from '../support/fixtures';
import { allow, API, entry, notSent, PAGE, preflight } from '../support/har-builders';
import { randomCapture, shuffled } from '../support/random-captures';

requireSharedFixtures();

type Envelope = Partial<RawHarLog>;

function batch(log: Envelope, entries: readonly unknown[], all: boolean): Report {
  return diagnose([{ file: 'live', har: parseHarJson({ log: { ...log, entries } }) }], { version: 'test', all });
}

/**
 * Adds `entries` one at a time, keeping a view up to date from flush() as a panel would, and compares the report
 * and the view with diagnose() over the entries so far, every `every` entries and after the last.
 */
function feed(log: Envelope, entries: readonly unknown[], options: { all?: boolean; every?: number } = {}) {
  const all = options.all ?? false;
  const live = new IncrementalDiagnoser({ version: 'test', all, file: 'live', log });
  const view = new Map<string, ExchangeReport>();
  entries.forEach((raw, i) => {
    live.add(raw);
    const { updated, removed } = live.flush();
    for (const id of removed) view.delete(id);
    for (const report of updated) view.set(report.id, report);
    if ((i + 1) % (options.every ?? 1) !== 0 && i !== entries.length - 1) return;
    const expected = batch(log, entries.slice(0, i + 1), all);
    expect(live.report(), `after ${i + 1} entries`).toEqual(expected);
    expect(view, `view after ${i + 1} entries`).toEqual(new Map(expected.exchanges.map((e) => [e.id, e])));
  });
  return live;
}

/** The verdict of each exchange, without entry indexes: what must not depend on the order entries arrived in. */
function verdicts(report: Report): string[] {
  return report.exchanges
    .map((e) =>
      [e.method, e.url, e.outcome, e.browserError, e.failedParameter, e.netError, e.preflight, e.hops.length].join(' '),
    )
    .sort();
}

const FIXTURES = [
  'chromium-156/getHAR.har',
  'chromium-156/stream.har',
  'firefox-153/getHAR.har',
  'firefox-153/stream.har',
];

describe('IncrementalDiagnoser equals diagnose()', () => {
  describe.each(FIXTURES)('real capture %s', (file) => {
    const { log } = JSON.parse(readFixture(file)) as { log: RawHarLog };
    const { entries, ...envelope } = log;

    it('in the order of the file, after every entry', () => {
      feed(envelope, entries);
      feed(envelope, entries, { all: true, every: 5 });
    });

    it.each([1, 2, 3])('in shuffled order %i, with the same verdicts', (seed) => {
      const live = feed(envelope, shuffled(entries, seed), { all: seed === 2, every: seed });
      if (seed % 2 === 1) expect(verdicts(live.report())).toEqual(verdicts(batch(envelope, entries, false)));
    });
  });

  it.each(['chromium', 'firefox'] as const)('a generated %s capture in shuffled order', (producer) => {
    const { log } = generateHar({ entries: 1200, seed: 7, producer });
    const { entries, ...envelope } = log;
    feed(envelope, shuffled(entries, 11), { every: 300 });
  });

  it('random captures with colliding times, in every arrival order tried', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const entries = randomCapture(seed, 4 + (seed % 40));
      feed({ creator: { name: seed % 3 ? 'WebInspector' : 'Firefox' } }, entries, { all: seed % 2 === 0, every: 4 });
    }
  });

  // Reports that read other entries of the capture: each must change when (and only when) a later entry changes
  // what it read.
  const OTHER = 'https://other.example';
  const scenario: RawHarEntry[] = [
    // vary-origin-missing, proven by another response for the same URL allowing another origin.
    entry({ url: `${API}/catalog`, at: 0, responseHeaders: allow(PAGE) }),
    entry({ url: `${API}/catalog`, at: 100, requestHeaders: { Origin: OTHER }, responseHeaders: allow(OTHER) }),
    // A cached response made for another page (Age), and a fresh response of the same server that allowed this one.
    entry({
      url: `${API}/config`,
      at: 200,
      responseHeaders: { ...allow(OTHER), Age: '120' },
      error: 'net::ERR_FAILED',
    }),
    entry({ url: `${API}/health`, at: 10, responseHeaders: allow(PAGE) }),
    // A 401 without CORS headers from a server whose other responses carry them (the first one is cited).
    entry({ url: `${API}/me`, at: 300, status: 401, statusText: 'Unauthorized', error: 'net::ERR_FAILED' }),
    entry({ url: `${API}/ping`, at: 310, responseHeaders: allow(PAGE) }),
    // Cookies: an earlier request to the host sent some, so this one went without credentials.
    entry({ url: `${API}/profile`, at: 400, requestHeaders: { Origin: PAGE }, responseHeaders: allow('*') }),
    entry({
      url: `${API}/session`,
      at: 350,
      requestHeaders: { Origin: PAGE, Cookie: 'sid=1' },
      responseHeaders: allow(PAGE),
    }),
    // A cross-site API setting a SameSite=Lax cookie, then answering 401 to a request that could not send it.
    entry({
      url: 'https://api.elsewhere.example/login',
      at: 500,
      responseHeaders: {
        ...allow(PAGE),
        'Access-Control-Allow-Credentials': 'true',
        'Set-Cookie': 'sid=2; SameSite=Lax',
      },
    }),
    entry({
      url: 'https://api.elsewhere.example/me',
      at: 550,
      status: 401,
      statusText: '',
      responseHeaders: allow(PAGE),
    }),
    // The server's stack, revealed by another of its responses.
    entry({ url: `${API}/stack`, at: 600, status: 500, error: 'net::ERR_FAILED' }),
    entry({ url: `${API}/other`, at: 610, responseHeaders: { ...allow(PAGE), 'X-Powered-By': 'Express' } }),
    // The page's own address (api-wrong-environment, local-network-access), then a request to a local API.
    {
      ...entry({ url: `${PAGE}/`, at: -100, resourceType: 'document', requestHeaders: {} }),
      serverIPAddress: '10.0.0.5',
    },
    {
      ...entry({ url: 'http://localhost:8080/api', at: 700, status: 0, error: 'net::ERR_CONNECTION_REFUSED' }),
      serverIPAddress: '',
    },
    // A preflighted request whose preflight, and a redirect whose next hop, may arrive first.
    entry({ method: 'PUT', url: `${API}/items`, at: 800, requestHeaders: { Origin: PAGE, 'X-A': '1' } }),
    preflight({ url: `${API}/items`, at: 803, requestedHeaders: ['x-a'], responseHeaders: allow(PAGE) }),
    entry({ url: `${API}/old`, at: 900, status: 302, responseHeaders: { ...allow(PAGE), Location: `${OTHER}/new` } }),
    entry({ url: `${OTHER}/new`, at: 905, requestHeaders: { Origin: 'null' } }),
    // A GET Chromium answered from its cache (no response of its own), and the earlier response it reused the copy of.
    notSent({ url: `${API}/cached`, at: 1000, requestHeaders: { Referer: `${PAGE}/` } }),
    entry({
      url: `${API}/cached`,
      at: 950,
      requestHeaders: { Origin: OTHER },
      responseHeaders: allow(OTHER, { 'Cache-Control': 'max-age=600' }),
    }),
  ];

  it('entries that change what another exchange read from the capture, in 30 arrival orders', () => {
    for (let seed = 0; seed < 30; seed++) {
      feed({ creator: { name: 'WebInspector' } }, seed === 0 ? scenario : shuffled(scenario, seed), {
        all: seed % 2 === 1,
      });
    }
  });
});

describe('IncrementalDiagnoser', () => {
  const log = { creator: { name: 'WebInspector', version: '1' } };
  const put = entry({ method: 'PUT', at: 0, requestHeaders: { Origin: PAGE, 'X-A': '1' } });
  const itsPreflight = preflight({ at: 4, requestedHeaders: ['x-a'], responseHeaders: allow(PAGE) });

  it('re-pairs a request when its preflight arrives after it, and says which report changed', () => {
    const live = new IncrementalDiagnoser({ version: 'test', log });
    live.add(put);
    const first = live.flush();
    expect(first.updated.map((e) => [e.id, e.preflight])).toEqual([['0:0', 'not-observed']]);
    live.add(itsPreflight);
    const second = live.flush();
    expect(second.updated.map((e) => [e.id, e.preflight, e.entries.preflight])).toEqual([['0:0', 'observed', 1]]);
    expect(second.removed).toEqual([]);
    expect(live.flush()).toEqual({ updated: [], removed: [] });
  });

  it('replaces a preflight-only exchange when its request arrives', () => {
    const live = new IncrementalDiagnoser({ version: 'test', log });
    live.add(itsPreflight);
    expect(live.flush().updated.map((e) => e.id)).toEqual(['0:0']);
    live.add(put);
    const { updated, removed } = live.flush();
    // An exchange is named after its request: the preflight's own exchange is gone.
    expect(updated.map((e) => [e.id, e.entries])).toEqual([['0:1', { request: 1, preflight: 0, redirects: [] }]]);
    expect(removed).toEqual(['0:0']);
  });

  it('reset() forgets every entry and removes every report', () => {
    const live = new IncrementalDiagnoser({ version: 'test', log });
    live.addAll([put, itsPreflight]);
    expect(live.exchanges()).toHaveLength(1);
    live.reset();
    expect(live.size).toBe(0);
    expect(live.flush()).toEqual({ updated: [], removed: ['0:0'] });
    expect(live.report()).toEqual(batch(log, [], false));
    live.add(itsPreflight);
    expect(live.report()).toEqual(batch(log, [itsPreflight], false));
  });

  it('keeps the slot of an entry that is not an object, as diagnose() does', () => {
    const live = new IncrementalDiagnoser({ version: 'test', log });
    live.addAll([put, 42, itsPreflight]);
    expect(live.report()).toEqual(batch(log, [put, 42, itsPreflight], false));
    expect(live.report().inputs[0]?.problems).toContainEqual({
      entry: 1,
      problem: 'skipped: entry is a number, not an object',
    });
  });
});
