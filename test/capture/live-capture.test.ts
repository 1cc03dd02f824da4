import { describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/capture/live-capture';
import { API, entry } from '../support/har-builders';
import { FakeDevtoolsHost } from '../support/fake-devtools-host';

const a = entry({ url: `${API}/a`, at: 0 });
const b = entry({ url: `${API}/b`, at: 5 });
const c = entry({ url: `${API}/c`, at: 9 });
const urls = (capture: LiveCapture) => capture.getEntries().map((e) => e.request?.url);

describe('LiveCapture', () => {
  it('backfills what happened before the panel loaded, then follows live entries', async () => {
    const host = new FakeDevtoolsHost();
    host.har = [a, b];
    const capture = new LiveCapture(host);
    let changes = 0;
    capture.subscribe(() => changes++);
    await capture.start();
    host.emitRequestFinished(c);
    expect(urls(capture)).toEqual([`${API}/a`, `${API}/b`, `${API}/c`]);
    expect(changes).toBe(2);
  });

  it('keeps an entry seen both live and in the backfill once, in order', async () => {
    const host = new FakeDevtoolsHost();
    host.har = [a, b];
    host.holdBackfill = true;
    const capture = new LiveCapture(host);
    const started = capture.start();
    host.emitRequestFinished(b);
    host.emitRequestFinished(c);
    host.releaseBackfill();
    await started;
    expect(urls(capture)).toEqual([`${API}/a`, `${API}/b`, `${API}/c`]);
  });

  it('clears on navigation and drops a backfill that the navigation made stale', async () => {
    const host = new FakeDevtoolsHost();
    host.har = [a];
    host.holdBackfill = true;
    const capture = new LiveCapture(host);
    const started = capture.start();
    host.navigate('https://app.example/next');
    host.emitRequestFinished(c);
    host.releaseBackfill();
    await started;
    expect(urls(capture)).toEqual([`${API}/c`]);
  });

  it('stops listening when stopped', async () => {
    const host = new FakeDevtoolsHost();
    const capture = new LiveCapture(host);
    await capture.start();
    expect(host.listenerCount).toBe(2);
    capture.stop();
    expect(host.listenerCount).toBe(0);
  });
});
