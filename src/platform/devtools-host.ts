// The seam between CORS Doctor and the browser's DevTools API. Everything else talks to this interface;
// only webext-devtools-host.ts implements it with the real API (and test/support has a fake).
import type { RawHarEntry } from '../engine';

export type Unsubscribe = () => void;

/** The panel created in DevTools. */
export interface PanelHandle {
  /** Called each time the user shows the panel, with the panel page's window. */
  onShown(listener: (panelWindow: Window) => void): Unsubscribe;
}

export interface DevtoolsHost {
  readonly browser: 'chrome' | 'firefox';
  /** DevTools' colour theme. */
  readonly theme: 'light' | 'dark';
  /** Creates the DevTools panel. `pagePath` is relative to the extension root, without a leading slash. */
  createPanel(title: string, iconPath: string, pagePath: string): Promise<PanelHandle>;
  /** The current page load's HAR entries as plain data. */
  getHar(): Promise<RawHarEntry[]>;
  /** Each finished request as a plain HAR entry (no functions). */
  onRequestFinished(listener: (entry: RawHarEntry) => void): Unsubscribe;
  onNavigated(listener: (url: string) => void): Unsubscribe;
  /** Reloads the inspected page, bypassing the cache, so the capture sees every request from the start. */
  reloadInspectedPage(): void;
}
