// What panel components receive. The engine's ExchangeReport says what happened and why; the raw entries (same
// indexes as ExchangeReport.entries) give the full request and response headers for the evidence tables.
import type { ExchangeReport, RawHarEntry } from '../engine';

export interface DetailViewProps {
  exchange: ExchangeReport;
  /** The capture's entries; exchange.entries.request/preflight/redirects index into this list. */
  entries: readonly RawHarEntry[];
  /** Which browser's console wording to show first ("chrome" in Chromium, "firefox" in Firefox). */
  browser: 'chrome' | 'firefox';
  /** Copies text to the clipboard (the panel's own implementation; tests pass a fake). */
  copy: (text: string) => void;
}
