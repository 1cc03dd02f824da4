// The built Firefox extension (dist/firefox) in real, headful Firefox ESR: Firefox accepts the manifest as a temporary
// add-on; the devtools page creates the "CORS" panel and captures from the moment the toolbox opens; the page makes
// its requests before the panel is first shown, so the panel can only know them through the devtools page's buffer;
// one more request comes after the panel is shown. For every scenario (support/scenarios.ts) the panel must give
// Firefox's own verdict and the expected root cause, including the requests blocked at the preflight, which Firefox
// never reports to onRequestFinished (the buffer recovers them through getHAR()). The harness reaches into the
// browser through chrome-scope WebDriver BiDi (Firefox started with --remote-allow-system-access); nothing test-only
// is added to the extension.
// Recipe: shared/docs/capture-facts.md, "Driving a real browser with the extension", and spike-firefox.md §5-7.
import type { Browser } from 'puppeteer-core';
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
import { ChromeScope, FIREFOX, launchFirefox, toolbox, type ConsoleEntry } from './support/firefox';
import {
  expectHostileInert,
  expectPageOutcomes,
  LIVE,
  ON_LOAD,
  panelTests,
  sameJson,
  started,
} from './support/panel-expectations';
import { DIST_FIREFOX, requireBrowser, requireBuild, skipWithoutBrowser } from './support/preconditions';
import { BLOCKED_AT_PREFLIGHT, expectedRows, observedRows, scenario, SCENARIOS } from './support/scenarios';
import { saveScreenshot } from './support/screenshots';
import { DONE_TITLE, runLiveScenario, startServers, type PageOutcome, type TestServers } from './support/servers';

/** An extension page as the parent process knows it (ExtensionParent's ProxyContextParent). */
interface ExtensionView {
  viewType: string;
  url: string;
}

/** An HTTP(S) request seen by the parent process's `http-on-modify-request` observer. */
interface ObservedRequest {
  method: string;
  url: string;
  triggeringOrigin: string | null;
  addonId: string | null;
}

describe.skipIf(skipWithoutBrowser(FIREFOX, 'firefox-esr'))('Firefox: the built extension', () => {
  let display: Display | undefined;
  let servers: TestServers | undefined;
  let hostile: HostileServers | undefined;
  let browser: Browser | undefined;
  let chrome: ChromeScope;

  let addonId = '';
  let panelId = '';
  let selectedTool = '';
  let panelUrl = '';
  let handedOver = false;
  let views: ExtensionView[] = [];
  let outcomes: PageOutcome[] = [];
  const liveOutcomes: PageOutcome[] = [];
  let rowsBeforeLive: PanelRow[] = [];
  let rows: PanelRow[] = [];
  const details = new Map<string, PanelDetail | null>();
  let screenshot: Uint8Array = new Uint8Array();
  let panelText = '';
  let consoleEntries: ConsoleEntry[] = [];
  /** The hostile scenario (support/hostile.ts): what the page saw, and the panel before and after "show all". */
  let hostileOutcome: { ok: boolean; error: string | null } | undefined;
  let hostileRows: PanelRow[] = [];
  let hostileBefore: HostileCheck | undefined;
  let hostileAfter: HostileCheck | undefined;

  beforeAll(async () => {
    requireBrowser(FIREFOX, 'firefox-esr');
    requireBuild(DIST_FIREFOX);
    display = await ensureDisplay();
    servers = await startServers();
    hostile = await startHostileServers();
    const { apiOrigin, pageUrl } = servers;

    const firefox = await launchFirefox({
      extensionDir: DIST_FIREFOX,
      display: display.display,
      // Every HTTP(S) request of the whole browser, with who triggered it, from before the add-on is installed.
      beforeInstall: (scope) =>
        scope
          .evaluate(
            `(() => {
          const seen = (window.__corsDoctorE2eRequests = []);
          const observer = (subject) => {
            const channel = subject.QueryInterface(Ci.nsIHttpChannel);
            const principal = channel.loadInfo?.triggeringPrincipal;
            seen.push({
              method: channel.requestMethod,
              url: channel.URI.spec,
              triggeringOrigin: principal?.origin ?? null,
              addonId: principal?.addonId || null,
            });
          };
          Services.obs.addObserver(observer, 'http-on-modify-request');
        })()`,
          )
          .then(() => undefined),
    });
    browser = firefox.browser;
    chrome = firefox.chrome;
    addonId = firefox.addonId;
    panelId = firefox.panelId;
    consoleEntries = firefox.consoleEntries;
    const { page } = firefox;

    // 1. The page makes its requests while the panel has never been shown: its page is not even loaded.
    await page.goto(pageUrl);
    await page.waitForFunction((title: string) => document.title === title, { polling: 200 }, DONE_TITLE);
    outcomes = await page.evaluate(() => (window as unknown as { outcomes: PageOutcome[] }).outcomes);

    // 2. Show the panel: its page loads only now, and gets the devtools page's buffer on onShown.
    ({ selectedTool, panelUrl } = await firefox.showPanel());
    const inPanelOr = firefox.inPanel;
    const readRows = async () => {
      const found = await inPanelOr<unknown>(panelRowsExpression('content.document'), []);
      return Array.isArray(found) ? (found as PanelRow[]) : [];
    };

    // 3. "All", not the default "Problems only": the allowed requests have rows too.
    await pollUntil(
      () => inPanelOr(clickFilterExpression('content.document', 'All'), false),
      (checked) => checked,
    );
    const expectedOnLoad = expectedRows(ON_LOAD, 'firefox', apiOrigin);
    rowsBeforeLive = await pollUntil(readRows, (found) =>
      sameJson(observedRows(found, ON_LOAD, apiOrigin), expectedOnLoad),
    );
    // The devtools page's buffer, not a capture of the panel's own (which main.tsx falls back to after 1 s).
    handedOver = await inPanelOr('Boolean(content.wrappedJSObject.__corsDoctorCapture)', false);

    // 4. The live path: a request made while the panel is shown (blocked at its preflight: recovered from getHAR()).
    for (const live of LIVE) liveOutcomes.push((await page.evaluate(runLiveScenario(live.name))) as PageOutcome);
    rows = await pollUntil(readRows, (found) =>
      sameJson(observedRows(found, SCENARIOS, apiOrigin), expectedRows(SCENARIOS, 'firefox', apiOrigin)),
    );

    // 5. The detail view of the scenarios that have one in the table, (c) last: the screenshot shows it.
    const last = scenario('preflightUnauthorized');
    const withDetail = [...SCENARIOS.filter((s) => s.detail && s !== last), last];
    for (const s of withDetail) {
      const url = apiOrigin + s.path;
      await inPanelOr(clickRowExpression('content.document', url), false);
      details.set(
        s.name,
        await pollUntil(
          () => inPanelOr<PanelDetail | null>(panelDetailExpression('content.document'), null),
          (detail) => detail?.title.endsWith(url) === true,
          5_000,
        ),
      );
    }
    panelText = String(await inPanelOr('content.document.body.innerText', ''));
    screenshot = await toolboxScreenshot(chrome);

    // 6. The hostile scenario, after everything above was read: the page fetches a URL full of markup from an API
    //    whose headers are; its row arrives live. Select it, open all headers, read the panel, expand the long value.
    //    The check runs in the panel's document through the frame script; `content.wrappedJSObject` is the page's own
    //    window, where an injected handler would have set `__pwned`.
    const h = hostile;
    hostileOutcome = (await page.evaluate(fetchHostileExpression(h.rawUrl))) as typeof hostileOutcome;
    hostileRows = await pollUntil(readRows, (found) => found.some((r) => r.url === h.url));
    await inPanelOr(clickRowExpression('content.document', h.url), false);
    const check = () =>
      inPanelOr<HostileCheck | null>(
        hostileCheckExpression(
          'content.document',
          'content.wrappedJSObject',
          h.attackerOrigin,
          h.url,
          hostileProbes(h),
        ),
        null,
      );
    await pollUntil(
      () => inPanelOr(openAllHeadersExpression('content.document'), false),
      (opened) => opened,
      5_000,
    );
    hostileBefore =
      (await pollUntil(check, (c) => c?.title.endsWith(h.url) === true && c.contains.scriptTag === true, 5_000)) ??
      undefined;
    await inPanelOr(clickShowAllExpression('content.document', LONG_VALUE_LENGTH), false);
    hostileAfter = (await pollUntil(check, (c) => c?.contains.longValueWhole === true, 5_000)) ?? undefined;
    // Let a load that an injected element might have started (the attacker is local) complete or fail.
    await new Promise((resolve) => setTimeout(resolve, 500));

    views = (await chrome.evaluate(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
      return [...extension.views].map((view) => ({ viewType: view.viewType ?? '', url: view.uri?.spec ?? '' }));
    })()`)) as ExtensionView[];
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await servers?.close();
    await hostile?.close();
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

  it('the browser itself blocked or allowed each request as the scenario says', () => {
    const { apiOrigin } = started(servers);
    expectPageOutcomes('firefox', outcomes, liveOutcomes);
    // Firefox's own verdict: its "Cross-Origin Request Blocked" console messages.
    const blockedMessages = (url: string) =>
      consoleEntries
        .filter((e) => e.text.startsWith('Cross-Origin Request Blocked') && e.text.includes(` at ${url}. `))
        .map((e) => e.text);
    // After the preflight's own message, Firefox reports the real request it then did not send as "did not succeed".
    const notSent = /\(Reason: CORS request did not succeed\)\. Status code: \(null\)\.$/;
    for (const s of SCENARIOS) {
      const [first, ...rest] = blockedMessages(apiOrigin + s.path);
      if (s.firefoxReason === null) {
        expect(first, s.label).toBeUndefined();
        continue;
      }
      expect(first, s.label).toMatch(s.firefoxReason);
      if (BLOCKED_AT_PREFLIGHT.includes(s)) {
        expect(rest.length, s.label).toBeGreaterThan(0);
        for (const message of rest) expect(message, s.label).toMatch(notSent);
      } else {
        expect(rest, s.label).toEqual([]);
      }
    }
  });

  panelTests('firefox', () => ({
    apiOrigin: started(servers).apiOrigin,
    handedOver,
    rowsBeforeLive,
    rows,
    panelText,
    details,
    screenshot,
  }));

  it('shows the requests blocked at the preflight, which only getHAR() has in Firefox', () => {
    const { apiOrigin } = started(servers);
    expect(BLOCKED_AT_PREFLIGHT.map((s) => s.name)).toEqual(
      expect.arrayContaining(['preflightUnauthorized', 'preflightRedirect', 'methodNotAllowed']),
    );
    for (const s of BLOCKED_AT_PREFLIGHT) {
      const row = rows.find((r) => r.url === apiOrigin + s.path);
      expect(row, s.label).toMatchObject({ method: 'PUT', outcome: 'blocked', status: s.row.firefox.status });
    }
  });

  it('renders hostile header values and URLs as inert text: nothing runs or loads, the layout holds', async () => {
    const { pageOrigin } = started(servers);
    const h = started<HostileServers>(hostile);
    expectHostileInert('firefox', pageOrigin, h, {
      outcome: hostileOutcome,
      rows: hostileRows,
      before: hostileBefore,
      after: hostileAfter,
    });
    // Firefox's own verdict: it blocked the request.
    expect(
      consoleEntries.some((e) => e.text.startsWith('Cross-Origin Request Blocked') && e.text.includes(h.hostileOrigin)),
    ).toBe(true);
    // No injected element fetched anything: the attacker saw no request, and the browser started none to it.
    expect(h.attackerLog).toEqual([]);
    const requests = (await chrome.evaluate('window.__corsDoctorE2eRequests')) as ObservedRequest[];
    expect(requests.filter((r) => r.url.startsWith(h.attackerOrigin))).toEqual([]);
    expect(requests.filter((r) => r.url === h.url).map((r) => [r.method, r.triggeringOrigin])).toEqual([
      ['GET', pageOrigin],
    ]);
  });

  it('the extension made no network requests of its own', async () => {
    const { log, pageOrigin, pageUrl, apiOrigin } = started(servers);
    // 1. The servers saw exactly the page's requests: the document, then the fetches from the page's origin.
    const fromPage = SCENARIOS.flatMap((s) => s.serverSees.map((method) => ({ method, path: s.path })));
    expect(log.map((r) => [r.server, r.method, r.path, r.origin ?? null])).toEqual([
      ['page', 'GET', '/', null],
      ...fromPage.map(({ method, path }) => ['api', method, path, pageOrigin]),
    ]);

    // 2. Every HTTP(S) request of the whole browser since before the install: none triggered by the add-on.
    const requests = (await chrome.evaluate('window.__corsDoctorE2eRequests')) as ObservedRequest[];
    // The observer works: it saw the page's requests to the servers, the fetches triggered by the page's origin. It
    // sees the channel of a preflighted request before its preflight's, whether the preflight then lets it go or not.
    const toServers = requests.filter((r) => r.url.startsWith(pageOrigin) || r.url.startsWith(apiOrigin));
    expect(toServers.map((r) => [r.method, r.url, r.triggeringOrigin])).toEqual([
      ['GET', pageUrl, expect.anything()],
      ...SCENARIOS.flatMap((s) =>
        (s.call === 'simple-get' ? ['GET'] : ['PUT', 'OPTIONS']).map((method) => [
          method,
          apiOrigin + s.path,
          pageOrigin,
        ]),
      ),
    ]);
    expect(requests.filter((r) => r.addonId === addonId || r.triggeringOrigin?.startsWith('moz-extension://'))).toEqual(
      [],
    );
  });
});

/**
 * A PNG of the toolbox with the panel shown: the chrome-scope BiDi screenshot of browser.xhtml, clipped to the
 * toolbox's frame (its tab bar and the panel). Saved to reports/e2e/.
 */
async function toolboxScreenshot(chrome: ChromeScope): Promise<Uint8Array> {
  const box = (await chrome.evaluate(`${toolbox}.then((tb) => {
    const rect = tb.win.browsingContext.embedderElement.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  })`)) as { x: number; y: number; width: number; height: number };
  const png = await chrome.screenshot(box);
  saveScreenshot('panel-firefox.png', png);
  return png;
}
