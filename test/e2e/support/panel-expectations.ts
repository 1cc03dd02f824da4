// What the panel must show, the same in both browser suites: the expectations read the per-scenario table
// (scenarios.ts) for the browser under test. Where the browsers differ, the difference is spelled out here, per
// browser (BROWSERS), or stays in the browser's own suite (how each one's own verdict is read, what each one records).
import { expect, it } from 'vitest';
import type { PanelDetail, PanelRow } from './browser';
import { LONG_VALUE_LENGTH, type HostileCheck, type HostileServers } from './hostile';
import { expectedRows, observedRows, scenario, SCENARIOS, type Scenario } from './scenarios';
import { isPng } from './screenshots';
import type { PageOutcome } from './servers';

export type BrowserName = 'chromium' | 'firefox';

interface BrowserSpecifics {
  /** Whether the browser itself let the scenario's request through (its own verdict is null). */
  allows(s: Scenario): boolean;
  /**
   * The hostile probes (hostile.ts, `hostileProbes`) for the header bytes of a bidi override and a C1 control, as
   * this browser decodes them: header bytes are read one per character, never as UTF-8.
   */
  decodedBytesProbes: readonly string[];
}

export const BROWSERS: Record<BrowserName, BrowserSpecifics> = {
  chromium: {
    allows: (s) => s.chromiumError === null,
    // windows-1252: no control left.
    decodedBytesProbes: ['chromiumBidiBytes', 'chromiumServerBidiBytes', 'chromiumC1'],
  },
  firefox: {
    allows: (s) => s.firefoxReason === null,
    // Latin-1: the C1 control U+0080 shows as \\u0080.
    decodedBytesProbes: ['firefoxBidiBytes', 'firefoxServerBidiBytes', 'firefoxC1'],
  },
};

/** The scenarios the page fires on load (before the panel is first shown), and the one fired while it is shown. */
export const ON_LOAD = SCENARIOS.filter((s) => !s.live);
export const LIVE = SCENARIOS.filter((s) => s.live);

/** The page saw each of its fetches succeed or fail (a TypeError) as the browser's own verdict says. */
export function expectPageOutcomes(browser: BrowserName, onLoad: PageOutcome[], live: PageOutcome[]): void {
  const outcome = (s: Scenario) =>
    BROWSERS[browser].allows(s)
      ? { name: s.name, ok: true, status: 200, error: null }
      : { name: s.name, ok: false, status: null, error: expect.stringContaining('TypeError') };
  expect(onLoad).toEqual(ON_LOAD.map(outcome));
  expect(live).toEqual(LIVE.map(outcome));
}

/** What a suite read from the panel in its beforeAll, for `panelTests`. */
export interface PanelObserved {
  apiOrigin: string;
  /** The panel runs on the devtools page's buffer (`window.__corsDoctorCapture`), not a capture of its own. */
  handedOver: boolean;
  /** The rows once the page's requests were in (before the live request), and after the live request. */
  rowsBeforeLive: PanelRow[];
  rows: PanelRow[];
  /** The panel's whole text, for failure messages. */
  panelText: string;
  /** The detail view of each scenario that has one in the table (WITH_DETAIL), by name. */
  details: ReadonlyMap<string, PanelDetail | null>;
  screenshot: Uint8Array;
}

/** The scenarios whose detail view the suites open, as `it.each` rows: [label, name]. */
export const WITH_DETAIL = SCENARIOS.filter((s) => s.detail).map((s) => [s.label, s.name] as const);

/**
 * The tests of what the panel must show, the same in both browsers but for the per-browser rows of the scenario table.
 * `observed` is called in each test, after the suite's beforeAll.
 */
export function panelTests(browser: BrowserName, observed: () => PanelObserved): void {
  it('the devtools page handed its buffer, with the requests made before the panel was first shown, to the panel', () => {
    const { apiOrigin, handedOver, rowsBeforeLive } = observed();
    expect(handedOver).toBe(true);
    expect(observedRows(rowsBeforeLive, ON_LOAD, apiOrigin)).toEqual(expectedRows(ON_LOAD, browser, apiOrigin));
  });

  it('the panel shows one row per cross-origin request, with the verdict and root cause of its scenario', () => {
    const { apiOrigin, rows, panelText } = observed();
    expect(observedRows(rows, SCENARIOS, apiOrigin), `panel text: ${panelText}`).toEqual(
      expectedRows(SCENARIOS, browser, apiOrigin),
    );
    // Nothing else: no row for a preflight of its own, no same-origin request.
    expect(rows.map((r) => r.url).sort()).toEqual(SCENARIOS.map((s) => apiOrigin + s.path).sort());
    // Rows show the path, then the origin.
    for (const row of rows) expect([row.path, row.origin]).toEqual([new URL(row.url).pathname, apiOrigin]);
  });

  it('the request made after the panel was shown arrives live', () => {
    const { apiOrigin, rowsBeforeLive, rows } = observed();
    expect(LIVE.length).toBeGreaterThan(0);
    for (const live of LIVE) {
      expect(rowsBeforeLive.map((r) => r.url)).not.toContain(apiOrigin + live.path);
      expect(rows.map((r) => r.url)).toContain(apiOrigin + live.path);
    }
  });

  it.each(WITH_DETAIL)('selecting %s shows its diagnosis', (_, name) => {
    const { apiOrigin, details } = observed();
    const s = scenario(name);
    if (!s.detail) throw new Error(`the scenario ${name} has no expected detail`);
    const detail = details.get(name);
    expect(detail?.title).toBe(`PUT ${apiOrigin}${s.path}`);
    expect(detail?.kind).toBe(s.detail.kind);
    expect(detail?.rootCause).toBe(s.detail.rootCause);
    expect(detail?.text).toContain(s.detail.kind);
    expect(detail?.text).toContain(s.detail.rootCause);
  });

  it('saves a screenshot of the panel', () => {
    expect(isPng(observed().screenshot)).toBe(true);
  });
}

/** What the page and the panel saw of the hostile request (hostile.ts); the browser's own records stay in its suite. */
export interface HostileObserved {
  outcome: { ok: boolean; error: string | null } | undefined;
  rows: PanelRow[];
  /** The panel before and after "show all". */
  before: HostileCheck | undefined;
  after: HostileCheck | undefined;
}

/** Hostile header values and URLs render as inert text: nothing runs or loads, the layout holds. */
export function expectHostileInert(
  browser: BrowserName,
  pageOrigin: string,
  h: HostileServers,
  observed: HostileObserved,
): void {
  const { outcome, rows, before, after } = observed;
  // The browser blocked it (the markup is no allowed origin), and the API saw exactly the page's one GET.
  expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('TypeError') });
  expect(h.apiLog).toEqual([{ method: 'GET', url: h.url.slice(h.hostileOrigin.length), origin: pageOrigin }]);
  // One more row, the hostile one, blocked and selected.
  expect(rows).toHaveLength(SCENARIOS.length + 1);
  expect(rows.find((r) => r.url === h.url)?.path).toBe(h.url.slice(h.hostileOrigin.length));
  const decodedBytes = Object.fromEntries(BROWSERS[browser].decodedBytesProbes.map((probe) => [probe, true]));
  for (const check of [before, after]) {
    if (!check) throw new Error('the hostile check did not run');
    expect(check.row).toMatchObject({ outcome: 'blocked', selected: true });
    expect(check.title).toBe(`GET ${h.url}`);
    expect(check.rowCount).toBe(SCENARIOS.length + 1);
    // Nothing ran, nothing was injected.
    expect(check.pwned).toBe(false);
    expect(check.loaders).toEqual([]);
    expect(check.foreignScripts).toEqual([]);
    expect(check.svgCount).toBe(0);
    expect(check.withHandlers).toEqual([]);
    expect(check.pointingAtAttacker).toEqual([]);
    // The hostile text shows literally, control characters as visible \uXXXX escapes, never raw; the bytes of a bidi
    // override and a C1 control in a header as this browser decodes them (BROWSERS).
    expect(check.contains, JSON.stringify(check.samples)).toMatchObject({
      allowOriginMarkup: true,
      imgMarkup: true,
      scriptTag: true,
      svgOnload: true,
      iframeMarkup: true,
      urlQuery: true,
      longValueStart: true,
      ...decodedBytes,
    });
    expect(check.rawControls).toEqual([]);
    // The layout holds: the list and the detail pane have a size, and nothing pushes the page wider than the panel.
    expect(check.list?.width).toBeGreaterThan(100);
    expect(check.list?.height).toBeGreaterThan(100);
    expect(check.detail?.width).toBeGreaterThan(100);
    expect(check.detail?.height).toBeGreaterThan(100);
    expect(check.detail?.right).toBeLessThanOrEqual(check.viewport.width + 1);
    expect(check.scrollWidth).toBeLessThanOrEqual(check.viewport.width + 1);
  }
  // The 200 k value is cut behind "show all" (the panel's text stays far shorter than it), and expands on demand.
  expect(before?.showAll).toContain(`show all (${LONG_VALUE_LENGTH.toLocaleString('en-US')} characters)`);
  expect(before?.contains.longValueWhole).toBe(false);
  expect(before?.textLength).toBeLessThan(LONG_VALUE_LENGTH / 2);
  expect(after?.contains.longValueWhole).toBe(true);
  expect(after?.textLength).toBeGreaterThan(LONG_VALUE_LENGTH);
}

/** The value a beforeAll hook set, or a clear failure if it did not get that far. */
export function started<T>(value: T | undefined): T {
  if (!value) throw new Error('the test servers did not start');
  return value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
