// Shared by both browser suites: closing the browser for sure, and reading and driving the panel's DOM through DOM
// expressions (each browser suite evaluates them in the panel page its own way).
import type { Browser } from 'puppeteer-core';

/** One row of the panel's request list (a `[role=option]`, see src/panel/components/ExchangeList.tsx). */
export interface PanelRow {
  /** The row's `data-outcome` attribute. */
  outcome: string | null;
  selected: boolean;
  method: string;
  /** The full URL (the `title` of `.cd-row__url`, which shows the path, then the origin). */
  url: string;
  path: string;
  origin: string;
  /** E.g. "200", "preflight 401 → not sent". */
  status: string;
  /** The badge: "OK", "Blocked", "Failed", "?". */
  badge: string;
  /** The one-line verdict after the badge. */
  verdict: string;
}

/** The detail view of the selected row (src/panel/components/DetailView.tsx), or null when none is shown. */
export interface PanelDetail {
  /** The h2: method and URL. */
  title: string;
  /** The kind banner: "Preflight problem", "Problem with the real response", "Not a CORS problem", "Allowed"… */
  kind: string;
  /** The lead diagnosis' heading (the root cause, else the failed check), or null. */
  rootCause: string | null;
  /** The whole detail view as the user reads it. */
  text: string;
}

/** The panel's rows, as a DOM expression (`doc` names the panel's document). */
export function panelRowsExpression(doc: string): string {
  return `[...${doc}.querySelectorAll('[role=option]')].map((row) => {
    const text = (selector) => row.querySelector(selector)?.textContent ?? '';
    const verdict = row.querySelector('.cd-row__verdict');
    const badge = verdict?.querySelector('.cd-badge');
    return {
      outcome: row.getAttribute('data-outcome'),
      selected: row.getAttribute('aria-selected') === 'true',
      method: text('.cd-row__method'),
      url: row.querySelector('.cd-row__url')?.getAttribute('title') ?? '',
      path: text('.cd-row__path'),
      origin: text('.cd-row__origin'),
      status: text('.cd-row__status'),
      badge: badge?.textContent ?? '',
      verdict: verdict ? [...verdict.childNodes].filter((n) => n !== badge).map((n) => n.textContent).join('').trim() : '',
    };
  })`;
}

/** The detail view, as a DOM expression. */
export function panelDetailExpression(doc: string): string {
  return `(() => {
    const detail = ${doc}.querySelector('.cd-detail');
    if (!detail) return null;
    return {
      title: detail.querySelector('h2')?.textContent ?? '',
      kind: detail.querySelector('.cd-kind__label')?.textContent ?? '',
      rootCause: detail.querySelector('.cd-lead__title')?.textContent ?? null,
      text: detail.innerText,
    };
  })()`;
}

/** Clicks the filter radio labelled `label` ("Problems only" or "All"); true once it is checked. */
export function clickFilterExpression(doc: string, label: string): string {
  return `(() => {
    const labels = [...${doc}.querySelectorAll('[role=radiogroup] label')];
    const input = labels.find((l) => l.textContent.trim() === ${JSON.stringify(label)})?.querySelector('input');
    if (!input) return false;
    if (!input.checked) input.click();
    return input.checked;
  })()`;
}

/** Clicks the row of `url` (as a user would select it); true if there was such a row. */
export function clickRowExpression(doc: string, url: string): string {
  return `(() => {
    const row = [...${doc}.querySelectorAll('[role=option]')].find(
      (r) => r.querySelector('.cd-row__url')?.getAttribute('title') === ${JSON.stringify(url)},
    );
    if (!row) return false;
    row.click();
    return true;
  })()`;
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
