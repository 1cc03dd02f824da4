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
  /**
   * The current page load's HAR entries as plain data; only those `select` accepts, when given. `select` sees the
   * browser's own entry objects, before they are copied to plain data: it should read only their plain fields (start,
   * request, response, timings). On a busy page the log holds tens of thousands of entries: copying only the few
   * wanted ones keeps a getHAR() from blocking the page for a second.
   */
  getHar(select?: (entry: RawHarEntry) => boolean): Promise<RawHarEntry[]>;
  /** Each finished request as a plain HAR entry (no functions). */
  onRequestFinished(listener: (entry: RawHarEntry) => void): Unsubscribe;
  onNavigated(listener: (url: string) => void): Unsubscribe;
  /** Reloads the inspected page, bypassing the cache, so the capture sees every request from the start. */
  reloadInspectedPage(): void;
}
