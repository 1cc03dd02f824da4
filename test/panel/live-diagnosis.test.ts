// The panel diagnoses the live capture incrementally (src/panel/state/live-diagnosis.ts): it feeds the engine only
// the entries that are new. Whatever happens to the buffer (bursts of requests, clear, navigations, the oldest entries
// dropped at the limit, a backfill in front, an entry replaced by its complete version), the store's report must be
// exactly what a full diagnose() of the buffer gives.
import { describe, expect, it } from 'vitest';
import { generateHar } from '../../bench/generate-har';
import { CaptureBuffer, type CaptureOptions } from '../../src/capture/capture-buffer';
import { diagnose, parseHarJson, type RawHarEntry, type Report } from '../../src/engine';
import { LiveDiagnosis } from '../../src/panel/state/live-diagnosis';
import { PanelStore } from '../../src/panel/state/panel-store';
import { FakeDevtoolsHost } from '../support/fake-devtools-host';
import { entry } from '../support/har-builders';
import { randomCapture, shuffled } from '../support/random-captures';

/** What the store diagnosed before it was incremental: the whole buffer, every time. */
function fullDiagnosis(entries: readonly RawHarEntry[], creator = 'WebInspector'): Report {
  const har = parseHarJson({ log: { creator: { name: creator, version: '' }, entries: [...entries] } });
  return diagnose([{ file: 'live capture', har }], { version: 't' });
}

/** A store over a buffer over a fake host; the store's debounce and the buffer's recovery run when the test says. */
async function setup(
  options: CaptureOptions & { browser?: 'chrome' | 'firefox'; start?: boolean; diagnosisSlice?: number } = {},
) {
  const browser = options.browser ?? 'chrome';
  const host = new FakeDevtoolsHost(browser);
  const recoveries: (() => void)[] = [];
  const buffer = new CaptureBuffer(host, { ...options, setTimer: (run) => void recoveries.push(run) });
  const started = options.start === false ? null : buffer.start();
  if (started) await started;
  const timers: (() => void)[] = [];
  const store = new PanelStore(buffer, {
    browser,
    version: 't',
    setTimer: (run) => void timers.push(run),
    diagnosisSlice: options.diagnosisSlice,
  });
  const flush = () => {
    for (const run of timers.splice(0)) run();
  };
  const emit = (entries: readonly RawHarEntry[]) => {
    for (const e of entries) host.emitRequestFinished(e);
  };
  /** The store's report, checked against a full diagnosis of what the buffer holds now. */
  const expectFullDiagnosis = (label: string) => {
    const { entries, report } = store.getState();
    expect(entries, label).toBe(buffer.getState().entries);
    expect(report, label).toEqual(fullDiagnosis(entries, browser === 'firefox' ? 'Firefox' : 'WebInspector'));
  };
  /** Runs the buffer's recoveries until none is pending (one may want another, for what came during it). */
  const runRecoveries = async () => {
    for (let round = 0; round < 10 && recoveries.length > 0; round++) {
      for (const run of recoveries.splice(0)) run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { host, buffer, store, timers, flush, emit, expectFullDiagnosis, runRecoveries, started };
}

/** Cuts `entries` into bursts of varied sizes, as a page's requests arrive. */
function bursts<T>(entries: readonly T[]): T[][] {
  const sizes = [1, 3, 17, 1, 40, 7];
  const out: T[][] = [];
  for (let i = 0, n = 0; i < entries.length; n++) {
    const size = sizes[n % sizes.length] ?? 1;
    out.push(entries.slice(i, i + size));
    i += size;
  }
  return out;
}

const generated = (count: number, seed: number, producer: 'chromium' | 'firefox' = 'chromium') =>
  shuffled(generateHar({ entries: count, seed, producer }).log.entries as unknown as RawHarEntry[], seed);

describe('the panel store on the incremental engine', () => {
  it('equals a full diagnosis of the buffer after every burst of requests', async () => {
    const { emit, flush, expectFullDiagnosis } = await setup();
    const arrivals = bursts([...generated(300, 3), ...randomCapture(11, 120)]);
    arrivals.forEach((burst, i) => {
      emit(burst);
      flush();
      expectFullDiagnosis(`after burst ${i + 1} of ${arrivals.length}`);
    });
  });

  it('judges by Firefox rules in Firefox', async () => {
    const { emit, flush, expectFullDiagnosis, store } = await setup({ browser: 'firefox' });
    for (const burst of bursts(generated(200, 5, 'firefox'))) {
      emit(burst);
      flush();
    }
    expectFullDiagnosis('firefox');
    expect(store.getState().report.exchanges.every((e) => e.browser === 'firefox')).toBe(true);
  });

  it('starts over on clear, and on a navigation unless the log is preserved', async () => {
    const { emit, flush, store, host, expectFullDiagnosis } = await setup();
    const all = generated(320, 20);
    const [first, second, third, fourth] = [0, 1, 2, 3].map((i) => all.slice(i * 80, (i + 1) * 80));
    emit(first ?? []);
    flush();
    store.clear();
    flush();
    expectFullDiagnosis('after clear');
    expect(store.getState().report.exchanges).toEqual([]);

    emit(second ?? []);
    flush();
    host.navigate('https://shop.example/next');
    // New requests before the debounce ran: the store sees the cleared buffer and new entries at once.
    emit(third ?? []);
    flush();
    expectFullDiagnosis('after a navigation');
    expect(store.getState().entries).toHaveLength(80);

    store.setPreserveLog(true);
    host.navigate('https://shop.example/kept');
    emit(fourth ?? []);
    flush();
    expectFullDiagnosis('after a navigation with preserve log');
    expect(store.getState().entries).toHaveLength(160);
  });

  it('stays equal when the buffer drops its oldest entries at the limit, and says how many went', async () => {
    const { emit, flush, store, expectFullDiagnosis } = await setup({ limit: 120, dropBatch: 12 });
    bursts(generated(400, 8)).forEach((burst, i) => {
      emit(burst);
      flush();
      expectFullDiagnosis(`after burst ${i + 1}`);
      expect(store.getState().entries.length).toBeLessThanOrEqual(120);
    });
    expect(store.getState().capture.dropped).toBeGreaterThanOrEqual(280);
  });

  it('at the limit, starts over in slices, showing a consistent, slightly older result meanwhile', async () => {
    const { emit, flush, store, timers, expectFullDiagnosis } = await setup({
      limit: 300,
      dropBatch: 30,
      diagnosisSlice: 40,
    });
    const arrivals = generated(420, 9);
    emit(arrivals.slice(0, 300));
    // 300 new entries are more than a slice: caught up in slices too.
    for (let round = 0; round < 100 && timers.length > 0; round++) flush();
    expect(store.getState().diagnosing).toBe(false);
    expectFullDiagnosis('full, before any drop');
    emit(arrivals.slice(300, 301)); // over the limit: the oldest 30 go
    flush();
    let slices = 0;
    while (timers.length > 0) {
      const state = store.getState();
      expect(state.diagnosing).toBe(true);
      expect(state.report).toEqual(fullDiagnosis(state.entries));
      if (slices === 2) emit(arrivals.slice(301, 330)); // requests keep coming meanwhile
      for (const run of timers.splice(0)) run();
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(store.getState().diagnosing).toBe(false);
    expect(store.getState().capture.dropped).toBe(30);
    expectFullDiagnosis('caught up');
    expect(store.getState().entries).toHaveLength(300);
  });

  it('stays equal when the backfill puts older entries in front of the live ones', async () => {
    const host = new FakeDevtoolsHost();
    const all = generated(120, 31);
    const [older, live] = [all.slice(0, 60), all.slice(60)];
    host.har = older;
    host.holdBackfill = true;
    const buffer = new CaptureBuffer(host, { setTimer: () => undefined });
    const started = buffer.start();
    const timers: (() => void)[] = [];
    const store = new PanelStore(buffer, { browser: 'chrome', version: 't', setTimer: (run) => void timers.push(run) });
    const flush = () => timers.splice(0).forEach((run) => run());
    for (const e of live) host.emitRequestFinished(e);
    flush();
    host.releaseBackfill();
    await started;
    flush();
    const { entries, report } = store.getState();
    expect(entries).toHaveLength(120);
    expect(entries[0]).toBe(older[0]);
    expect(report).toEqual(fullDiagnosis(entries));
  });

  it('stays equal when a live entry is replaced by its complete version from getHAR()', async () => {
    const { host, emit, flush, expectFullDiagnosis, runRecoveries, store } = await setup();
    emit(generated(50, 41));
    const early = entry({
      at: 0,
      status: 0,
      statusText: '',
      error: 'net::ERR_FAILED',
      requestHeaders: { Accept: '*/*' },
    });
    const full = entry({
      at: 0,
      status: 200,
      error: 'net::ERR_FAILED',
      requestHeaders: { Accept: '*/*', 'Accept-Encoding': 'gzip', Origin: 'https://app.example' },
    });
    emit([early]);
    flush();
    expectFullDiagnosis('with the early entry');
    const index = store.getState().entries.indexOf(early);
    store.select(store.getState().report.exchanges.find((e) => e.entries.request === index)?.id ?? null);
    expect(store.getState().selectedId).not.toBeNull();
    host.har = [full];
    await runRecoveries();
    flush();
    expect(store.getState().entries).toContain(full);
    expectFullDiagnosis('with the complete entry');
    // The selection stays on that request, now in its complete version.
    const { selectedId, report, entries } = store.getState();
    expect(report.exchanges.find((e) => e.id === selectedId)?.entries.request).toBe(entries.indexOf(full));
  });

  it('keeps the selection on the same request when the buffer drops older ones', async () => {
    const { emit, flush, store } = await setup({ limit: 100, dropBatch: 10 });
    const arrivals = Array.from({ length: 105 }, (_, i) => entry({ url: `https://api.example/item/${i}`, at: i * 10 }));
    emit(arrivals.slice(0, 100));
    flush();
    const chosen = store.getState().report.exchanges.find((e) => e.url.endsWith('/item/50'));
    store.select(chosen?.id ?? null);
    emit(arrivals.slice(100));
    flush();
    const { selectedId, report, capture } = store.getState();
    expect(capture.dropped).toBe(10);
    expect(report.exchanges.find((e) => e.id === selectedId)?.url).toBe('https://api.example/item/50');
    expect(selectedId).not.toBe(chosen?.id);

    // A selection whose request was dropped is gone.
    const oldest = report.exchanges[0];
    store.select(oldest?.id ?? null);
    emit(Array.from({ length: 6 }, (_, i) => entry({ url: `https://api.example/more/${i}`, at: 2_000 + i })));
    flush();
    expect(store.getState().selectedId).toBeNull();
  });
});

describe('LiveDiagnosis', () => {
  const options = { file: 'live capture', creator: 'WebInspector', version: 't' };

  /** A diagnosis whose slices run when the test says; `update` returns the report once it has caught up. */
  function live(slice?: number) {
    const timers: (() => void)[] = [];
    let caughtUp = 0;
    const diagnosis = new LiveDiagnosis({
      ...options,
      slice,
      setTimer: (run) => void timers.push(run),
      onCaughtUp: () => caughtUp++,
    });
    return {
      diagnosis,
      timers,
      caughtUp: () => caughtUp,
      update(entries: readonly RawHarEntry[]): Report {
        diagnosis.update(entries);
        while (timers.length > 0) timers.shift()?.();
        expect(diagnosis.latest.entries).toBe(entries);
        return diagnosis.latest.report;
      },
    };
  }

  it('feeds only the new entries while the buffer grows, and starts over when it does not', () => {
    const { diagnosis, update } = live();
    const entries = generated(160, 51);
    let buffer: RawHarEntry[] = [];
    for (const burst of bursts(entries.slice(0, 150))) {
      buffer = [...buffer, ...burst];
      expect(update(buffer)).toEqual(fullDiagnosis(buffer));
    }
    expect(diagnosis.restarts).toBe(0);

    buffer = buffer.slice(15); // dropped at the limit
    expect(update(buffer)).toEqual(fullDiagnosis(buffer));
    expect(diagnosis.restarts).toBe(1);
    buffer = [...buffer, ...entries.slice(150)];
    expect(update(buffer)).toEqual(fullDiagnosis(buffer));
    expect(diagnosis.restarts).toBe(1);
    expect(update([])).toEqual(fullDiagnosis([]));
    expect(diagnosis.restarts).toBe(2);
  });

  it('starts over in slices, keeping the last complete result until it has caught up', () => {
    const { diagnosis, timers, caughtUp } = live(40);
    const entries = generated(300, 71);
    diagnosis.update(entries.slice(0, 30)); // small enough for one slice: at once
    expect(diagnosis.busy).toBe(false);
    const first = diagnosis.latest;

    const dropped = entries.slice(10, 200);
    diagnosis.update(dropped);
    expect(diagnosis.busy).toBe(true);
    expect(diagnosis.latest).toBe(first);
    timers.shift()?.();
    // More entries while catching up: they are diagnosed in the same pass.
    const grown = [...dropped, ...entries.slice(200, 260)];
    diagnosis.update(grown);
    expect(diagnosis.latest).toBe(first);
    let slices = 0;
    while (timers.length > 0) {
      expect(diagnosis.latest.report).toEqual(fullDiagnosis(diagnosis.latest.entries));
      timers.shift()?.();
      slices++;
    }
    expect(slices).toBeGreaterThan(2);
    expect(diagnosis.busy).toBe(false);
    expect(caughtUp()).toBe(1);
    expect(diagnosis.latest.entries).toBe(grown);
    expect(diagnosis.latest.report).toEqual(fullDiagnosis(grown));
    expect(diagnosis.restarts).toBe(1);
  });

  it('starts over again when the buffer changes otherwise while it catches up', () => {
    const { diagnosis, timers } = live(40);
    const entries = generated(300, 81);
    diagnosis.update(entries.slice(0, 5));
    diagnosis.update(entries.slice(1, 200)); // the oldest dropped: starts over, in slices
    expect(diagnosis.busy).toBe(true);
    timers.shift()?.();
    const cleared = entries.slice(200, 210);
    diagnosis.update(cleared);
    while (timers.length > 0) timers.shift()?.();
    expect(diagnosis.latest.entries).toBe(cleared);
    expect(diagnosis.latest.report).toEqual(fullDiagnosis(cleared));
    expect(diagnosis.restarts).toBe(2);
  });

  it('catches up with a big batch of new entries in slices, from what it had diagnosed, saying how far it got', () => {
    const timers: (() => void)[] = [];
    let progressed = 0;
    let caughtUp = 0;
    const diagnosis = new LiveDiagnosis({
      ...options,
      slice: 100,
      sliceMs: Infinity,
      setTimer: (run) => void timers.push(run),
      onProgress: () => progressed++,
      onCaughtUp: () => caughtUp++,
    });
    const entries = generated(450, 17);
    diagnosis.update(entries.slice(0, 50)); // a small batch: at once
    expect(diagnosis.latest.entries).toHaveLength(50);
    diagnosis.update(entries); // 400 new at once (a buffer handed over, an imported HAR): in slices
    expect(diagnosis.busy).toBe(true);
    expect(diagnosis.progress).toEqual({ done: 150, total: 450 });
    expect(diagnosis.latest.entries).toHaveLength(50); // the last complete result meanwhile
    const seen: (number | undefined)[] = [];
    while (timers.length > 0) {
      timers.shift()?.();
      seen.push(diagnosis.progress?.done);
    }
    expect(seen).toEqual([250, 350, undefined]);
    expect(progressed).toBe(2);
    expect(caughtUp).toBe(1);
    expect(diagnosis.restarts).toBe(0); // went on from the 50 it had, not from scratch
    expect(diagnosis.latest.report).toEqual(fullDiagnosis(entries));
  });

  it('ends a slice when its time budget runs out, before its number of entries', () => {
    const timers: (() => void)[] = [];
    let clock = 0;
    const diagnosis = new LiveDiagnosis({
      ...options,
      slice: 250,
      sliceMs: 15,
      // Every look at the clock finds 10 ms gone: a slow machine, or a busy one.
      now: () => (clock += 10),
      setTimer: (run) => void timers.push(run),
    });
    const entries = generated(600, 91);
    diagnosis.update(entries.slice(0, 10));
    diagnosis.update(entries.slice(1, 600)); // the oldest dropped: starts over, in slices
    let slices = 1;
    while (timers.length > 0) {
      expect(diagnosis.busy).toBe(true);
      timers.shift()?.();
      slices++;
    }
    // 599 entries in slices of 250 would be 3; the budget allows two looks at the clock, 25 entries each.
    expect(slices).toBe(Math.ceil(599 / 50));
    expect(diagnosis.latest.report).toEqual(fullDiagnosis(entries.slice(1, 600)));
  });

  it('keeps the same report object while the buffer is unchanged', () => {
    const { diagnosis } = live();
    const buffer = generated(20, 61);
    diagnosis.update(buffer);
    const report = diagnosis.latest.report;
    diagnosis.update(buffer);
    expect(diagnosis.latest.report).toBe(report);
  });
});
