// The built Chrome extension (dist/chrome) in real, headful Chromium: the devtools page creates the "CORS" panel and
// captures from the moment DevTools opens; the page makes its requests before the panel is first shown, so the panel
// can only know them through the devtools page's buffer; one more request comes after the panel is shown. For every
// scenario (support/scenarios.ts) the panel must give Chromium's own verdict and the expected root cause.
// Recipe: shared/docs/capture-facts.md, "Driving a real browser with the extension", and spike-chromium.md §5-6.
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickFilterExpression,
  clickRowExpression,
  closeBrowser,
  panelDetailExpression,
  panelRowsExpression,
  pollUntil,
  type PanelDetail,
  type PanelRow,
} from './support/browser';
import { recordAllNetwork, type NetworkRecorder } from './support/cdp-network';
import {
  CHROMIUM,
  DEVTOOLS_PAGE,
  launchChromium,
  recordVerdicts,
  tabbedPane,
  type VerdictRecorder,
} from './support/chromium';
import { ensureDisplay, type Display } from './support/display';
import {
  clickShowAllExpression,
  fetchHostileExpression,
  hostileCheckExpression,
  hostileProbes,
  LONG_VALUE_LENGTH,
  openAllHeadersExpression,
  startHostileServers,
  type HostileCheck,
  type HostileServers,
} from './support/hostile';
import {
  expectHostileInert,
  expectPageOutcomes,
  LIVE,
  ON_LOAD,
  panelTests,
  sameJson,
  started,
} from './support/panel-expectations';
import { DIST_CHROME, requireBrowser, requireBuild, skipWithoutBrowser } from './support/preconditions';
import { expectedRows, observedRows, scenario, SCENARIOS } from './support/scenarios';
import { saveScreenshot } from './support/screenshots';
import {
  DONE_TITLE,
  runLiveScenario,
  startServers,
  type LoggedRequest,
  type PageOutcome,
  type TestServers,
} from './support/servers';

describe.skipIf(skipWithoutBrowser(CHROMIUM, 'chromium'))('Chromium: the built extension', () => {
  let display: Display | undefined;
  let servers: TestServers | undefined;
  let hostile: HostileServers | undefined;
  let browser: Browser | undefined;
  let network: NetworkRecorder | undefined;
  const sessions: CDPSession[] = [];

  let extId = '';
  let devtoolsFrontend: Page | undefined;
  let panelShown = false;
  let handedOver = false;
  let outcomes: PageOutcome[] = [];
  const liveOutcomes: PageOutcome[] = [];
  /** Chromium's own verdict per "METHOD URL": CDP Network.loadingFailed's corsError, or null when it loaded. */
  let verdicts: VerdictRecorder | undefined;
  const browserVerdicts = () => verdicts?.byRequest() ?? new Map<string, string | null>();
  /** The rows once the page's requests were in (before the live request), and after the live request. */
  let rowsBeforeLive: PanelRow[] = [];
  let rows: PanelRow[] = [];
  const details = new Map<string, PanelDetail | null>();
  let screenshot: Uint8Array = new Uint8Array();
  let panelText = '';
  /** The hostile scenario (support/hostile.ts): what the page saw, and the panel before and after "show all". */
  let hostileOutcome: { ok: boolean; error: string | null } | undefined;
  let hostileRows: PanelRow[] = [];
  let hostileBefore: HostileCheck | undefined;
  let hostileAfter: HostileCheck | undefined;
  let devtoolsPagePwned: unknown;

  beforeAll(async () => {
    requireBrowser(CHROMIUM, 'chromium');
    requireBuild(DIST_CHROME);
    display = await ensureDisplay();
    servers = await startServers();
    hostile = await startHostileServers();
    const { apiOrigin, pageUrl } = servers;

    const chromium = await launchChromium({
      extensionDir: DIST_CHROME,
      display: display.display,
      // Every request anywhere in the browser from now on; the panel and the page load come later.
      onLaunch: async (launched) => {
        network = await recordAllNetwork(launched);
      },
    });
    browser = chromium.browser;
    const { page, frontend, frontendSession } = chromium;
    extId = chromium.extId;
    devtoolsFrontend = frontend;
    sessions.push(frontendSession);
    // Undocked, in a window of its own: the panel gets the room it would have on a desktop, and the screenshot
    // shows the whole DevTools window.
    await chromium.undock(1400, 900);
    // The tab bar's selection underline slides to the selected tab with a CSS transition, which an undisplayed
    // window under Xvfb may never finish painting: without it, the screenshot shows the underline in its place.
    await frontend.evaluate(
      `${tabbedPane}.then((pane) => { const slider = pane.element.shadowRoot?.querySelector('.tabbed-pane-tab-slider') ?? pane.contentElement.getRootNode().querySelector('.tabbed-pane-tab-slider'); if (slider) slider.style.transition = 'none'; })`,
    );

    // The oracle: Chromium's own verdict for each request of the page, preflights (OPTIONS) apart.
    verdicts = await recordVerdicts(page);
    sessions.push(verdicts.session);

    // 1. The page makes its requests while the panel has never been shown: its page is not even loaded.
    await page.goto(pageUrl);
    await page.waitForFunction((title: string) => document.title === title, { polling: 200 }, DONE_TITLE);
    outcomes = await page.evaluate(() => (window as unknown as { outcomes: PageOutcome[] }).outcomes);

    // 2. Show the panel: its page loads now and gets the devtools page's buffer on onShown.
    panelShown = await chromium.showPanel();
    const evaluate = chromium.inPanel;
    const readRows = async () => ((await evaluate(panelRowsExpression('document'))) as PanelRow[] | undefined) ?? [];

    // 3. "All", not the default "Problems only": the allowed requests have rows too.
    await pollUntil(
      async () => (await evaluate(clickFilterExpression('document', 'All'))) === true,
      (checked) => checked,
    );
    const expectedOnLoad = expectedRows(ON_LOAD, 'chromium', apiOrigin);
    rowsBeforeLive = await pollUntil(readRows, (found) =>
      sameJson(observedRows(found, ON_LOAD, apiOrigin), expectedOnLoad),
    );
    // The devtools page's buffer, not a capture of the panel's own (which main.tsx falls back to after 1 s).
    handedOver = (await evaluate('Boolean(window.__corsDoctorCapture)')) === true;

    // 4. The live path: a request made while the panel is shown.
    for (const live of LIVE) liveOutcomes.push((await page.evaluate(runLiveScenario(live.name))) as PageOutcome);
    rows = await pollUntil(readRows, (found) =>
      sameJson(observedRows(found, SCENARIOS, apiOrigin), expectedRows(SCENARIOS, 'chromium', apiOrigin)),
    );

    // 5. The detail view of the scenarios that have one in the table, (c) last: the screenshot shows it.
    const last = scenario('preflightUnauthorized');
    const withDetail = [...SCENARIOS.filter((s) => s.detail && s !== last), last];
    for (const s of withDetail) {
      const url = apiOrigin + s.path;
      await evaluate(clickRowExpression('document', url));
      details.set(
        s.name,
        await pollUntil(
          async () => (await evaluate(panelDetailExpression('document'))) as PanelDetail | null,
          (detail) => detail?.title.endsWith(url) === true,
          5_000,
        ),
      );
    }
    panelText = String(await evaluate('document.body.innerText'));
    screenshot = await panelScreenshot(frontendSession);

    // 6. The hostile scenario, after everything above was read: the page fetches a URL full of markup from an API
    //    whose headers are; its row arrives live. Select it, open all headers, read the panel, expand the long value.
    const h = hostile;
    hostileOutcome = (await page.evaluate(fetchHostileExpression(h.rawUrl))) as typeof hostileOutcome;
    const hostileUrl = h.url;
    hostileRows = await pollUntil(readRows, (found) => found.some((r) => r.url === hostileUrl));
    await evaluate(clickRowExpression('document', hostileUrl));
    const check = async () =>
      (await evaluate(
        hostileCheckExpression('document', 'window', h.attackerOrigin, hostileUrl, hostileProbes(h)),
      )) as HostileCheck;
    await pollUntil(
      async () => (await evaluate(openAllHeadersExpression('document'))) === true,
      (opened) => opened,
      5_000,
    );
    hostileBefore = await pollUntil(check, (c) => c.title.endsWith(hostileUrl) && c.contains.scriptTag === true, 5_000);
    await evaluate(clickShowAllExpression('document', LONG_VALUE_LENGTH));
    hostileAfter = await pollUntil(check, (c) => c.contains.longValueWhole === true, 5_000);
    // Let a load that an injected element might have started (the attacker is local) complete or fail.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const devtoolsPageTarget = await browser.waitForTarget((t) => DEVTOOLS_PAGE.test(t.url()), { timeout: 5_000 });
    const devtoolsSession = await devtoolsPageTarget.createCDPSession();
    sessions.push(devtoolsSession);
    devtoolsPagePwned = (
      await devtoolsSession.send('Runtime.evaluate', {
        expression: `typeof window.__pwned === 'undefined' && !document.documentElement.hasAttribute('data-pwned')`,
        returnByValue: true,
      })
    ).result.value;
  });

  afterAll(async () => {
    await Promise.allSettled(sessions.map((s) => s.detach()));
    await network?.stop();
    await closeBrowser(browser);
    await servers?.close();
    await hostile?.close();
    await display?.stop();
  });

  it('loads the extension, whose devtools page creates the "CORS" panel, and shows it', () => {
    expect(extId).toMatch(/^[a-p]{32}$/);
    expect(devtoolsFrontend).toBeDefined();
    expect(panelShown).toBe(true);
  });

  it('the browser itself blocked or allowed each request as the scenario says', () => {
    const { apiOrigin } = started(servers);
    expectPageOutcomes('chromium', outcomes, liveOutcomes);
    // Chromium's own verdict: CDP's corsError for the real request, null where it loaded.
    expect(Object.fromEntries(browserVerdicts())).toMatchObject(
      Object.fromEntries(
        SCENARIOS.map((s) => [`${s.call === 'simple-get' ? 'GET' : 'PUT'} ${apiOrigin}${s.path}`, s.chromiumError]),
      ),
    );
  });

  panelTests('chromium', () => ({
    apiOrigin: started(servers).apiOrigin,
    handedOver,
    rowsBeforeLive,
    rows,
    panelText,
    details,
    screenshot,
  }));

  it('renders hostile header values and URLs as inert text: nothing runs or loads, the layout holds', () => {
    const { pageOrigin } = started(servers);
    const h = started<HostileServers>(hostile);
    expectHostileInert('chromium', pageOrigin, h, {
      outcome: hostileOutcome,
      rows: hostileRows,
      before: hostileBefore,
      after: hostileAfter,
    });
    // Chromium's own verdict: it blocked the request.
    expect(browserVerdicts().has(`GET ${h.url}`)).toBe(true);
    expect(browserVerdicts().get(`GET ${h.url}`)).not.toBeNull();
    // The devtools page, which holds the same values, ran nothing either.
    expect(devtoolsPagePwned).toBe(true);
    // No injected element fetched anything: the attacker saw no request, and no extension context (whose recording
    // the next test proves) asked for one.
    expect(h.attackerLog).toEqual([]);
    expect(network?.requests.filter((r) => r.url.startsWith(h.attackerOrigin))).toEqual([]);
  });

  it('the extension made no network requests of its own', async () => {
    const { log, pageOrigin } = started(servers);
    if (!network || !browser) throw new Error('not started');
    const ownFiles = `chrome-extension://${extId}/`;

    // 1. The servers saw exactly the page's requests: the document, then the fetches from the page's origin.
    //    DevTools itself (not the extension) probes the inspected origin for its automatic-workspace file; it asks
    //    with the page as initiator (Sec-Fetch-Site: same-origin), which a chrome-extension:// context cannot.
    const devtoolsProbe = (r: LoggedRequest) =>
      r.path === '/.well-known/appspecific/com.chrome.devtools.json' && r.headers['sec-fetch-site'] === 'same-origin';
    expect(log.filter((r) => !devtoolsProbe(r)).map((r) => [r.server, r.method, r.path, r.origin ?? null])).toEqual([
      ['page', 'GET', '/', null],
      ...SCENARIOS.flatMap((s) => s.serverSees.map((method) => ['api', method, s.path, pageOrigin])),
    ]);

    // 2. CDP Network on every extension context (devtools page, panel, service worker), attached before the panel
    //    ran: only the extension's own files. The panel's document and script must be among them, or the recording
    //    did not work.
    const fromExtension = network.requests.filter(
      (r) => r.targetUrl.startsWith('chrome-extension://') || r.documentUrl?.startsWith('chrome-extension://'),
    );
    // For a failure: what the recorder attached to, and what it saw outside DevTools' own files.
    const recorded = JSON.stringify({
      targets: network.targets,
      requests: network.requests.filter((r) => !r.url.startsWith('devtools://')),
    });
    expect(
      fromExtension.map((r) => r.url),
      recorded,
    ).toContain(`${ownFiles}src/panel/panel.html`);
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

/**
 * A PNG of the DevTools window (undocked, see above): its tab bar with "CORS" selected, and the panel. Page.capture-
 * Screenshot of the frontend target; given a few tries, as a capture can wait for a frame that never comes.
 */
async function panelScreenshot(frontend: CDPSession): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    const capture = frontend.send('Page.captureScreenshot', { format: 'png' });
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000).unref());
    const shot = await Promise.race([capture, timeout]);
    if (shot) {
      const png = Buffer.from(shot.data, 'base64');
      saveScreenshot('panel-chromium.png', png, { docs: true });
      return png;
    }
    capture.catch(() => undefined);
    if (attempt === 3) throw new Error('Page.captureScreenshot of the DevTools window did not answer');
  }
}
