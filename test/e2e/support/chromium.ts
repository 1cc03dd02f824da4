// Debian Chromium, headful, with the built extension loaded and DevTools open on its first tab: what the e2e suite,
// the conformance runner and `npm run demo` all start from. Recipe: shared/docs/capture-facts.md, "Driving a real
// browser with the extension", and spike-chromium.md §5-6.
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { pollUntil } from './browser';

export const CHROMIUM = '/usr/lib/chromium/chromium';
export const PANEL_TITLE = 'CORS';
export const DEVTOOLS_PAGE = /^chrome-extension:\/\/([a-p]{32})\/src\/devtools\/devtools\.html$/;

export interface ChromiumWithExtension {
  browser: Browser;
  extId: string;
  /** The DevTools frontend (devtools://) of the first tab. */
  frontend: Page;
  frontendSession: CDPSession;
  /** The first tab, the one DevTools inspects. */
  page: Page;
  /** Selects the "CORS" panel; resolves with whether it got selected. */
  showPanel(): Promise<boolean>;
  /** Evaluates an expression in the panel page (once shown), awaiting a promise, and returns its value. */
  inPanel(expression: string): Promise<unknown>;
  /** The panel page's CDP session (once shown), for what `inPanel` does not cover (heap, GC). */
  panelSession(): Promise<CDPSession>;
  /** Evaluates an expression in the devtools page. */
  inDevtoolsPage(expression: string): Promise<unknown>;
  /** Undocks DevTools into a window of its own, of this size. */
  undock(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  extensionDir: string;
  display: string;
  /** Kill the browser when this process exits (tests), or leave it to the user (demo). */
  handleSignals?: boolean;
  /** Runs as soon as the browser is up, before DevTools and the extension are looked for (e.g. a network recorder). */
  onLaunch?: (browser: Browser) => Promise<void>;
  /** How long one CDP call may take (a benchmark's big evaluations take longer than a test's). */
  protocolTimeout?: number;
}

export async function launchChromium({
  extensionDir,
  display,
  handleSignals = true,
  onLaunch,
  protocolTimeout = 30_000,
}: ChromiumOptions): Promise<ChromiumWithExtension> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: false,
    devtools: true, // --auto-open-devtools-for-tabs: the initial tab gets DevTools, and so our devtools page
    defaultViewport: null,
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
      '--window-size=1600,1000',
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
    ],
    env: { ...process.env, DISPLAY: display },
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    protocolTimeout,
  });
  const sessions: CDPSession[] = [];
  try {
    await onLaunch?.(browser);
    // The devtools page of the initial tab's DevTools: the extension is loaded and attached to that tab.
    const devtoolsTarget = await browser.waitForTarget((t) => DEVTOOLS_PAGE.test(t.url()), { timeout: 20_000 });
    const extId = DEVTOOLS_PAGE.exec(devtoolsTarget.url())?.[1] ?? '';
    const frontendTarget = await browser.waitForTarget((t) => t.url().startsWith('devtools://'), { timeout: 20_000 });
    const frontend = await frontendTarget.asPage();
    if (!frontend) throw new Error('The DevTools frontend target has no page');
    const frontendSession = await frontendTarget.createCDPSession();
    sessions.push(frontendSession);
    // The initial tab (a second tab would get a second DevTools window).
    const tabs = (await browser.pages()).filter((p) => !p.url().startsWith('devtools://'));
    const page = tabs[0];
    if (tabs.length !== 1 || !page) throw new Error(`Expected one tab, found: ${tabs.map((p) => p.url()).join(', ')}`);
    // The devtools page has created the panel before the page makes any request.
    await frontend.waitForFunction(`(${tabIds}).then((ids) => ids.includes(${JSON.stringify(panelId(extId))}))`, {
      polling: 200,
      timeout: 20_000,
    });

    // One session per extension page, kept: a session per call would weigh on every poll and measurement.
    const pageSessions = new Map<string, Promise<CDPSession>>();
    const sessionOf = (url: string) => {
      let session = pageSessions.get(url);
      if (!session) {
        session = browser
          .waitForTarget((t) => t.url() === url, { timeout: 20_000 })
          .then((target) => target.createCDPSession());
        session.then((created) => sessions.push(created)).catch(() => pageSessions.delete(url));
        pageSessions.set(url, session);
      }
      return session;
    };
    const evaluateIn = async (url: string, expression: string) => {
      const session = await sessionOf(url);
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) {
        throw new Error(`evaluate in ${url}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      }
      return result.value as unknown;
    };
    const panelUrl = `chrome-extension://${extId}/src/panel/panel.html`;
    return {
      browser,
      extId,
      frontend,
      frontendSession,
      page,
      showPanel: async () => {
        await frontend.evaluate(`InspectorFrontendAPI.showPanel(${JSON.stringify(panelId(extId))})`);
        const selected = await pollUntil(
          () => frontend.evaluate(selectedTab),
          (id) => id === panelId(extId),
          5_000,
        );
        return selected === panelId(extId);
      },
      inPanel: (expression) => evaluateIn(panelUrl, expression),
      panelSession: () => sessionOf(panelUrl),
      inDevtoolsPage: (expression) => evaluateIn(devtoolsTarget.url(), expression),
      undock: async (width, height) => {
        await frontend.evaluate(
          `${legacy}.then((ui) => ui.DockController.DockController.instance().setDockSide('undocked'))`,
        );
        const { windowId } = await frontendSession.send('Browser.getWindowForTarget');
        await frontendSession.send('Browser.setWindowBounds', {
          windowId,
          bounds: { left: 0, top: 0, width, height, windowState: 'normal' },
        });
        await frontend.waitForFunction(`innerWidth === ${width}`, { polling: 100, timeout: 10_000 });
      },
      close: async () => {
        await Promise.allSettled(sessions.map((s) => s.detach()));
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/** DevTools names an extension panel by the extension's origin and the panel title without spaces. */
export function panelId(extId: string): string {
  return `chrome-extension://${extId}${PANEL_TITLE.replace(/\s/g, '')}`;
}

// DevTools frontend internals, evaluated in the devtools:// target. Strings, not functions: vitest rewrites import()
// in functions it transforms, and the relative module path must resolve against devtools://devtools/bundled/.
export const legacy = `import('./ui/legacy/legacy.js')`;
export const tabbedPane = `${legacy}.then((ui) => ui.InspectorView.InspectorView.instance().tabbedPane)`;
const tabIds = `${tabbedPane}.then((pane) => pane.tabIds())`;
const selectedTab = `${tabbedPane}.then((pane) => pane.selectedTabId)`;

/** One request of the page as Chromium's network stack saw it, redirects followed. */
export interface ChromiumRequest {
  method: string;
  /** The URL the page asked for. */
  url: string;
  /** Where redirects led, the last URL included (equal to `url` without redirects). */
  urls: string[];
  /** Chromium's own verdict: CDP `corsErrorStatus.corsError` if CORS failed it, else the net error, else null. */
  verdict: string | null;
  /** CORS's failed parameter (`corsErrorStatus.failedParameter`), "" when none. */
  failedParameter: string;
  finished: boolean;
}

export interface VerdictRecorder {
  /** In the order the page made them; preflights (CDP type "Preflight") apart. */
  requests: ChromiumRequest[];
  /** Verdict by "METHOD URL" of the requests finished so far (the last one wins). */
  byRequest(): Map<string, string | null>;
  session: CDPSession;
}

/** Records Chromium's own verdict on every request `page` makes from now on. */
export async function recordVerdicts(page: Page): Promise<VerdictRecorder> {
  const session = await page.createCDPSession();
  const requests: ChromiumRequest[] = [];
  const byId = new Map<string, ChromiumRequest>();
  session.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Preflight') return;
    const known = byId.get(e.requestId);
    if (known && e.redirectResponse) {
      known.urls.push(e.request.url);
      return;
    }
    const request: ChromiumRequest = {
      method: e.request.method,
      url: e.request.url,
      urls: [e.request.url],
      verdict: null,
      failedParameter: '',
      finished: false,
    };
    byId.set(e.requestId, request);
    requests.push(request);
  });
  session.on('Network.loadingFailed', (e) => {
    const request = byId.get(e.requestId);
    if (!request) return;
    request.verdict = e.corsErrorStatus?.corsError ?? e.errorText;
    request.failedParameter = e.corsErrorStatus?.failedParameter ?? '';
    request.finished = true;
  });
  session.on('Network.loadingFinished', (e) => {
    const request = byId.get(e.requestId);
    if (request) request.finished = true;
  });
  await session.send('Network.enable');
  return {
    requests,
    byRequest: () =>
      new Map(requests.filter((r) => r.finished).map((r) => [`${r.method} ${r.url}`, r.verdict] as const)),
    session,
  };
}
