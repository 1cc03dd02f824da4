// The agreement table: scenario × browser, the browser's verdict, the engine's on what the extension captured, and
// the root cause the engine named. Written to reports/conformance/ by every conformance run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allRules } from '../../../src/engine';
import { ROOT } from '../../e2e/support/preconditions';
import type { LabScenario } from '../scenario';
import { KNOWN_DISAGREEMENTS, KNOWN_RULE_GAPS, KNOWN_UNCAPTURED, UNREACHABLE_RULES } from './expectations';
import type { Judged } from './judge';
import type { BrowserName } from './observe';

export const REPORT_DIR = resolve(ROOT, 'reports/conformance');

export interface BrowserResult {
  browser: BrowserName;
  version: string;
  judged: Judged[];
  /** Per retry round: the requests the browser never reported to the extension in the round before. */
  lost: string[][];
}

/** The lead diagnosis: the first root cause, else the failed check, else the first advice. */
function lead(j: Judged): string {
  const diagnoses = j.exchange?.diagnoses ?? [];
  const first = diagnoses.find((d) => d.kind === 'root-cause') ?? diagnoses.find((d) => d.kind === 'check');
  return first?.rule ?? diagnoses[0]?.rule ?? '—';
}

export function agreementMarkdown(scenarios: readonly LabScenario[], results: readonly BrowserResult[]): string {
  const lines: string[] = [];
  const total = results.reduce((n, r) => n + r.judged.length, 0);
  const agreed = results.reduce((n, r) => n + r.judged.filter((j) => j.agreement.agree).length, 0);
  lines.push('# CORS lab: browser verdicts against the engine', '');
  lines.push(
    `Every scenario of test/lab fired from the lab page in each browser with the built extension recording; the engine ` +
      `diagnosed what the extension captured. ${agreed} of ${total} requests agree.`,
    '',
  );
  for (const r of results) {
    const n = r.judged.filter((j) => j.agreement.agree).length;
    lines.push(`- **${r.version}**: ${n} / ${r.judged.length} requests agree (${percent(n, r.judged.length)}).`);
    r.lost.forEach((requests, round) => {
      lines.push(
        `  - Round ${round + 1}: the browser never reported ${requests.length} request(s) to the extension (nor to ` +
          `getHAR()); their scenarios were fired again in a fresh capture: ${requests.map((x) => `\`${x}\``).join(', ')}.`,
      );
    });
  }
  lines.push('');
  const header = ['Scenario', 'Stack', 'Request'];
  for (const r of results) header.push(`${r.browser}: browser`, `${r.browser}: engine`, `${r.browser}: root cause`);
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const s of scenarios) {
    s.requests.forEach((request, index) => {
      const row = [
        `\`${s.id}\``,
        s.stack,
        `${index + 1}. ${request.method ?? 'GET'}${request.from === 'alt' ? ' (other origin)' : ''}`,
      ];
      for (const r of results) {
        const j = r.judged.find((x) => x.scenario === s.id && x.index === index);
        if (!j) {
          row.push('not run', '', '');
          continue;
        }
        const mark = j.agreement.agree ? '✅' : '❌';
        row.push(cell(j.agreement.browser), `${mark} ${cell(j.agreement.engine)}`, `\`${lead(j)}\``);
      }
      lines.push(`| ${row.join(' | ')} |`);
    });
  }
  const known = Object.entries(KNOWN_DISAGREEMENTS);
  lines.push('', '## Known disagreements', '');
  if (known.length === 0) lines.push('None.');
  for (const [key, why] of known) lines.push(`- \`${key}\`: ${why}`);
  const uncaptured = Object.entries(KNOWN_UNCAPTURED);
  lines.push('', '## Requests a browser is known to lose', '');
  if (uncaptured.length === 0) lines.push('None.');
  for (const [key, why] of uncaptured) lines.push(`- \`${key}\`: ${why}`);
  const gaps = Object.entries(KNOWN_RULE_GAPS);
  lines.push('', '## Known gaps in the root cause', '');
  if (gaps.length === 0) lines.push('None.');
  for (const [key, why] of gaps) lines.push(`- \`${key}\`: ${why}`);
  const named = new Set(results.flatMap((r) => r.judged.flatMap((j) => j.rules)));
  lines.push('', '## Rule coverage', '');
  lines.push('| Rule | Named in the lab | Scenarios that expect it |', '| --- | --- | --- |');
  for (const rule of allRules) {
    const { id } = rule;
    const expecting = scenarios.filter((s) => s.expect.rule === id).map((s) => `\`${s.id}\``);
    const unreachable = UNREACHABLE_RULES[id];
    const status = named.has(id) ? 'yes' : unreachable ? `no: ${unreachable}` : 'no';
    lines.push(`| \`${id}\` | ${cell(status)} | ${expecting.join(', ') || '—'} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeReport(scenarios: readonly LabScenario[], results: readonly BrowserResult[]): string {
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = resolve(REPORT_DIR, 'agreement.md');
  writeFileSync(file, agreementMarkdown(scenarios, results));
  const json = results.map((r) => ({
    browser: r.browser,
    version: r.version,
    lost: r.lost,
    requests: r.judged.map((j) => ({
      scenario: j.scenario,
      index: j.index,
      method: j.method,
      url: j.url,
      page: j.page,
      browserVerdict: j.agreement.browser,
      engineVerdict: j.agreement.engine,
      agree: j.agreement.agree,
      rules: j.rules,
    })),
  }));
  writeFileSync(resolve(REPORT_DIR, 'agreement.json'), `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function percent(n: number, of: number): string {
  return of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`;
}
