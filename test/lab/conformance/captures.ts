// The recorded captures of the lab (test/lab/captures): each browser's HAR, as the extension captured it, and the
// browser's own verdict on every request. The conformance runner writes them with LAB_UPDATE_CAPTURES=1.
import { resolve } from 'node:path';
import type { LabScenario } from '../scenario';
import type { PageOutcome } from '../servers/page';
import type { BrowserVerdict } from './observe';

export const CAPTURES_DIR = resolve(import.meta.dirname, '../captures');

/** The browser's verdict as an outcome: what the scenario's `expect.outcome` states. */
export function browserOutcome(verdict: BrowserVerdict, page: PageOutcome): 'allowed' | 'blocked' | 'failed-not-cors' {
  if (verdict.browser === 'chromium') {
    if (verdict.verdict === null) return 'allowed';
    return verdict.verdict.startsWith('net::') ? 'failed-not-cors' : 'blocked';
  }
  if (verdict.categories.length === 0) return page.ok ? 'allowed' : 'failed-not-cors';
  return verdict.categories.every((c) => c === 'CORSDidNotSucceed2') ? 'failed-not-cors' : 'blocked';
}

/** What the scenario expects in `browser`: its outcome there and the rule the engine must name (null: none). */
export function expectedIn(scenario: LabScenario, browser: 'chromium' | 'firefox') {
  const differs = scenario.expect[browser];
  return {
    outcome: differs?.outcome ?? scenario.expect.outcome,
    rule: differs?.rule === undefined ? scenario.expect.rule : differs.rule,
  };
}
