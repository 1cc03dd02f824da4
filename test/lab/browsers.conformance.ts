// The browser-verified conformance suite (`npm run test:conformance`): every lab scenario fired in real Chromium and
// real Firefox ESR with the built extension recording in its CORS panel; the engine then diagnoses what the extension
// captured, and its verdict must be the browser's own for every request: Chromium's from CDP
// (Network.loadingFailed.corsErrorStatus), Firefox's from its "Cross-Origin Request Blocked" console messages.
// Writes reports/conformance/agreement.md; with LAB_UPDATE_CAPTURES=1 also the recorded captures in test/lab/captures,
// which test/conformance/lab-captures.test.ts replays without a browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../e2e/support/chromium';
import { ensureDisplay, type Display } from '../e2e/support/display';
import { FIREFOX } from '../e2e/support/firefox';
import {
  DIST_CHROME,
  DIST_FIREFOX,
  requireBrowser,
  requireBuild,
  skipWithoutBrowser,
} from '../e2e/support/preconditions';
import { runChromium, runFirefox } from './conformance/browsers';
import { browserOutcome, CAPTURES_DIR, expectedIn } from './conformance/captures';
import { KNOWN_DISAGREEMENTS, KNOWN_RULE_GAPS, KNOWN_UNCAPTURED } from './conformance/expectations';
import { captureHar, diagnoseCapture, judge, statusLostByFirefox, type Judged } from './conformance/judge';
import type { BrowserName, BrowserRun } from './conformance/observe';
import { REPORT_DIR, writeReport, type BrowserResult } from './conformance/report';
import { startLab, type Lab } from './lab';
import type { LabScenario } from './scenario';
import { LAB_SCENARIOS } from './scenarios';
import { nginxInstalled } from './servers/nginx';

// LAB_BROWSERS=firefox (or chromium) runs one browser only, when working on it.
const BROWSERS = [
  { name: 'chromium', binary: CHROMIUM, apt: 'chromium', dist: DIST_CHROME, run: runChromium },
  { name: 'firefox', binary: FIREFOX, apt: 'firefox-esr', dist: DIST_FIREFOX, run: runFirefox },
] as const;
const ONLY = process.env.LAB_BROWSERS?.split(',');

let lab: Lab | undefined;
let display: Display | undefined;
const results: BrowserResult[] = [];

beforeAll(async () => {
  // On CI nginx must be there (.ci/run installs it); locally its scenarios are left out with a warning.
  lab = await startLab({ requireNginx: Boolean(process.env.CI), lifetimeSeconds: 1_200 });
  if (lab.missing) console.warn(`[conformance] ${lab.missing}`);
  display = await ensureDisplay();
});

afterAll(async () => {
  if (results.length > 0) {
    const file = writeReport(lab?.scenarios ?? LAB_SCENARIOS, results);
    console.log(`[conformance] agreement table: ${file}`);
  }
  await lab?.close();
  await display?.stop();
});

describe.each(BROWSERS)('$name', ({ name, binary, apt, dist, run }) => {
  const skip = (ONLY !== undefined && !ONLY.includes(name)) || skipWithoutBrowser(binary, apt);
  let judged: Judged[] = [];

  beforeAll(async () => {
    if (skip) return;
    requireBrowser(binary, apt);
    requireBuild(dist);
    const observed: BrowserRun = await run(started(lab), started(display).display);
    const har = captureHar(name, observed.version, observed.entries);
    judged = judge(name, observed.observations, diagnoseCapture(har));
    results.push({ browser: name, version: observed.version, judged, lost: observed.lost });
    // The capture and the browser's verdicts beside the report, to explain a disagreement; kept as fixtures on demand.
    saveCapture(REPORT_DIR, name, har, observed);
    if (process.env.LAB_UPDATE_CAPTURES) saveCapture(CAPTURES_DIR, name, har, observed);
  });

  it.skipIf(skip)('captured every request the page made (but those the browser itself is known to lose)', () => {
    const lost = judged.filter((j) => !j.exchange && !KNOWN_UNCAPTURED[`${j.scenario}:${name}`]);
    expect(lost.map((j) => `${j.scenario} #${j.index + 1}`)).toEqual([]);
  });

  describe.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    const known = KNOWN_DISAGREEMENTS[`${id}:${name}`];
    const runs = () => judged.filter((j) => j.scenario === id);

    // A known disagreement stays a failing case until the engine is fixed; the report explains it.
    const test = it.skipIf(skip || !served(scenario));
    (known ? test.fails : test)(
      `the engine's verdict is ${name}'s own${known ? ` (known disagreement: ${known})` : ''}`,
      (context) => {
        const requests = runs();
        // Only where the browser is known to lose the request, and only when it did, in every round.
        const uncaptured = KNOWN_UNCAPTURED[`${id}:${name}`];
        if (uncaptured && requests.some((j) => !j.exchange)) context.skip(`${name} never reported it: ${uncaptured}`);
        expect(requests).toHaveLength(scenario.requests.length);
        for (const j of requests) {
          expect({ request: j.index + 1, ...j.agreement }).toEqual({
            request: j.index + 1,
            agree: true,
            browser: j.agreement.browser,
            engine: j.agreement.engine,
          });
        }
      },
    );

    const gap = KNOWN_RULE_GAPS[`${id}:${name}`];
    const ruleTest = it.skipIf(skip || !served(scenario));
    (gap ? ruleTest.fails : ruleTest)(
      `${name} ${scenario.expect.outcome === 'allowed' ? 'allows' : 'fails'} it as the scenario says, and the engine names ${scenario.expect.rule ?? 'no rule in particular'}${gap ? ` (known gap: ${gap})` : ''}`,
      (context) => {
        const last = runs().at(-1);
        const uncaptured = KNOWN_UNCAPTURED[`${id}:${name}`];
        if (uncaptured && !last?.exchange) context.skip(`${name} never reported it: ${uncaptured}`);
        const { outcome, rule } = expectedIn(scenario, name);
        expect(last && browserOutcome(last.verdict, last.page)).toBe(outcome);
        const lostStatus = last ? statusLostByFirefox(last) : null;
        if (rule && lostStatus !== null && !last?.rules.includes(rule)) {
          context.skip(
            `${name} recorded the response's status as 0 in this run (its console says ${lostStatus}), so no rule can read it; the verdict is checked above`,
          );
        }
        if (rule) expect(last?.rules).toContain(rule);
      },
    );
  });
});

function saveCapture(dir: string, browser: BrowserName, har: unknown, observed: BrowserRun): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, `${browser}.har`), `${JSON.stringify(har, null, 1)}\n`);
  const verdicts = { browser, version: observed.version, observations: observed.observations };
  writeFileSync(resolve(dir, `${browser}.observations.json`), `${JSON.stringify(verdicts, null, 1)}\n`);
  if (observed.console) writeFileSync(resolve(dir, `${browser}.console.txt`), `${observed.console.join('\n')}\n`);
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the lab did not start');
  return value;
}

/** Whether the lab serves the scenario here: nginx's need nginx (always on CI, where startLab requires it). */
function served(scenario: LabScenario): boolean {
  return !scenario.nginx || nginxInstalled() || Boolean(process.env.CI);
}
