// @vitest-environment jsdom
import '../panel-setup';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CaptureBuffer } from '../../src/capture/capture-buffer';
import { App, type AppEffects } from '../../src/panel/App';
import { PanelStore } from '../../src/panel/state/panel-store';
import { StoreContext } from '../../src/panel/state/use-panel';
import { readFixture } from '../support/fixtures';
import { allow, API, entry, notSent, PAGE, preflight } from '../support/har-builders';
import { FakeDevtoolsHost } from '../support/fake-devtools-host';

async function mount() {
  const host = new FakeDevtoolsHost();
  const buffer = new CaptureBuffer(host);
  await buffer.start();
  const timers: (() => void)[] = [];
  const store = new PanelStore(buffer, { browser: 'chrome', version: 't', setTimer: (run) => void timers.push(run) });
  const effects: AppEffects = { browser: 'chrome', version: 't', copy: vi.fn(), download: vi.fn(), reload: vi.fn() };
  render(
    <StoreContext.Provider value={store}>
      <App effects={effects} />
    </StoreContext.Provider>,
  );
  const flush = () =>
    act(() => {
      for (const run of timers.splice(0)) run();
    });
  return { host, store, effects, flush };
}

const secretPut = () => [
  notSent({
    method: 'PUT',
    at: 0,
    url: `${API}/items?access_token=abc123secret`,
    requestHeaders: { Authorization: 'Bearer tok-SECRET' },
  }),
  preflight({
    at: 2,
    url: `${API}/items?access_token=abc123secret`,
    status: 401,
    statusText: 'Unauthorized',
    requestedHeaders: ['authorization'],
  }),
];

describe('the CORS panel', () => {
  it('lists the problems as they are captured, each with its one-line verdict', async () => {
    const { host, flush } = await mount();
    expect(screen.getByRole('status')).toHaveTextContent('No cross-origin requests yet');
    for (const e of secretPut()) act(() => host.emitRequestFinished(e));
    act(() => host.emitRequestFinished(entry({ url: `${API}/fine`, at: 9, responseHeaders: allow() })));
    flush();
    const rows = within(screen.getByRole('listbox', { name: 'Cross-origin requests' })).getAllByRole('option');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('PUT');
    expect(rows[0]).toHaveTextContent('/items');
    expect(rows[0]).toHaveTextContent('preflight 401 → not sent');
    expect(rows[0]).toHaveTextContent('Blocked The preflight was rejected by authentication');
    fireEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(2);
    expect(screen.getByText(/2 cross-origin requests · 1 blocked by CORS/)).toBeInTheDocument();
  });

  it('says so when nothing failed, instead of showing an empty list', async () => {
    const { host, flush } = await mount();
    act(() => host.emitRequestFinished(entry({ responseHeaders: allow() })));
    flush();
    expect(screen.getByRole('status')).toHaveTextContent('No problems: all 1 cross-origin requests were allowed.');
  });

  it('moves through the list with the arrow keys and shows the selected diagnosis', async () => {
    const { store } = await mount();
    act(() => store.importHar('chromium.har', readFixture('chromium-156/getHAR.har')));
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const first = within(list).getAllByRole('option')[0];
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(list).toHaveAttribute('aria-activedescendant', first?.id);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('/b-preflight-404');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('/b2-preflight-404-with-cors');
  });

  it('copies a redacted Markdown diagnosis in two clicks, secrets only on request', async () => {
    const { host, flush, effects } = await mount();
    for (const e of secretPut()) act(() => host.emitRequestFinished(e));
    flush();
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    const copy = effects.copy as ReturnType<typeof vi.fn>;
    const markdown = String(copy.mock.calls[0]?.[0]);
    expect(markdown).toContain('# CORS Doctor report');
    expect(markdown).toContain('The preflight was rejected by authentication');
    expect(markdown).not.toContain('abc123secret');
    expect(markdown).not.toContain('tok-SECRET');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include secrets in exports' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(String(copy.mock.calls[1]?.[0])).toContain('abc123secret');
  });

  it('saves the JSON report and a HAR of the involved entries, redacted', async () => {
    const { host, flush, effects } = await mount();
    for (const e of secretPut()) act(() => host.emitRequestFinished(e));
    flush();
    fireEvent.click(screen.getByRole('button', { name: 'Save JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save HAR' }));
    const download = effects.download as ReturnType<typeof vi.fn>;
    const [jsonName, json] = download.mock.calls[0] as [string, string];
    const [harName, har] = download.mock.calls[1] as [string, string];
    expect(jsonName).toBe('cors-doctor.json');
    expect(JSON.parse(json)).toMatchObject({ tool: 'cors-doctor', summary: { blocked: 1 } });
    expect(harName).toBe('cors-doctor.har');
    expect((JSON.parse(har) as { log: { entries: unknown[] } }).log.entries).toHaveLength(2);
    for (const text of [json, har]) {
      expect(text).not.toContain('abc123secret');
      expect(text).not.toContain('tok-SECRET');
    }
  });

  it('reloads the inspected page from the notice when capture started late', async () => {
    const { effects } = await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Reload and capture from the start' }));
    expect(effects.reload).toHaveBeenCalled();
  });

  it('shows a bad HAR file as a one-line notice', async () => {
    const { store } = await mount();
    act(() => store.importHar('notes.txt', 'hello'));
    expect(screen.getByRole('list', { name: 'Notices' })).toHaveTextContent(
      /Could not open the HAR file: notes\.txt: not valid JSON/,
    );
  });

  it('says which file it is opening while the browser reads it', async () => {
    const { store } = await mount();
    const never = { name: 'big.har', size: 50 * 1024 * 1024, text: () => new Promise<string>(() => {}) };
    act(() => void store.importFile(never));
    expect(screen.getByRole('list', { name: 'Notices' })).toHaveTextContent('Opening big.har…');
  });

  it('follows the page origin of the capture in its summary', async () => {
    const { host, flush } = await mount();
    act(() =>
      host.emitRequestFinished(
        entry({ requestHeaders: { Origin: PAGE }, responseHeaders: allow('https://other.example') }),
      ),
    );
    flush();
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent(
      'Access-Control-Allow-Origin',
    );
  });
});
