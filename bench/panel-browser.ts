// Real Chromium with the built extension, its DevTools undocked in a 1400×900 window, and the "CORS" panel shown:
// the end-to-end tests' launcher (test/e2e/support/chromium.ts), with a benchmark's patience for long CDP calls.
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { closeBrowser } from '../test/e2e/support/browser';
import { CHROMIUM, launchChromium } from '../test/e2e/support/chromium';

export { CHROMIUM };

export interface PanelSession {
  browser: Browser;
  /** The inspected tab. */
  page: Page;
  /** The panel page's CDP session (an iframe target of the DevTools window). */
  panel: CDPSession;
  /** Evaluates an expression in the panel page, awaiting a promise, and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Launches Chromium with `extension` loaded, opens `pageUrl` in the inspected tab, and shows the CORS panel. */
export async function openPanel(extension: string, display: string, pageUrl: string): Promise<PanelSession> {
  const chromium = await launchChromium({ extensionDir: extension, display, protocolTimeout: 600_000 });
  const close = async () => {
    await chromium.close();
    await closeBrowser(chromium.browser);
  };
  try {
    await chromium.undock(1400, 900);
    await chromium.page.goto(pageUrl);
    await chromium.page.waitForFunction("document.title === 'READY'", { polling: 200, timeout: 30_000 });
    if (!(await chromium.showPanel())) throw new Error('The CORS panel was not shown');
    const panel = await chromium.panelSession();
    const evaluate = async <T>(expression: string) => (await chromium.inPanel(expression)) as T;
    return { browser: chromium.browser, page: chromium.page, panel, evaluate, close };
  } catch (error) {
    await close();
    throw error;
  }
}
