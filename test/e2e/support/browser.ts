// Shared by both browser suites: closing the browser for sure, and the rows the panel renders.
import type { Browser } from 'puppeteer-core';

/** One row of the panel's table, as read from its DOM. */
export interface PanelRow {
  /** The row's `data-outcome` attribute. */
  outcome: string | null;
  /** Method, URL, verdict. */
  cells: string[];
}

/** The panel's rows, as a DOM expression (`doc` names the panel's document). */
export function panelRowsExpression(doc: string): string {
  return `[...${doc}.querySelectorAll('tbody tr')].map((tr) => ({
    outcome: tr.getAttribute('data-outcome'),
    cells: [...tr.cells].map((td) => td.textContent),
  }))`;
}

/** Closes the browser; if it does not exit within 10 s, kills it (puppeteer kills the whole process group). */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  const child = browser.process();
  const closed = browser.close().then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  if (await Promise.race([closed, timeout])) return;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/** Re-evaluates `read` every 200 ms until `done` holds, for up to `ms`; returns the last value either way. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
