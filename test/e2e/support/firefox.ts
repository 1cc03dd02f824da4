// Debian Firefox ESR, headful, with the built extension installed as a temporary add-on and the toolbox open on its
// first tab: what the e2e suite and the conformance runner start from. The harness reaches into the browser through
// chrome-scope WebDriver BiDi (Firefox started with --remote-allow-system-access); nothing test-only is added to the
// extension. Recipe: shared/docs/capture-facts.md, "Driving a real browser with the extension", spike-firefox.md §5-7.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';
export const PANEL_TITLE = 'CORS';

/** The raw WebDriver BiDi connection of puppeteer's Firefox browser (not part of puppeteer's public types). */
export interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, listener: (params: unknown) => void): void;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export interface ConsoleEntry {
  level: string;
  text: string;
}

export interface FirefoxWithExtension {
  browser: Browser;
  chrome: ChromeScope;
  addonId: string;
  /** The toolbox's id for the "CORS" panel. */
  panelId: string;
  /** The first tab, the one the toolbox inspects. */
  page: Page;
  /** Every console message of the browser since launch: Firefox's own CORS verdicts are among them. */
  consoleEntries: ConsoleEntry[];
  /** Selects the panel; resolves with the selected tool's id and, once loaded, the panel page's URL. */
  showPanel(): Promise<{ selectedTool: string; panelUrl: string }>;
  /** Evaluates an expression in the panel page (`content` is its window); `fallback` if that fails. */
  inPanel<T>(expression: string, fallback: T): Promise<T>;
}

export interface FirefoxOptions {
  extensionDir: string;
  display: string;
  /** Chrome-scope set-up to run before the add-on is installed (e.g. a request observer). */
  beforeInstall?: (chrome: ChromeScope) => Promise<void>;
}

export async function launchFirefox({
  extensionDir,
  display,
  beforeInstall,
}: FirefoxOptions): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: false,
    devtools: true, // --devtools: the first tab opens with its toolbox
    defaultViewport: null,
    args: ['--remote-allow-system-access', '--width=1400', '--height=1000'], // chrome-scope BiDi (browser.xhtml)
    // A tall toolbox, docked at the bottom, for the screenshot.
    extraPrefsFirefox: { 'devtools.toolbox.footer.height': 700, 'devtools.toolbox.host': 'bottom' },
    env: { ...process.env, DISPLAY: display },
    protocolTimeout: 30_000,
  });
  try {
    const bidi = (browser as unknown as { connection: BidiConnection }).connection;
    const consoleEntries: ConsoleEntry[] = [];
    bidi.on('log.entryAdded', (entry) => {
      const { level, text } = entry as { level: string; text: string | null };
      consoleEntries.push({ level, text: text ?? '' });
    });
    const chrome = await ChromeScope.open(bidi);
    await beforeInstall?.(chrome);
    // A temporary add-on, through BiDi webExtension.install: this is Firefox validating the built manifest.
    const addonId = await browser.installExtension(extensionDir);
    // The devtools page runs in the already open toolbox and creates the panel: wait for it before any request.
    const panelId = await chrome.poll(
      `${toolbox}.then((tb) => tb.getAdditionalTools().find((tool) => tool.label === ${JSON.stringify(PANEL_TITLE)})?.id ?? '')`,
      (id): id is string => typeof id === 'string' && id !== '',
    );
    const pages = await browser.pages();
    const page = pages[0];
    if (pages.length !== 1 || !page)
      throw new Error(`Expected one tab, found: ${pages.map((p) => p.url()).join(', ')}`);
    return {
      browser,
      chrome,
      addonId,
      panelId,
      page,
      consoleEntries,
      showPanel: async () => {
        const selectedTool = (await chrome.evaluate(
          `${toolbox}.then(async (tb) => { await tb.selectTool(${JSON.stringify(panelId)}); return tb.currentToolId; })`,
        )) as string;
        const panelUrl = await chrome.poll(
          `${panelBrowser(panelId)}.then((b) => b?.browsingContext?.currentWindowGlobal?.documentURI?.spec ?? '')`,
          (url): url is string => typeof url === 'string' && url.endsWith('/src/panel/panel.html'),
        );
        return { selectedTool, panelUrl };
      },
      inPanel: async <T>(expression: string, fallback: T) =>
        ((await chrome.evaluate(inPanel(panelId, expression)).catch(() => fallback)) as T | null) ?? fallback,
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

// Toolbox internals, evaluated in chrome scope (browser.xhtml). See spike-firefox.md §5.
export const toolbox = `(async () => {
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const toolboxes = gDevTools.getToolboxes();
  if (toolboxes.length !== 1) throw new Error('expected one toolbox, found ' + toolboxes.length);
  return toolboxes[0];
})()`;

/** The remote <browser> element, inside the toolbox's panel iframe, that holds the extension's panel page. */
export function panelBrowser(panelId: string): string {
  return `${toolbox}.then((tb) => tb.doc.getElementById('toolbox-panel-iframe-' + ${JSON.stringify(panelId)})?.contentDocument?.querySelector('browser') ?? null)`;
}

/**
 * Evaluates `expression` in the panel page (an extension process) and resolves with its value, through a one-off
 * message-manager frame script: BiDi does not expose extension pages, and the panel's DOM lives in another process.
 */
export function inPanel(panelId: string, expression: string): string {
  return `${panelBrowser(panelId)}.then((browser) => new Promise((resolve, reject) => {
    if (!browser) return reject(new Error('no panel browser'));
    const mm = browser.messageManager;
    const name = 'cors-doctor-e2e:' + Math.random();
    const timer = setTimeout(() => { mm.removeMessageListener(name, listener); reject(new Error('frame script timed out')); }, 5000);
    const listener = (message) => { clearTimeout(timer); mm.removeMessageListener(name, listener); resolve(message.data); };
    mm.addMessageListener(name, listener);
    const script = 'sendAsyncMessage(' + JSON.stringify(name) + ', JSON.parse(JSON.stringify(' + ${JSON.stringify(expression)} + ')))';
    mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
  }))`;
}

/** Chrome-scope script evaluation in browser.xhtml over WebDriver BiDi. */
export class ChromeScope {
  private constructor(
    private readonly bidi: BidiConnection,
    private readonly context: string,
  ) {}

  static async open(bidi: BidiConnection): Promise<ChromeScope> {
    const { result } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = (result as { contexts: { context: string; url: string }[] }).contexts;
    const xhtml = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!xhtml) throw new Error(`No browser.xhtml in the chrome-scope tree: ${JSON.stringify(contexts)}`);
    return new ChromeScope(bidi, xhtml.context);
  }

  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  async evaluate(expression: string): Promise<unknown> {
    const { result } = await this.bidi.send('script.evaluate', {
      expression: `Promise.resolve(${expression}).then((value) => JSON.stringify(value ?? null))`,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const evaluated = result as EvaluateResult;
    if (evaluated.type === 'exception') throw new Error(`chrome-scope evaluate: ${evaluated.exceptionDetails?.text}`);
    return JSON.parse(String(evaluated.result?.value)) as unknown;
  }

  /**
   * A PNG of the `box` of browser.xhtml (CSS pixels), remote frames included: WindowGlobalParent.drawSnapshot, as
   * Firefox's own screenshots do (BiDi's browsingContext.captureScreenshot refuses chrome-scope contexts).
   */
  async screenshot(box: { x: number; y: number; width: number; height: number }): Promise<Uint8Array> {
    const url = await this.evaluate(`(async () => {
      const box = ${JSON.stringify(box)};
      const bitmap = await window.browsingContext.currentWindowGlobal.drawSnapshot(
        new DOMRect(box.x, box.y, box.width, box.height), 1, 'white');
      const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      bitmap.close();
      return canvas.toDataURL('image/png');
    })()`);
    return Buffer.from(String(url).replace(/^data:image\/png;base64,/, ''), 'base64');
  }

  /** Re-evaluates every 200 ms until `done` holds (errors count as not done), for up to 20 s. */
  async poll<T>(expression: string, done: (value: unknown) => value is T): Promise<T> {
    const deadline = Date.now() + 20_000;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        last = await this.evaluate(expression);
        if (done(last)) return last;
      } catch (error) {
        last = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(
      `Timed out waiting in chrome scope; last value: ${String(last instanceof Error ? last.message : JSON.stringify(last))}`,
    );
  }
}
