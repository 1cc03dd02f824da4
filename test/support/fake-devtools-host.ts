// An in-memory DevtoolsHost: tests push entries, navigations and panel shows the way the browser would.
import type { RawHarEntry } from '../../src/engine';
import type { DevtoolsHost, PanelHandle } from '../../src/platform/devtools-host';

export class FakeDevtoolsHost implements DevtoolsHost {
  readonly browser: 'chrome' | 'firefox';
  theme: 'light' | 'dark' = 'light';
  /** What getHAR() returns. */
  har: RawHarEntry[] = [];
  getHarCalls = 0;
  /** How many entries getHAR() answers held in all: what the real host copies to plain data. */
  harEntriesCopied = 0;
  reloads = 0;
  panels: { title: string; iconPath: string; pagePath: string }[] = [];
  private finished = new Set<(entry: RawHarEntry) => void>();
  private navigated = new Set<(url: string) => void>();
  private shown = new Set<(win: Window) => void>();
  private pendingHar: (() => void) | null = null;
  /** Hold getHAR() until releaseBackfill(). */
  holdBackfill = false;

  constructor(browser: 'chrome' | 'firefox' = 'chrome') {
    this.browser = browser;
  }

  async createPanel(title: string, iconPath: string, pagePath: string): Promise<PanelHandle> {
    this.panels.push({ title, iconPath, pagePath });
    return {
      onShown: (listener) => {
        this.shown.add(listener);
        return () => this.shown.delete(listener);
      },
    };
  }

  getHar(select?: (entry: RawHarEntry) => boolean): Promise<RawHarEntry[]> {
    this.getHarCalls++;
    const answer = () => {
      const selected = select ? this.har.filter((entry) => select(entry)) : [...this.har];
      this.harEntriesCopied += selected.length;
      return selected;
    };
    if (!this.holdBackfill) return Promise.resolve(answer());
    return new Promise((resolve) => (this.pendingHar = () => resolve(answer())));
  }

  releaseBackfill(): void {
    this.pendingHar?.();
    this.pendingHar = null;
  }

  onRequestFinished(listener: (entry: RawHarEntry) => void) {
    this.finished.add(listener);
    return () => this.finished.delete(listener);
  }

  onNavigated(listener: (url: string) => void) {
    this.navigated.add(listener);
    return () => this.navigated.delete(listener);
  }

  reloadInspectedPage(): void {
    this.reloads++;
  }

  emitRequestFinished(entry: RawHarEntry): void {
    for (const listener of this.finished) listener(entry);
  }

  navigate(url: string): void {
    for (const listener of this.navigated) listener(url);
  }

  showPanel(win: Window): void {
    for (const listener of this.shown) listener(win);
  }

  get listenerCount(): number {
    return this.finished.size + this.navigated.size;
  }
}
