import { describe, expect, it } from 'vitest';
import { CaptureBuffer } from '../../src/capture/capture-buffer';
import {
  MAX_IMPORT_BYTES,
  PanelStore,
  verdictLine,
  visibleExchanges,
  type HarFile,
} from '../../src/panel/state/panel-store';
import { generateHar } from '../../bench/generate-har';
import { diagnose, parseHarText } from '../../src/engine';
import { readFixture } from '../support/fixtures';
import { allow, API, entry, notSent, preflight } from '../support/har-builders';
import { FakeDevtoolsHost } from '../support/fake-devtools-host';

/** A store over a buffer over a fake host, with timers the test runs. */
async function setup(browser: 'chrome' | 'firefox' = 'chrome') {
  const host = new FakeDevtoolsHost(browser);
  const buffer = new CaptureBuffer(host);
  await buffer.start();
  const timers: (() => void)[] = [];
  const store = new PanelStore(buffer, { browser, version: 't', setTimer: (run) => void timers.push(run) });
  const flush = () => {
    for (const run of timers.splice(0)) run();
  };
  return { host, store, flush };
}

describe('PanelStore', () => {
  it('diagnoses captured entries in a batch, whatever their arrival order', async () => {
    const { host, store, flush } = await setup();
    // The real request arrives before its preflight, as browsers often deliver them.
    host.emitRequestFinished(notSent({ method: 'PUT', at: 0 }));
    host.emitRequestFinished(preflight({ at: 2, status: 401, statusText: 'Unauthorized' }));
    expect(store.getState().report.exchanges).toHaveLength(0);
    flush();
    const [exchange] = store.getState().report.exchanges;
    expect(exchange).toMatchObject({ outcome: 'blocked', browserError: 'PreflightMissingAllowOriginHeader' });
    expect(exchange && verdictLine(exchange)).toBe('The preflight was rejected by authentication');
  });

  it('judges a Firefox capture by Firefox rules', async () => {
    const { host, store, flush } = await setup('firefox');
    host.emitRequestFinished(
      entry({ producer: 'firefox', responseHeaders: allow('https://app.example, https://b.example') }),
    );
    flush();
    expect(store.getState().report.exchanges[0]).toMatchObject({
      browser: 'firefox',
      browserError: 'AllowOriginMismatch',
    });
  });

  it('filters problems or all, and searches by URL', async () => {
    const { host, store, flush } = await setup();
    host.emitRequestFinished(entry({ url: `${API}/ok`, responseHeaders: allow() }));
    host.emitRequestFinished(entry({ url: `${API}/broken`, at: 3 }));
    flush();
    const urls = () => visibleExchanges(store.getState()).map((e) => e.url);
    expect(urls()).toEqual([`${API}/broken`]);
    store.setFilter('all');
    expect(urls()).toEqual([`${API}/ok`, `${API}/broken`]);
    store.setSearch('/OK');
    expect(urls()).toEqual([`${API}/ok`]);
  });

  it('keeps the selection while it exists, and drops it when a navigation clears the capture', async () => {
    const { host, store, flush } = await setup();
    host.emitRequestFinished(entry({ url: `${API}/broken` }));
    flush();
    const id = store.getState().report.exchanges[0]?.id ?? null;
    store.select(id);
    host.emitRequestFinished(entry({ url: `${API}/other`, at: 4 }));
    flush();
    expect(store.getState().selectedId).toBe(id);
    host.navigate('https://app.example/next');
    flush();
    expect(store.getState().selectedId).toBeNull();
    expect(store.getState().report.exchanges).toEqual([]);
  });

  it('opens a HAR file instead of the live capture, and goes back', async () => {
    const { host, store, flush } = await setup();
    host.emitRequestFinished(entry({ url: `${API}/live` }));
    flush();
    store.importHar('chromium.har', readFixture('chromium-156/getHAR.har'));
    const state = store.getState();
    expect(state.imported?.file).toBe('chromium.har');
    expect(state.report.summary).toMatchObject({ blocked: 19 });
    expect(state.entries).toHaveLength(44);
    host.emitRequestFinished(entry({ url: `${API}/while-importing`, at: 9 }));
    flush();
    expect(store.getState().report.summary.blocked).toBe(19);
    store.closeImport();
    expect(store.getState().report.exchanges.map((e) => e.url)).toEqual([`${API}/live`, `${API}/while-importing`]);
  });

  it('publishes new entries once per batch, with their diagnosis, not once per request', async () => {
    const { host, store, flush } = await setup();
    let renders = 0;
    store.subscribe(() => renders++);
    for (let i = 0; i < 50; i++) host.emitRequestFinished(entry({ url: `${API}/item/${i}`, at: i }));
    expect(renders).toBe(0);
    expect(store.getState().capture.entries).toHaveLength(0);
    flush();
    expect(renders).toBe(1);
    const { capture, entries, report } = store.getState();
    expect(capture.entries).toHaveLength(50);
    expect(entries).toBe(capture.entries);
    expect(report.exchanges).toHaveLength(50);
    // Nothing new: nothing to show again.
    flush();
    store.select(store.getState().selectedId);
    store.setFilter(store.getState().filter);
    expect(renders).toBe(1);
  });

  it('shows what changes about the capture itself at once', async () => {
    const { host, store, flush } = await setup();
    host.emitRequestFinished(entry({ url: `${API}/a` }));
    flush();
    let renders = 0;
    store.subscribe(() => renders++);
    store.setPreserveLog(true);
    expect(store.getState().capture.preserveLog).toBe(true);
    expect(renders).toBe(1);
    host.navigate('https://app.example/next');
    expect(store.getState().capture.navigations).toBe(1);
    expect(renders).toBe(2);
  });

  describe('opening a file', () => {
    /** A file as the browser hands it over, whose text() the test settles. */
    const file = (name: string, size: number) => {
      let settle: { resolve(text: string): void; reject(error: Error): void } | null = null;
      let reads = 0;
      const handed: HarFile = {
        name,
        size,
        text: () => {
          reads++;
          return new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
        },
      };
      return { handed, settle: () => settle, reads: () => reads };
    };

    it('says it is opening the file while the browser reads it, then shows it', async () => {
      const { store } = await setup();
      const har = file('shop.har', 1000);
      const opened = store.importFile(har.handed);
      expect(store.getState()).toMatchObject({ importing: 'shop.har', imported: null, importError: null });
      har.settle()?.resolve(readFixture('chromium-156/getHAR.har'));
      await opened;
      expect(store.getState()).toMatchObject({ importing: null, importError: null, imported: { file: 'shop.har' } });
      expect(store.getState().report.summary).toMatchObject({ blocked: 19 });
    });

    it('diagnoses a big file in slices, saying how far it got, and stops when the user goes back to live', async () => {
      const host = new FakeDevtoolsHost('chrome');
      const buffer = new CaptureBuffer(host);
      await buffer.start();
      const timers: (() => void)[] = [];
      const store = new PanelStore(buffer, {
        browser: 'chrome',
        version: 't',
        setTimer: (run) => void timers.push(run),
        diagnosisSlice: 100,
      });
      const text = JSON.stringify(generateHar({ entries: 450, seed: 5 }));
      store.importHar('big.har', text);
      expect(store.getState()).toMatchObject({
        imported: { file: 'big.har' },
        diagnosing: true,
        importProgress: { total: 450 },
      });
      const shown: number[] = [];
      while (timers.length > 0) {
        timers.shift()?.();
        shown.push(store.getState().entries.length);
      }
      expect(store.getState()).toMatchObject({ diagnosing: false, importProgress: null });
      expect(shown.at(-1)).toBe(450);
      expect(store.getState().report).toEqual(
        diagnose([{ file: 'big.har', har: parseHarText(text) }], { version: 't' }),
      );

      store.importHar('again.har', text);
      store.closeImport();
      for (const run of timers.splice(0)) run();
      expect(store.getState()).toMatchObject({ imported: null, importProgress: null, entries: [] });
    });

    it('leaves a file bigger than the panel opens unread, and names the command line for it', async () => {
      const { store } = await setup();
      const har = file('support ticket.har', MAX_IMPORT_BYTES + 1);
      await store.importFile(har.handed);
      expect(har.reads()).toBe(0);
      expect(store.getState().importError).toBe(
        "support ticket.har: the file is 256.0 MiB, and the panel opens HAR files up to 256 MiB. Diagnose it with the command line, which reads big files entry by entry: npx cors-doctor diagnose 'support ticket.har'",
      );
      expect(store.getState()).toMatchObject({ importing: null, imported: null });
    });

    it('says so in one line when the browser cannot read the file, and keeps the current view', async () => {
      const { host, store, flush } = await setup();
      host.emitRequestFinished(entry({ url: `${API}/live` }));
      flush();
      const har = file('huge.har', 200 * 1024 * 1024);
      const opened = store.importFile(har.handed);
      har.settle()?.reject(new RangeError('Invalid string length'));
      await opened;
      expect(store.getState()).toMatchObject({
        importing: null,
        imported: null,
        importError: 'huge.har: cannot read: Invalid string length',
      });
      expect(store.getState().report.exchanges.map((e) => e.url)).toEqual([`${API}/live`]);
    });
  });

  it('reports a broken file in one line and keeps the current view', async () => {
    const { store } = await setup();
    store.importHar('broken.har', '{"log": {"entries": [');
    expect(store.getState().importError).toBe(
      'broken.har: not valid JSON: the file ends early (truncated?) after 21 characters',
    );
    expect(store.getState().imported).toBeNull();
  });
});
