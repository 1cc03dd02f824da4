// The lab, run in each real browser with the built extension recording from the CORS panel, shown first as a user
// would open it (the requests then arrive live).
import type { RawHarEntry } from '../../../src/engine';
import { closeBrowser } from '../../e2e/support/browser';
import { launchChromium, recordVerdicts } from '../../e2e/support/chromium';
import { launchFirefox } from '../../e2e/support/firefox';
import { DIST_CHROME, DIST_FIREFOX } from '../../e2e/support/preconditions';
import { parseFirefoxBlocked } from '../../support/agreement';
import type { Lab } from '../lab';
import { bufferEntriesExpression, observe, type BrowserRun, type BrowserVerdict } from './observe';

/** Clicks the panel's "Clear" button (in the panel document `doc`); true if there was one. */
function clearExpression(doc: string): string {
  return `(() => {
    const button = [...${doc}.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Clear');
    button?.click();
    return Boolean(button);
  })()`;
}

export async function runChromium(lab: Lab, display: string): Promise<BrowserRun> {
  const chromium = await launchChromium({ extensionDir: DIST_CHROME, display });
  try {
    const version = await chromium.browser.version();
    // Chromium's own verdict: CDP Network.loadingFailed's corsErrorStatus, on the page's session.
    const recorder = await recordVerdicts(chromium.page);
    if (!(await chromium.showPanel())) throw new Error('The CORS panel did not get selected');
    const observed = await observe(lab, {
      page: chromium.page,
      readEntries: async () =>
        JSON.parse(
          String(await chromium.inPanel(bufferEntriesExpression('window')).catch(() => '[]')),
        ) as RawHarEntry[],
      clearCapture: async () => void (await chromium.inPanel(clearExpression('document'))),
      mark: () => recorder.requests.length,
      recordsEveryRequest: false,
      verdicts: async (fired, mark) => {
        await pollFinished(() => recorder.requests.every((r) => r.finished));
        // The k-th request of the page to a URL since `mark` is the k-th fired request to that URL.
        const seen = new Map<string, number>();
        return fired.map((request): BrowserVerdict => {
          const key = `${request.method} ${request.url}`;
          const k = seen.get(key) ?? 0;
          seen.set(key, k + 1);
          const byCdp = recorder.requests.slice(mark).filter((r) => `${r.method} ${r.url}` === key)[k];
          return {
            browser: 'chromium',
            verdict: byCdp ? byCdp.verdict : 'not observed by CDP',
            failedParameter: byCdp?.failedParameter ?? '',
          };
        });
      },
    });
    await recorder.session.detach().catch(() => undefined);
    await chromium.close();
    return { browser: 'chromium', version: version.replace('/', ' '), ...observed };
  } finally {
    await closeBrowser(chromium.browser);
  }
}

export async function runFirefox(lab: Lab, display: string): Promise<BrowserRun> {
  const firefox = await launchFirefox({ extensionDir: DIST_FIREFOX, display });
  try {
    const version = await firefox.browser.version();
    await firefox.showPanel();
    const observed = await observe(lab, {
      page: firefox.page,
      readEntries: async () =>
        JSON.parse(
          String(await firefox.inPanel(bufferEntriesExpression('content.wrappedJSObject'), '[]')),
        ) as RawHarEntry[],
      clearCapture: async () => void (await firefox.inPanel(clearExpression('content.document'), false)),
      mark: () => firefox.consoleEntries.length,
      recordsEveryRequest: true,
      // Firefox's own verdict: its "Cross-Origin Request Blocked" messages since `mark`. A scenario fails at most one
      // request, so every message about the scenario's URLs belongs to its failed request.
      verdicts: async (fired, mark) => {
        const blocked = firefox.consoleEntries.slice(mark).flatMap((e) => parseFirefoxBlocked(e.text) ?? []);
        return fired.map((request): BrowserVerdict => {
          const prefix = `/${request.scenario}/`;
          const messages = request.page.ok ? [] : blocked.filter((m) => pathOf(m.url).startsWith(prefix));
          return {
            browser: 'firefox',
            categories: messages.map((m) => m.category),
            messages: messages.map((m) => m.reason),
          };
        });
      },
    });
    const console = firefox.consoleEntries.map((e) => `[${e.level}] ${e.text}`);
    return { browser: 'firefox', version: version.replace('/', ' '), ...observed, console };
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
