// The built Firefox extension (dist/firefox) in real, headful Firefox ESR: Firefox accepts the manifest as a temporary
// add-on, the devtools page creates the "CORS" panel, and the panel shows the verdict for each cross-origin request the
// page made, matching Firefox's own verdict. The harness reaches into the browser through chrome-scope WebDriver BiDi
// (Firefox started with --remote-allow-system-access); nothing test-only is added to the extension.
// Recipe: shared/docs/capture-facts.md, "Driving a real browser with the extension", and spike-firefox.md §5-7.
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, panelRowsExpression, pollUntil, type PanelRow } from './support/browser';
import { ensureDisplay, type Display } from './support/display';
import { DIST_FIREFOX, requireBrowser, requireBuild, skipWithoutBrowser } from './support/preconditions';
import { DONE_TITLE, startServers, type PageOutcome, type TestServers } from './support/servers';

const FIREFOX = '/usr/bin/firefox-esr';
const PANEL_TITLE = 'CORS';

/** The raw WebDriver BiDi connection of puppeteer's Firefox browser (not part of puppeteer's public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, listener: (params: unknown) => void): void;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** An extension page as the parent process knows it (ExtensionParent's ProxyContextParent). */
interface ExtensionView {
  viewType: string;
  url: string;
}

/** An HTTP(S) request seen by the parent process's `http-on-modify-request` observer. */
interface ObservedRequest {
  url: string;
  triggeringOrigin: string | null;
  addonId: string | null;
}

interface ConsoleEntry {
  level: string;
  text: string;
}

describe.skipIf(skipWithoutBrowser(FIREFOX, 'firefox-esr'))('Firefox: the built extension', () => {
  let display: Display | undefined;
  let servers: TestServers | undefined;
  let browser: Browser | undefined;
  let chrome: ChromeScope;

  let addonId = '';
  let panelId = '';
  let selectedTool = '';
  let panelUrl = '';
  let views: ExtensionView[] = [];
  let outcomes: PageOutcome[] = [];
  let rows: PanelRow[] = [];
  let panelText = '';
  const consoleEntries: ConsoleEntry[] = [];

  beforeAll(async () => {
    requireBrowser(FIREFOX, 'firefox-esr');
    requireBuild(DIST_FIREFOX);
    display = await ensureDisplay();
    servers = await startServers();

    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: false,
      devtools: true, // --devtools: the first tab opens with its toolbox
      args: ['--remote-allow-system-access'], // chrome-scope BiDi (browser.xhtml)
      env: { ...process.env, DISPLAY: display.display },
      protocolTimeout: 30_000,
    });
    const bidi = (browser as unknown as { connection: BidiConnection }).connection;
    // Firefox's own verdict: "Cross-Origin Request Blocked: … (Reason: …)" in the page's console.
    bidi.on('log.entryAdded', (entry) => {
      const { level, text } = entry as { level: string; text: string | null };
      consoleEntries.push({ level, text: text ?? '' });
    });
    chrome = await ChromeScope.open(bidi);

    // Every HTTP(S) request of the whole browser, with who triggered it, from before the add-on is installed.
    await chrome.evaluate(`(() => {
      const seen = (window.__corsDoctorE2eRequests = []);
      const observer = (subject) => {
        const channel = subject.QueryInterface(Ci.nsIChannel);
        const principal = channel.loadInfo?.triggeringPrincipal;
        seen.push({ url: channel.URI.spec, triggeringOrigin: principal?.origin ?? null, addonId: principal?.addonId || null });
      };
      Services.obs.addObserver(observer, 'http-on-modify-request');
    })()`);

    // A temporary add-on, through BiDi webExtension.install: this is Firefox validating the built manifest.
    addonId = await browser.installExtension(DIST_FIREFOX);

    // The devtools page runs in the already open toolbox and creates the panel: wait for it before any request.
    panelId = await chrome.poll(
      `${toolbox}.then((tb) => tb.getAdditionalTools().find((tool) => tool.label === ${JSON.stringify(PANEL_TITLE)})?.id ?? '')`,
      (id): id is string => typeof id === 'string' && id !== '',
    );

    const pages = await browser.pages();
    const page = pages[0];
    if (pages.length !== 1 || !page)
      throw new Error(`Expected one tab, found: ${pages.map((p) => p.url()).join(', ')}`);
    await page.goto(servers.pageUrl);
    await page.waitForFunction((title: string) => document.title === title, { polling: 200 }, DONE_TITLE);
    outcomes = await page.evaluate(() => (window as unknown as { outcomes: PageOutcome[] }).outcomes);

    // Show the panel: its page loads only now, and backfills from getHAR().
    selectedTool = (await chrome.evaluate(
      `${toolbox}.then(async (tb) => { await tb.selectTool(${JSON.stringify(panelId)}); return tb.currentToolId; })`,
    )) as string;
    panelUrl = await chrome.poll(
      `${panelBrowser(panelId)}.then((b) => b?.browsingContext?.currentWindowGlobal?.documentURI?.spec ?? '')`,
      (url): url is string => typeof url === 'string' && url.endsWith('/src/panel/panel.html'),
    );
    const readRows = async () => {
      const found = await chrome.evaluate(inPanel(panelId, panelRowsExpression('content.document'))).catch(() => []);
      return Array.isArray(found) ? (found as PanelRow[]) : [];
    };
    rows = await pollUntil(readRows, (found) => found.length >= Object.keys(servers?.paths ?? {}).length);
    panelText = String(await chrome.evaluate(inPanel(panelId, 'content.document.body.innerText')).catch(String));
    views = (await chrome.evaluate(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
      return [...extension.views].map((view) => ({ viewType: view.viewType ?? '', url: view.uri?.spec ?? '' }));
    })()`)) as ExtensionView[];
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await servers?.close();
    await display?.stop();
  });

  it('accepts the built manifest as a temporary add-on', () => {
    expect(addonId).toBe('cors-doctor@cors-doctor.dev'); // browser_specific_settings.gecko.id
  });

  it('runs the devtools page, which creates the "CORS" panel; selecting it loads the panel page', () => {
    expect(views).toContainEqual({
      viewType: 'devtools_page',
      url: expect.stringMatching(/^moz-extension:\/\/[\w-]+\/src\/devtools\/devtools\.html$/),
    });
    expect(panelId).toMatch(/^webext-devtools-panel-/);
    expect(selectedTool).toBe(panelId);
    expect(panelUrl).toMatch(/^moz-extension:\/\/[\w-]+\/src\/panel\/panel\.html$/);
    expect(views).toContainEqual({ viewType: 'devtools_panel', url: panelUrl });
  });

  it('the browser itself blocked one request and allowed the others', () => {
    const { apiOrigin, paths } = started(servers);
    expect(outcomes).toEqual([
      { name: 'blocked', ok: false, status: null, error: expect.stringContaining('TypeError') },
      { name: 'allowed', ok: true, status: 200, error: null },
      { name: 'allowedWithoutCredentialsHeader', ok: true, status: 200, error: null },
    ]);
    const blockedMessages = (url: string) =>
      consoleEntries.filter((e) => e.text.startsWith('Cross-Origin Request Blocked') && e.text.includes(`${url}.`));
    expect(blockedMessages(apiOrigin + paths.blocked).map((e) => e.text)).toEqual([
      expect.stringMatching(/\(Reason: CORS header .Access-Control-Allow-Origin. missing\)/),
    ]);
    expect(blockedMessages(apiOrigin + paths.allowed)).toEqual([]);
    expect(blockedMessages(apiOrigin + paths.allowedWithoutCredentialsHeader)).toEqual([]);
  });

  it('the panel shows one row per cross-origin request, with the same verdict as Firefox', () => {
    const { apiOrigin, paths } = started(servers);
    const row = (path: string) => rows.find((r) => r.cells[1] === apiOrigin + path);
    expect(rows, `panel text: ${panelText}`).toHaveLength(3);
    // The engine names verdicts the Chromium way; Firefox's CORSMissingAllowOrigin2 is MissingAllowOriginHeader.
    expect(row(paths.blocked)).toEqual({
      outcome: 'blocked',
      cells: [
        'GET',
        apiOrigin + paths.blocked,
        'blocked · MissingAllowOriginHeader · No Access-Control-Allow-Origin header',
      ],
    });
    expect(row(paths.allowed)).toEqual({ outcome: 'allowed', cells: ['GET', apiOrigin + paths.allowed, 'Allowed'] });
    // Firefox's HAR has no error field, and no cookie shows the credentials mode: with credentials this response
    // would be blocked (no ACAC), so the honest verdict from the capture is "unknown" (the Chromium panel can tell).
    expect(row(paths.allowedWithoutCredentialsHeader)).toEqual({
      outcome: 'unknown',
      cells: [
        'GET',
        apiOrigin + paths.allowedWithoutCredentialsHeader,
        'unknown · The verdict depends on credentials the capture does not show',
      ],
    });
  });

  it('the extension made no network requests of its own', async () => {
    const { log, pageOrigin, pageUrl, apiOrigin, paths } = started(servers);
    // 1. The servers saw exactly the page's requests: the document, then the fetches from the page's origin.
    expect(log.map((r) => [r.server, r.method, r.path, r.origin ?? null])).toEqual([
      ['page', 'GET', '/', null],
      ['api', 'GET', paths.blocked, pageOrigin],
      ['api', 'GET', paths.allowed, pageOrigin],
      ['api', 'GET', paths.allowedWithoutCredentialsHeader, pageOrigin],
    ]);

    // 2. Every HTTP(S) request of the whole browser since before the install: none triggered by the add-on.
    const requests = (await chrome.evaluate('window.__corsDoctorE2eRequests')) as ObservedRequest[];
    // The observer works: it saw the page's requests to the servers, the fetches triggered by the page's origin.
    const toServers = requests.filter((r) => r.url.startsWith(pageOrigin) || r.url.startsWith(apiOrigin));
    expect(toServers.map((r) => [r.url, r.triggeringOrigin])).toEqual([
      [pageUrl, expect.anything()],
      [apiOrigin + paths.blocked, pageOrigin],
      [apiOrigin + paths.allowed, pageOrigin],
      [apiOrigin + paths.allowedWithoutCredentialsHeader, pageOrigin],
    ]);
    expect(requests.filter((r) => r.addonId === addonId || r.triggeringOrigin?.startsWith('moz-extension://'))).toEqual(
      [],
    );
  });
});

function started(servers: TestServers | undefined): TestServers {
  if (!servers) throw new Error('the test servers did not start');
  return servers;
}

// Toolbox internals, evaluated in chrome scope (browser.xhtml). See spike-firefox.md §5.
const toolbox = `(async () => {
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const toolboxes = gDevTools.getToolboxes();
  if (toolboxes.length !== 1) throw new Error('expected one toolbox, found ' + toolboxes.length);
  return toolboxes[0];
})()`;

/** The remote <browser> element, inside the toolbox's panel iframe, that holds the extension's panel page. */
function panelBrowser(panelId: string): string {
  return `${toolbox}.then((tb) => tb.doc.getElementById('toolbox-panel-iframe-' + ${JSON.stringify(panelId)})?.contentDocument?.querySelector('browser') ?? null)`;
}

/**
 * Evaluates `expression` in the panel page (an extension process) and resolves with its value, through a one-off
 * message-manager frame script: BiDi does not expose extension pages, and the panel's DOM lives in another process.
 */
function inPanel(panelId: string, expression: string): string {
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
class ChromeScope {
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
