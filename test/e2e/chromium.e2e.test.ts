// The built Chrome extension (dist/chrome) in real, headful Chromium: the devtools page creates the "CORS" panel,
// and the panel shows a verdict for each cross-origin request of the page that matches Chromium's own verdict.
// Recipe: shared/docs/capture-facts.md, "Driving a real browser with the extension", and spike-chromium.md §5-6.
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, panelRowsExpression, pollUntil, type PanelRow } from './support/browser';
import { recordAllNetwork, type NetworkRecorder } from './support/cdp-network';
import { ensureDisplay, type Display } from './support/display';
import { DIST_CHROME, requireBrowser, requireBuild, skipWithoutBrowser } from './support/preconditions';
import { DONE_TITLE, startServers, type LoggedRequest, type PageOutcome, type TestServers } from './support/servers';

const CHROMIUM = '/usr/lib/chromium/chromium';
const PANEL_TITLE = 'CORS';
const DEVTOOLS_PAGE = /^chrome-extension:\/\/([a-p]{32})\/src\/devtools\/devtools\.html$/;

describe.skipIf(skipWithoutBrowser(CHROMIUM, 'chromium'))('Chromium: the built extension', () => {
  let display: Display | undefined;
  let servers: TestServers | undefined;
  let browser: Browser | undefined;
  let network: NetworkRecorder | undefined;
  const sessions: CDPSession[] = [];

  let extId = '';
  let devtoolsFrontend: Page | undefined;
  let panelShown = false;
  let outcomes: PageOutcome[] = [];
  /** Chromium's own verdict per request URL: CDP Network.loadingFailed's corsError, or null when it loaded. */
  const browserVerdicts = new Map<string, string | null>();
  let rows: PanelRow[] = [];
  let panelText = '';

  beforeAll(async () => {
    requireBrowser(CHROMIUM, 'chromium');
    requireBuild(DIST_CHROME);
    display = await ensureDisplay();
    servers = await startServers();

    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: false,
      devtools: true, // --auto-open-devtools-for-tabs: the initial tab gets DevTools, and so our devtools page
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
        `--load-extension=${DIST_CHROME}`,
        `--disable-extensions-except=${DIST_CHROME}`,
      ],
      env: { ...process.env, DISPLAY: display.display },
      protocolTimeout: 30_000,
    });

    // Every request anywhere in the browser from now on; the panel and the page load come later.
    network = await recordAllNetwork(browser);

    // The devtools page of the initial tab's DevTools: the extension is loaded and attached to that tab.
    const devtoolsPage = await browser.waitForTarget((t) => DEVTOOLS_PAGE.test(t.url()), { timeout: 20_000 });
    extId = DEVTOOLS_PAGE.exec(devtoolsPage.url())?.[1] ?? '';
    const frontendTarget = await browser.waitForTarget((t) => t.url().startsWith('devtools://'), { timeout: 20_000 });
    devtoolsFrontend = (await frontendTarget.asPage()) ?? undefined;
    if (!devtoolsFrontend) throw new Error('The DevTools frontend target has no page');

    // The initial tab (a second tab would get a second DevTools window).
    const tabs = (await browser.pages()).filter((p) => !p.url().startsWith('devtools://'));
    const page = tabs[0];
    if (tabs.length !== 1 || !page) throw new Error(`Expected one tab, found: ${tabs.map((p) => p.url()).join(', ')}`);

    // The devtools page has created the panel before the page makes any request.
    await devtoolsFrontend.waitForFunction(
      `(${tabIds}).then((ids) => ids.includes(${JSON.stringify(panelId(extId))}))`,
      { polling: 200, timeout: 20_000 },
    );

    // The oracle: Chromium's own verdict for each request of the page.
    const pageSession = await page.createCDPSession();
    sessions.push(pageSession);
    const urls = new Map<string, string>();
    pageSession.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    pageSession.on('Network.loadingFailed', (e) => {
      const url = urls.get(e.requestId);
      if (url) browserVerdicts.set(url, e.corsErrorStatus?.corsError ?? e.errorText);
    });
    pageSession.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId);
      if (url) browserVerdicts.set(url, null);
    });
    await pageSession.send('Network.enable');

    await page.goto(servers.pageUrl);
    await page.waitForFunction((title: string) => document.title === title, { polling: 200 }, DONE_TITLE);
    outcomes = await page.evaluate(() => (window as unknown as { outcomes: PageOutcome[] }).outcomes);

    // Show the panel; its page loads now, backfills from getHAR() and renders.
    const frontend = devtoolsFrontend;
    await frontend.evaluate(`InspectorFrontendAPI.showPanel(${JSON.stringify(panelId(extId))})`);
    const selected = await pollUntil(
      () => frontend.evaluate(selectedTab),
      (id) => id === panelId(extId),
      5_000,
    );
    panelShown = selected === panelId(extId);
    const panelTarget = await browser.waitForTarget(
      (t) => t.url() === `chrome-extension://${extId}/src/panel/panel.html`,
      { timeout: 20_000 },
    );
    const panel = await panelTarget.createCDPSession();
    sessions.push(panel);
    const evaluate = async (expression: string) =>
      (await panel.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as unknown;
    rows = await pollUntil(
      async () => ((await evaluate(panelRowsExpression('document'))) as PanelRow[] | undefined) ?? [],
      (found) => found.length >= Object.keys(servers?.paths ?? {}).length,
    );
    panelText = String(await evaluate('document.body.innerText'));
  });

  afterAll(async () => {
    await Promise.allSettled(sessions.map((s) => s.detach()));
    await network?.stop();
    await closeBrowser(browser);
    await servers?.close();
    await display?.stop();
  });

  it('loads the extension, whose devtools page creates the "CORS" panel, and shows it', () => {
    expect(extId).toMatch(/^[a-p]{32}$/);
    expect(panelShown).toBe(true);
  });

  it('the browser itself blocked one request and allowed the others', () => {
    const { apiOrigin, paths } = started(servers);
    expect(outcomes).toEqual([
      { name: 'blocked', ok: false, status: null, error: expect.stringContaining('TypeError') },
      { name: 'allowed', ok: true, status: 200, error: null },
      { name: 'allowedWithoutCredentialsHeader', ok: true, status: 200, error: null },
    ]);
    expect(Object.fromEntries(browserVerdicts)).toMatchObject({
      [apiOrigin + paths.blocked]: 'MissingAllowOriginHeader',
      [apiOrigin + paths.allowed]: null,
      [apiOrigin + paths.allowedWithoutCredentialsHeader]: null,
    });
  });

  it('the panel shows one row per cross-origin request, with the same verdict as Chromium', () => {
    const { apiOrigin, paths } = started(servers);
    const row = (path: string) => rows.find((r) => r.cells[1] === apiOrigin + path);
    expect(rows, panelText).toHaveLength(3);
    expect(row(paths.blocked)).toEqual({
      outcome: 'blocked',
      cells: [
        'GET',
        apiOrigin + paths.blocked,
        'blocked · MissingAllowOriginHeader · No Access-Control-Allow-Origin header',
      ],
    });
    expect(row(paths.allowed)).toEqual({ outcome: 'allowed', cells: ['GET', apiOrigin + paths.allowed, 'Allowed'] });
    // Chromium's HAR marks failed requests (_error), so an error-free response with a matching ACAO was allowed.
    expect(row(paths.allowedWithoutCredentialsHeader)).toEqual({
      outcome: 'allowed',
      cells: ['GET', apiOrigin + paths.allowedWithoutCredentialsHeader, 'Allowed'],
    });
  });

  it('the extension made no network requests of its own', async () => {
    const { log, pageOrigin, paths } = started(servers);
    if (!network || !browser) throw new Error('not started');
    const ownFiles = `chrome-extension://${extId}/`;

    // 1. The servers saw exactly the page's requests: the document, then the fetches from the page's origin.
    //    DevTools itself (not the extension) probes the inspected origin for its automatic-workspace file; it asks
    //    with the page as initiator (Sec-Fetch-Site: same-origin), which a chrome-extension:// context cannot.
    const devtoolsProbe = (r: LoggedRequest) =>
      r.path === '/.well-known/appspecific/com.chrome.devtools.json' && r.headers['sec-fetch-site'] === 'same-origin';
    expect(log.filter((r) => !devtoolsProbe(r)).map((r) => [r.server, r.method, r.path, r.origin ?? null])).toEqual([
      ['page', 'GET', '/', null],
      ['api', 'GET', paths.blocked, pageOrigin],
      ['api', 'GET', paths.allowed, pageOrigin],
      ['api', 'GET', paths.allowedWithoutCredentialsHeader, pageOrigin],
    ]);

    // 2. CDP Network on every extension context (devtools page, panel, service worker), attached before the panel
    //    ran: only the extension's own files. The panel's document and script must be among them, or the recording
    //    did not work.
    const fromExtension = network.requests.filter(
      (r) => r.targetUrl.startsWith('chrome-extension://') || r.documentUrl?.startsWith('chrome-extension://'),
    );
    expect(fromExtension.map((r) => r.url)).toContain(`${ownFiles}src/panel/panel.html`);
    expect(fromExtension.some((r) => /\/assets\/panel-[\w-]+\.js$/.test(r.url))).toBe(true);
    expect(fromExtension.filter((r) => !r.url.startsWith(ownFiles))).toEqual([]);

    // 3. Resource Timing of the devtools page and the panel covers each document's whole lifetime (the devtools page
    //    may have loaded before the CDP recording started). Chromium lists http(s) fetches there, but not the
    //    extension's own chrome-extension:// scripts, so only the document itself is expected.
    for (const path of ['src/devtools/devtools.html', 'src/panel/panel.html']) {
      const target = await browser.waitForTarget((t) => t.url() === ownFiles + path, { timeout: 5_000 });
      const session = await target.createCDPSession();
      sessions.push(session);
      const { result } = await session.send('Runtime.evaluate', {
        expression: `performance.getEntries().filter((e) => e.entryType === 'resource' || e.entryType === 'navigation').map((e) => e.name)`,
        returnByValue: true,
      });
      const loaded = result.value as string[];
      expect(loaded, path).toContain(ownFiles + path); // its navigation entry: the API answered
      expect(
        loaded.filter((url) => !url.startsWith(ownFiles)),
        path,
      ).toEqual([]);
    }
  });
});

function started(servers: TestServers | undefined): TestServers {
  if (!servers) throw new Error('the test servers did not start');
  return servers;
}

/** DevTools names an extension panel by the extension's origin and the panel title without spaces. */
function panelId(extId: string): string {
  return `chrome-extension://${extId}${PANEL_TITLE.replace(/\s/g, '')}`;
}

// DevTools frontend internals, evaluated in the devtools:// target. Strings, not functions: vitest rewrites import()
// in functions it transforms, and the relative module path must resolve against devtools://devtools/bundled/.
const tabbedPane = `import('./ui/legacy/legacy.js').then((legacy) => legacy.InspectorView.InspectorView.instance().tabbedPane)`;
const tabIds = `${tabbedPane}.then((pane) => pane.tabIds())`;
const selectedTab = `${tabbedPane}.then((pane) => pane.selectedTabId)`;
