// An in-memory DevtoolsHost: tests push entries and navigations the way the browser would.
import type { RawHarEntry } from '../../src/engine';
import type { DevtoolsHost } from '../../src/platform/devtools-host';

export class FakeDevtoolsHost implements DevtoolsHost {
  readonly browser: 'chrome' | 'firefox';
  har: RawHarEntry[] = [];
  panels: { title: string; iconPath: string; pagePath: string }[] = [];
  private finished = new Set<(entry: RawHarEntry) => void>();
  private navigated = new Set<(url: string) => void>();
  /** Resolves a pending getHar() call; set to hold the backfill until the test releases it. */
  private pendingHar: ((entries: RawHarEntry[]) => void) | null = null;
  holdBackfill = false;

  constructor(browser: 'chrome' | 'firefox' = 'chrome') {
    this.browser = browser;
  }

  async createPanel(title: string, iconPath: string, pagePath: string): Promise<void> {
    this.panels.push({ title, iconPath, pagePath });
  }

  getHar(): Promise<RawHarEntry[]> {
    if (!this.holdBackfill) return Promise.resolve([...this.har]);
    return new Promise((resolve) => (this.pendingHar = resolve));
  }

  releaseBackfill(): void {
    this.pendingHar?.([...this.har]);
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

  emitRequestFinished(entry: RawHarEntry): void {
    for (const listener of this.finished) listener(entry);
  }

  navigate(url: string): void {
    for (const listener of this.navigated) listener(url);
  }

  get listenerCount(): number {
    return this.finished.size + this.navigated.size;
  }
}
