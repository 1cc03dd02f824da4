// One browser's run through the lab: every scenario fired from the lab page while the extension records, what the
// browser itself decided for each request, and the HAR entries the extension captured.
import type { Page } from 'puppeteer-core';
import type { RawHarEntry } from '../../../src/engine';
import { pollUntil } from '../../e2e/support/browser';
import type { Lab } from '../lab';
import { requestUrl, type PageOutcome } from '../servers/page';

export type BrowserName = 'chromium' | 'firefox';

const PACE_MS = 250;

/** The browser's own verdict on one request of the page. */
export type BrowserVerdict =
  | { browser: 'chromium'; verdict: string | null; failedParameter: string }
  | { browser: 'firefox'; categories: string[]; messages: string[] };

export interface RequestObservation {
  scenario: string;
  /** The request's place in its scenario. */
  index: number;
  method: string;
  url: string;
  page: PageOutcome;
  verdict: BrowserVerdict;
}

export interface BrowserRun {
  browser: BrowserName;
  /** E.g. "Chromium 156.0.8078.73". */
  version: string;
  observations: RequestObservation[];
  /** What the extension captured: the devtools page's buffer, as handed to the panel. */
  entries: RawHarEntry[];
  /** Firefox: every console message, for the report (its verdicts are among them). */
  console?: string[];
}

/** Loads the lab page in `page` and fires every scenario, one after the other; the page's outcome of each request. */
export async function fireScenarios(page: Page, lab: Lab): Promise<Map<string, PageOutcome[]>> {
  await page.goto(lab.pageUrl);
  await page.waitForFunction('window.lab !== undefined', { polling: 100, timeout: 10_000 });
  await page.evaluate('window.lab.ready');
  const outcomes = new Map<string, PageOutcome[]>();
  for (const s of lab.scenarios) {
    outcomes.set(s.id, (await page.evaluate(`window.lab.run(${JSON.stringify(s.id)})`)) as PageOutcome[]);
    // Paced as a person clicking through the index: in a burst, Firefox's network monitor drops entries (measured:
    // 4-7 of 53 requests missing from both onRequestFinished and getHAR() when fired back to back on a loaded machine).
    await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }
  return outcomes;
}

/** The fired requests not (yet) among the captured entries, as "METHOD URL", each as often as it is missing. */
export function missingRequests(fired: readonly { method: string; url: string }[], entries: readonly RawHarEntry[]) {
  const captured = new Map<string, number>();
  for (const entry of entries) {
    const request = entry.request as { method?: unknown; url?: unknown } | undefined;
    const key = `${String(request?.method)} ${String(request?.url)}`;
    captured.set(key, (captured.get(key) ?? 0) + 1);
  }
  return fired.flatMap(({ method, url }) => {
    const key = `${method} ${url}`;
    const left = captured.get(key) ?? 0;
    captured.set(key, left - 1);
    return left > 0 ? [] : [key];
  });
}

/**
 * Reads the extension's buffer until it holds an entry for every fired request and has not changed for 2 s:
 * Firefox's preflight-blocked requests and Chromium's late headers arrive through getHAR() about a second after the
 * rest. Gives up after 30 s and returns what it has (the suite then names what is missing).
 */
export async function settledEntries(
  fired: readonly { method: string; url: string }[],
  read: () => Promise<RawHarEntry[]>,
): Promise<RawHarEntry[]> {
  let last = -1;
  let stableSince = Date.now();
  return pollUntil(
    read,
    (entries) => {
      if (entries.length !== last) {
        last = entries.length;
        stableSince = Date.now();
      }
      return missingRequests(fired, entries).length === 0 && Date.now() - stableSince >= 2_000;
    },
    30_000,
  );
}

/** The scenario requests in firing order, with the page's outcome of each. */
export function firedRequests(
  lab: Lab,
  outcomes: Map<string, PageOutcome[]>,
): { scenario: string; index: number; method: string; url: string; page: PageOutcome }[] {
  return lab.scenarios.flatMap((s) =>
    s.requests.map((r, index) => {
      const url = requestUrl(s, r, lab.origins);
      const page = outcomes.get(s.id)?.[index] ?? { url, ok: false, status: null, type: null, error: 'not fired' };
      return { scenario: s.id, index, method: r.method ?? 'GET', url, page };
    }),
  );
}

/** The expression that reads the handed-over buffer's entries as JSON, in the panel page's window `win`. */
export function bufferEntriesExpression(win: string): string {
  return `${win}.JSON.stringify(${win}.__corsDoctorCapture?.getState().entries ?? [])`;
}
