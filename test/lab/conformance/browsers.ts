// The lab, run in each real browser with the built extension recording from the CORS panel.
import type { RawHarEntry } from '../../../src/engine';
import { closeBrowser } from '../../e2e/support/browser';
import { launchChromium, recordVerdicts } from '../../e2e/support/chromium';
import { launchFirefox } from '../../e2e/support/firefox';
import { DIST_CHROME, DIST_FIREFOX } from '../../e2e/support/preconditions';
import { parseFirefoxBlocked } from '../../support/agreement';
import type { Lab } from '../lab';
import { bufferEntriesExpression, firedRequests, fireScenarios, settledEntries, type BrowserRun } from './observe';

export async function runChromium(lab: Lab, display: string): Promise<BrowserRun> {
  const chromium = await launchChromium({ extensionDir: DIST_CHROME, display });
  try {
    const version = await chromium.browser.version();
    const recorder = await recordVerdicts(chromium.page);
    // The panel first, as a user would open it: the requests then arrive live.
    if (!(await chromium.showPanel())) throw new Error('The CORS panel did not get selected');
    const outcomes = await fireScenarios(chromium.page, lab);
    const fired = firedRequests(lab, outcomes);
    const entries = await settledEntries(fired, async () => {
      const json = await chromium.inPanel(bufferEntriesExpression('window')).catch(() => '[]');
      return JSON.parse(String(json)) as RawHarEntry[];
    });
    await pollFinished(() => recorder.requests.every((r) => r.finished));
    // The k-th request of the page to a URL is the k-th fired request to that URL.
    const seen = new Map<string, number>();
    const observations = fired.map((request) => {
      const key = `${request.method} ${request.url}`;
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const seenByCdp = recorder.requests.filter((r) => `${r.method} ${r.url}` === key)[k];
      return {
        ...request,
        verdict: {
          browser: 'chromium' as const,
          verdict: seenByCdp ? seenByCdp.verdict : 'not observed by CDP',
          failedParameter: seenByCdp?.failedParameter ?? '',
        },
      };
    });
    await chromium.close();
    return { browser: 'chromium', version: version.replace('/', ' '), observations, entries };
  } finally {
    await closeBrowser(chromium.browser);
  }
}

export async function runFirefox(lab: Lab, display: string): Promise<BrowserRun> {
  const firefox = await launchFirefox({ extensionDir: DIST_FIREFOX, display });
  try {
    const version = await firefox.browser.version();
    await firefox.showPanel();
    const outcomes = await fireScenarios(firefox.page, lab);
    const fired = firedRequests(lab, outcomes);
    const entries = await settledEntries(fired, async () => {
      const json = await firefox.inPanel(bufferEntriesExpression('content.wrappedJSObject'), '[]');
      return JSON.parse(String(json)) as RawHarEntry[];
    });
    // Firefox's own verdict: its "Cross-Origin Request Blocked" messages. A scenario fails at most one request, so
    // every message about the scenario's URLs belongs to its failed request.
    const blocked = firefox.consoleEntries.flatMap((e) => parseFirefoxBlocked(e.text) ?? []);
    const observations = fired.map((request) => {
      const prefix = `/${request.scenario}/`;
      const messages = request.page.ok ? [] : blocked.filter((m) => pathOf(m.url).startsWith(prefix));
      return {
        ...request,
        verdict: {
          browser: 'firefox' as const,
          categories: messages.map((m) => m.category),
          messages: messages.map((m) => m.reason),
        },
      };
    });
    const console = firefox.consoleEntries.map((e) => `[${e.level}] ${e.text}`);
    return { browser: 'firefox', version: version.replace('/', ' '), observations, entries, console };
  } finally {
    await closeBrowser(firefox.browser);
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

async function pollFinished(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}
