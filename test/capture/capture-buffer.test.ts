import { describe, expect, it } from 'vitest';
import { CaptureBuffer } from '../../src/capture/capture-buffer';
import { API, entry, notSent, preflight } from '../support/har-builders';
import { FakeDevtoolsHost } from '../support/fake-devtools-host';

const a = entry({ url: `${API}/a`, at: 0 });
const b = entry({ url: `${API}/b`, at: 5 });
const c = entry({ url: `${API}/c`, at: 9 });
const urls = (buffer: CaptureBuffer) => buffer.getState().entries.map((e) => e.request?.url);
/** The i-th preflighted PUT, with the headers of a complete entry, and its preflight 3 ms later. */
const put = (i: number) =>
  entry({
    method: 'PUT',
    url: `${API}/items/${i}`,
    at: i * 100,
    requestHeaders: { Origin: 'https://app.example', 'Accept-Encoding': 'gzip' },
  });
const options = (i: number) =>
  preflight({ url: `${API}/items/${i}`, at: i * 100 + 3, requestHeaders: { 'Accept-Encoding': 'gzip' } });

/** Timers run when the test says so. */
function manualTimers() {
  const pending: (() => void)[] = [];
  return {
    setTimer: (callback: () => void) => void pending.push(callback),
    runAll: async () => {
      for (const run of pending.splice(0)) run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('CaptureBuffer', () => {
  it('backfills what happened before it listened, then follows live entries', async () => {
    const host = new FakeDevtoolsHost();
    host.har = [a, b];
    const buffer = new CaptureBuffer(host);
    let changes = 0;
    buffer.subscribe(() => changes++);
    await buffer.start();
    host.emitRequestFinished(c);
    expect(urls(buffer)).toEqual([`${API}/a`, `${API}/b`, `${API}/c`]);
    expect(changes).toBe(2);
    expect(buffer.getState().startedLate).toBe(false);
  });

  it('keeps an entry seen both live and in the backfill once, in order', async () => {
    const host = new FakeDevtoolsHost();
    host.har = [a, b];
    host.holdBackfill = true;
    const buffer = new CaptureBuffer(host);
    const started = buffer.start();
    host.emitRequestFinished(b);
    host.emitRequestFinished(c);
    host.releaseBackfill();
    await started;
    expect(urls(buffer)).toEqual([`${API}/a`, `${API}/b`, `${API}/c`]);
  });

  it('clears on navigation, and drops a backfill the navigation made stale', async () => {
    const host = new FakeDevtoolsHost();
    host.har = [a];
    host.holdBackfill = true;
    const buffer = new CaptureBuffer(host);
    const started = buffer.start();
    host.navigate('https://app.example/next');
    host.emitRequestFinished(c);
    host.releaseBackfill();
    await started;
    expect(urls(buffer)).toEqual([`${API}/c`]);
    expect(buffer.getState().navigations).toBe(1);
  });

  it('keeps entries across navigations with preserve log', async () => {
    const host = new FakeDevtoolsHost();
    const buffer = new CaptureBuffer(host);
    await buffer.start();
    buffer.setPreserveLog(true);
    host.emitRequestFinished(a);
    host.navigate('https://app.example/next');
    host.emitRequestFinished(b);
    expect(urls(buffer)).toEqual([`${API}/a`, `${API}/b`]);
  });

  it('flags a capture that began after the page loaded, until the next navigation', async () => {
    const host = new FakeDevtoolsHost();
    const buffer = new CaptureBuffer(host);
    await buffer.start();
    expect(buffer.getState().startedLate).toBe(true);
    host.navigate('https://app.example/');
    expect(buffer.getState().startedLate).toBe(false);
  });

  it('keeps at most the limit, oldest out first, and counts the dropped', async () => {
    const host = new FakeDevtoolsHost();
    const buffer = new CaptureBuffer(host, { limit: 2 });
    await buffer.start();
    for (const e of [a, b, c]) host.emitRequestFinished(e);
    expect(urls(buffer)).toEqual([`${API}/b`, `${API}/c`]);
    expect(buffer.getState().dropped).toBe(1);
  });

  it('when full, drops the oldest in a batch, so entries keep their positions between drops', async () => {
    const host = new FakeDevtoolsHost();
    const buffer = new CaptureBuffer(host, { limit: 10 }); // drops a tenth at least: here 1
    const batched = new CaptureBuffer(host, { limit: 10, dropBatch: 4 });
    await Promise.all([buffer.start(), batched.start()]);
    const many = Array.from({ length: 13 }, (_, i) => entry({ url: `${API}/${i}`, at: i }));
    const held: number[] = [];
    for (const e of many) {
      host.emitRequestFinished(e);
      held.push(batched.getState().entries.length);
    }
    expect(held).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 7, 8, 9]);
    expect(urls(batched)).toEqual(many.slice(4).map((e) => e.request?.url));
    expect(batched.getState().dropped).toBe(4);
    expect(urls(buffer)).toEqual(many.slice(3).map((e) => e.request?.url));
    expect(buffer.getState().dropped).toBe(3);
  });

  it('recovers a Firefox request blocked at its preflight, which only getHAR() has', async () => {
    const host = new FakeDevtoolsHost('firefox');
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    await buffer.start();
    const options = preflight({ producer: 'firefox', status: 404, at: 5 });
    const blocked = notSent({ producer: 'firefox', method: 'PUT', at: 0 });
    host.har = [blocked, options];
    host.emitRequestFinished(options);
    expect(urls(buffer)).toHaveLength(1);
    await timers.runAll();
    expect(buffer.getState().entries.map((e) => e.request?.method)).toEqual(['OPTIONS', 'PUT']);
    expect(host.getHarCalls).toBe(2);
  });

  it('completes a Chromium entry reported before its raw headers and status arrived', async () => {
    const host = new FakeDevtoolsHost();
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    await buffer.start();
    // onRequestFinished fired early: provisional headers only (no Origin, no Accept-Encoding) and status 0.
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
      requestHeaders: {
        Accept: '*/*',
        'Accept-Encoding': 'gzip',
        Origin: 'https://app.example',
        'Sec-Fetch-Mode': 'cors',
      },
    });
    host.emitRequestFinished(early);
    expect(buffer.getState().entries[0]?.response?.status).toBe(0);
    host.har = [full];
    await timers.runAll();
    expect(buffer.getState().entries).toHaveLength(1);
    expect(buffer.getState().entries[0]).toBe(full);
  });

  it('asks getHAR() less often the longer it takes, and once more for what came during one', async () => {
    const host = new FakeDevtoolsHost('firefox');
    const delays: number[] = [];
    const pending: (() => void)[] = [];
    let clock = 0;
    const buffer = new CaptureBuffer(host, {
      setTimer: (run, ms) => {
        delays.push(ms);
        pending.push(run);
      },
      now: () => clock,
    });
    await buffer.start();
    host.holdBackfill = true; // getHAR() answers when the test says
    const options = (at: number) => preflight({ producer: 'firefox', status: 404, at, url: `${API}/p${at}` });
    host.emitRequestFinished(options(1));
    host.emitRequestFinished(options(2)); // the same recovery covers it
    expect(delays).toEqual([1_000]);
    pending.shift()?.();
    host.emitRequestFinished(options(3)); // while getHAR() is under way
    clock += 800; // a busy page's whole log takes long to build and read
    host.releaseBackfill();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(delays).toEqual([1_000, 8_000]);
    expect(host.getHarCalls).toBe(2);
  });

  it('leaves complete live entries alone, without asking getHAR() again', async () => {
    const host = new FakeDevtoolsHost();
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    await buffer.start();
    host.emitRequestFinished(entry({ requestHeaders: { Origin: 'https://app.example', 'Accept-Encoding': 'gzip' } }));
    await timers.runAll();
    expect(host.getHarCalls).toBe(1);
  });

  it('does not ask getHAR() for a preflight whose real request arrived, nor for one it holds already', async () => {
    const host = new FakeDevtoolsHost();
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    await buffer.start();
    // In either order, as browsers deliver them.
    host.emitRequestFinished(put(1));
    host.emitRequestFinished(options(1));
    host.emitRequestFinished(options(2));
    host.emitRequestFinished(put(2));
    host.emitRequestFinished(options(2)); // again: held already
    await timers.runAll();
    await timers.runAll();
    expect(buffer.getState().entries).toHaveLength(4);
    expect(host.getHarCalls).toBe(1); // the backfill only
  });

  it('looks for the real request of a preflight that has just arrived only at the next recovery', async () => {
    const host = new FakeDevtoolsHost();
    const pending: (() => void)[] = [];
    let clock = 0;
    const buffer = new CaptureBuffer(host, { setTimer: (run) => void pending.push(run), now: () => clock });
    await buffer.start();
    host.emitRequestFinished(options(1));
    host.emitRequestFinished(put(1));
    clock = 900;
    host.emitRequestFinished(options(2)); // its request is still under way when the recovery runs
    clock = 1_000;
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock = 1_100;
    host.emitRequestFinished(put(2));
    expect(pending).toHaveLength(1);
    clock = 2_100;
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pending).toHaveLength(0);
    expect(host.getHarCalls).toBe(1); // the backfill only
    expect(buffer.getState().entries).toHaveLength(4);
  });

  it('asks getHAR() for a preflight answered only by an older request to the same URL', async () => {
    const host = new FakeDevtoolsHost('firefox');
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    await buffer.start();
    const headers = { Origin: 'https://app.example', 'Accept-Encoding': 'gzip' };
    host.emitRequestFinished(entry({ producer: 'firefox', method: 'PUT', at: 0, requestHeaders: headers }));
    const options = preflight({ producer: 'firefox', status: 404, at: 60_000 });
    const blocked = notSent({ producer: 'firefox', method: 'PUT', at: 59_998 });
    host.har = [blocked, options];
    host.emitRequestFinished(options);
    await timers.runAll();
    expect(host.getHarCalls).toBe(2);
    expect(buffer.getState().entries).toContain(blocked);
  });

  it('copies only what it may add from getHAR(), not the whole log', async () => {
    const host = new FakeDevtoolsHost('firefox');
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    const held = Array.from({ length: 200 }, (_, i) =>
      entry({ producer: 'firefox', url: `${API}/${i}`, at: i, requestHeaders: { 'Accept-Encoding': 'gzip' } }),
    );
    host.har = held;
    await buffer.start();
    expect(host.harEntriesCopied).toBe(200); // the backfill takes everything
    const options = preflight({
      producer: 'firefox',
      status: 404,
      at: 500,
      requestHeaders: { 'Accept-Encoding': 'gzip' },
    });
    const blocked = notSent({ producer: 'firefox', method: 'PUT', at: 498 });
    host.har = [...held, blocked, options];
    host.emitRequestFinished(options);
    await timers.runAll();
    expect(host.harEntriesCopied).toBe(201);
    expect(buffer.getState().entries).toHaveLength(202);
    expect(buffer.getState().entries.at(-1)).toBe(blocked);
  });

  it('tries to complete an entry a few times, then leaves it as it is', async () => {
    const host = new FakeDevtoolsHost();
    const timers = manualTimers();
    const buffer = new CaptureBuffer(host, { setTimer: timers.setTimer });
    await buffer.start();
    // A request that never got a response: it stays incomplete in getHAR() too.
    const refused = entry({ status: 0, statusText: '', error: 'net::ERR_CONNECTION_REFUSED' });
    host.har = [refused];
    host.emitRequestFinished(refused);
    for (let i = 0; i < 10; i++) await timers.runAll();
    expect(host.getHarCalls).toBe(1 + 3);
    expect(buffer.getState().entries).toEqual([refused]);
  });

  it('forgets a listener that throws (a panel window that has gone away)', async () => {
    const host = new FakeDevtoolsHost();
    const buffer = new CaptureBuffer(host);
    await buffer.start();
    let calls = 0;
    buffer.subscribe(() => {
      calls++;
      throw new Error('dead object');
    });
    host.emitRequestFinished(a);
    host.emitRequestFinished(b);
    expect(calls).toBe(1);
  });

  it('stops listening when stopped', async () => {
    const host = new FakeDevtoolsHost();
    const buffer = new CaptureBuffer(host);
    await buffer.start();
    expect(host.listenerCount).toBe(2);
    buffer.stop();
    expect(host.listenerCount).toBe(0);
  });
});
