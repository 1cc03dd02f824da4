// Real Chromium with the built extension, its DevTools undocked in a 1400×900 window, and the "CORS" panel shown: the
// recipe of test/e2e/chromium.e2e.test.ts (shared/docs/capture-facts.md, "Driving a real browser with the extension").
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { closeBrowser, pollUntil } from '../test/e2e/support/browser';

export const CHROMIUM = '/usr/lib/chromium/chromium';
const PANEL_TITLE = 'CORS';
const DEVTOOLS_PAGE = /^chrome-extension:\/\/([a-p]{32})\/src\/devtools\/devtools\.html$/;

// DevTools frontend internals, evaluated in the devtools:// target (strings: the module path resolves there).
const legacy = `import('./ui/legacy/legacy.js')`;
const tabbedPane = `${legacy}.then((ui) => ui.InspectorView.InspectorView.instance().tabbedPane)`;
const tabIds = `${tabbedPane}.then((pane) => pane.tabIds())`;
const selectedTab = `${tabbedPane}.then((pane) => pane.selectedTabId)`;

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
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: false,
    devtools: true, // the initial tab gets DevTools, and with it the extension's devtools page
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--load-extension=${extension}`,
      `--disable-extensions-except=${extension}`,
    ],
    env: { ...process.env, DISPLAY: display },
    protocolTimeout: 600_000,
  });
  const sessions: CDPSession[] = [];
  const close = async () => {
    await Promise.allSettled(sessions.map((s) => s.detach()));
    await closeBrowser(browser);
  };
  try {
    const devtoolsPage = await browser.waitForTarget((t) => DEVTOOLS_PAGE.test(t.url()), { timeout: 30_000 });
    const extId = DEVTOOLS_PAGE.exec(devtoolsPage.url())?.[1] ?? '';
    const panelId = `chrome-extension://${extId}${PANEL_TITLE}`;
    const frontendTarget = await browser.waitForTarget((t) => t.url().startsWith('devtools://'), { timeout: 30_000 });
    const frontend = await frontendTarget.asPage();
    const frontendSession = await frontendTarget.createCDPSession();
    sessions.push(frontendSession);
    await frontend.evaluate(
      `${legacy}.then((ui) => ui.DockController.DockController.instance().setDockSide('undocked'))`,
    );
    const { windowId } = await frontendSession.send('Browser.getWindowForTarget');
    await frontendSession.send('Browser.setWindowBounds', {
      windowId,
      bounds: { left: 0, top: 0, width: 1400, height: 900, windowState: 'normal' },
    });
    await frontend.waitForFunction('innerWidth === 1400', { polling: 100, timeout: 10_000 });

    const tabs = (await browser.pages()).filter((p) => !p.url().startsWith('devtools://'));
    const page = tabs[0];
    if (tabs.length !== 1 || !page) throw new Error(`Expected one tab, found: ${tabs.map((p) => p.url()).join(', ')}`);
    await frontend.waitForFunction(`(${tabIds}).then((ids) => ids.includes(${JSON.stringify(panelId)}))`, {
      polling: 200,
      timeout: 30_000,
    });
    await page.goto(pageUrl);
    await page.waitForFunction("document.title === 'READY'", { polling: 200, timeout: 30_000 });

    await frontend.evaluate(`InspectorFrontendAPI.showPanel(${JSON.stringify(panelId)})`);
    const shown = await pollUntil(
      () => frontend.evaluate(selectedTab),
      (id) => id === panelId,
      10_000,
    );
    if (shown !== panelId) throw new Error('The CORS panel was not shown');
    const panelTarget = await browser.waitForTarget(
      (t) => t.url() === `chrome-extension://${extId}/src/panel/panel.html`,
      { timeout: 30_000 },
    );
    const panel = await panelTarget.createCDPSession();
    sessions.push(panel);
    const evaluate = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await panel.send('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`In the panel: ${exceptionDetails.exception?.description ?? expression}`);
      return result.value as T;
    };
    return { browser, page, panel, evaluate, close };
  } catch (error) {
    await close();
    throw error;
  }
}
