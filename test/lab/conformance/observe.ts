// One browser's run through the lab: every scenario fired from the lab page while the extension records, what the
// browser itself decided for each request, and the HAR entries the extension captured.
import type { Page } from 'puppeteer-core';
import type { RawHarEntry } from '../../../src/engine';
import { pollUntil } from '../../e2e/support/browser';
import type { Lab } from '../lab';
import { scenarioOfUrl } from '../scenarios';
import { requestUrl, type PageOutcome } from '../servers/page';

export type BrowserName = 'chromium' | 'firefox';

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
}

/** Loads the lab page in `page` and fires every scenario, one after the other; the page's outcome of each request. */
export async function fireScenarios(page: Page, lab: Lab): Promise<Map<string, PageOutcome[]>> {
  await page.goto(lab.pageUrl);
  await page.waitForFunction('window.lab !== undefined', { polling: 100, timeout: 10_000 });
  await page.evaluate('window.lab.ready');
  const outcomes = new Map<string, PageOutcome[]>();
  for (const s of lab.scenarios) {
    outcomes.set(s.id, (await page.evaluate(`window.lab.run(${JSON.stringify(s.id)})`)) as PageOutcome[]);
  }
  return outcomes;
}

/** The scenario requests (preflights apart) among captured entries. */
function capturedRequests(entries: readonly RawHarEntry[]): number {
  return entries.filter((e) => {
    const request = e.request as { method?: unknown; url?: unknown } | undefined;
    return (
      request?.method !== 'OPTIONS' && typeof request?.url === 'string' && scenarioOfUrl(request.url) !== undefined
    );
  }).length;
}

/**
 * Reads the extension's buffer until it holds an entry for every request the scenarios made (a redirect adds one per
 * hop) and has not changed for 2 s: Firefox's preflight-blocked requests and Chromium's late headers arrive through
 * getHAR() about a second after the rest. Gives up after 30 s and returns what it has.
 */
export async function settledEntries(lab: Lab, read: () => Promise<RawHarEntry[]>): Promise<RawHarEntry[]> {
  const expected = lab.scenarios.reduce((sum, s) => sum + s.requests.length, 0);
  let last = -1;
  let stableSince = Date.now();
  return pollUntil(
    read,
    (entries) => {
      const count = capturedRequests(entries);
      if (count !== last) {
        last = count;
        stableSince = Date.now();
      }
      return count >= expected && Date.now() - stableSince >= 2_000;
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
