// The CORS lab's recorded captures (test/lab/captures, written by `LAB_UPDATE_CAPTURES=1 npm run test:conformance`):
// what the extension captured in real Chromium and Firefox ESR while the lab's real Express, Fastify and nginx servers
// answered, with each browser's own verdict on every request. The engine must give that verdict again without a
// browser, and name each scenario's expected rule; known disagreements stay failing cases, as in the live run.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOutcome, CAPTURES_DIR, expectedIn } from '../lab/conformance/captures';
import { KNOWN_DISAGREEMENTS, KNOWN_RULE_GAPS } from '../lab/conformance/expectations';
import { diagnoseCapture, judge } from '../lab/conformance/judge';
import type { BrowserName, RequestObservation } from '../lab/conformance/observe';
import { LAB_SCENARIOS } from '../lab/scenarios';

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

describe.each(BROWSERS)('the lab captured in %s', (browser) => {
  const harFile = resolve(CAPTURES_DIR, `${browser}.har`);
  const observationsFile = resolve(CAPTURES_DIR, `${browser}.observations.json`);

  it('is in the repository', () => {
    expect(existsSync(harFile) && existsSync(observationsFile)).toBe(true);
  });
  if (!existsSync(harFile) || !existsSync(observationsFile)) return;

  const { observations } = JSON.parse(readFileSync(observationsFile, 'utf8')) as {
    observations: RequestObservation[];
  };
  const judged = judge(browser, observations, diagnoseCapture(JSON.parse(readFileSync(harFile, 'utf8'))));

  it('holds every request of every scenario', () => {
    const recorded = new Set(observations.map((o) => o.scenario));
    expect(LAB_SCENARIOS.filter((s) => !recorded.has(s.id)).map((s) => s.id)).toEqual([]);
    expect(judged.filter((j) => !j.exchange).map((j) => `${j.scenario} #${j.index + 1}`)).toEqual([]);
  });

  describe.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    const runs = judged.filter((j) => j.scenario === id);
    const known = KNOWN_DISAGREEMENTS[`${id}:${browser}`];
    (known ? it.fails : it)(`the engine gives ${browser}'s own verdict${known ? ` (known: ${known})` : ''}`, () => {
      expect(runs.length).toBe(scenario.requests.length);
      for (const j of runs) expect({ request: j.index + 1, ...j.agreement }).toMatchObject({ agree: true });
    });

    const gap = KNOWN_RULE_GAPS[`${id}:${browser}`];
    (gap ? it.fails : it)(`the engine names ${scenario.expect.rule ?? 'no rule in particular'}`, () => {
      const last = runs.at(-1);
      const { outcome, rule } = expectedIn(scenario, browser);
      expect(last && browserOutcome(last.verdict, last.page)).toBe(outcome);
      if (rule) expect(last?.rules).toContain(rule);
    });
  });
});
