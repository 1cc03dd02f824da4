// The "Panel in a real browser" section of BENCHMARKS.md, from bench/panel.ts's results. It owns only the text
// between its two markers: `npm run bench` writes the rest of the file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LongTasks, Sample } from './panel-probes';

export const START_MARKER = '<!-- bench:panel start (written by `npm run bench:panel`) -->';
export const END_MARKER = '<!-- bench:panel end -->';

export interface Scenario {
  name: string;
  /** Entries the panel diagnosed, and entries the buffer dropped. */
  entries: number;
  dropped: number;
  /** Rows in the list ("All"): the exchanges. */
  rows: number;
  /** From the first request (or the file chosen) until the list showed every row. */
  loadMs: number;
  /** From the page's last response until the list showed every row (live only). */
  afterLastRequestMs: number | null;
  /** How long the page took to make its requests (live only). */
  requestsMs: number | null;
  /** Long tasks (over 50 ms) of the panel's renderer while the rows arrived. */
  longTasks: LongTasks;
  heap: { usedMb: number; elements: number };
  interactions: { click: Sample[]; arrowDown: Sample[]; scroll: Sample[]; jump: Sample[] };
}

export interface PanelResults {
  date: string;
  seconds: number;
  browser: string;
  extension: string;
  machine: { cpu: string; cores: number; loadBefore: string; loadAfter: string };
  harMb: number;
  empty: { usedMb: number; elements: number };
  scenarios: Scenario[];
  pastCap: {
    requests: number;
    entriesSeen: number;
    entries: number;
    dropped: number;
    rows: number;
    notice: string | null;
    longTasks: LongTasks;
    heap: { usedMb: number; elements: number };
  };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const int = (value: number) => value.toLocaleString('en-US');
const mb = (value: number) => value.toFixed(1);
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

const INTERACTIONS: [keyof Scenario['interactions'], string][] = [
  ['click', 'Click a row → its details'],
  ['arrowDown', 'Arrow down → next row selected, its details'],
  ['scroll', 'Scroll 400 px (10 rows) → rows rendered'],
  ['jump', 'Jump to a random place → rows rendered'],
];

function interactionTable(scenario: Scenario): string[] {
  const lines = [
    `| ${scenario.name}: interaction | Samples | DOM median (ms) | DOM p95 (ms) | Next frame median (ms) | Next frame p95 (ms) | Worst (ms) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [key, label] of INTERACTIONS) {
    const samples = scenario.interactions[key];
    const dom = samples.map((s) => s.domMs);
    const frame = samples.map((s) => s.frameMs);
    lines.push(
      `| ${label} | ${samples.length} | ${ms(quantile(dom, 0.5))} | ${ms(quantile(dom, 0.95))} | ${ms(quantile(frame, 0.5))} | ${ms(quantile(frame, 0.95))} | ${ms(Math.max(...frame))} |`,
    );
  }
  return lines;
}

const longTaskText = (t: LongTasks) =>
  t.count === 0 ? 'none' : `${t.count}, ${seconds(t.totalMs)} in all, longest ${ms(t.maxMs)} ms`;

/** Before, after, and optionally the before build measured again in the conditions of the after run. */
function comparison(before: PanelResults, after: PanelResults, rerun: PanelResults | null): string[] {
  const lines = rerun
    ? ['| Measure | Before | Before, measured again | After |', '| --- | ---: | ---: | ---: |']
    : ['| Measure | Before | After |', '| --- | ---: | ---: |'];
  const row = (label: string, value: (r: PanelResults) => string | null) => {
    const cells = [before, ...(rerun ? [rerun] : []), after].map((r) => value(r));
    if (cells.some((cell) => cell === null)) return;
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  };
  before.scenarios.forEach((b, i) => {
    const a = after.scenarios[i];
    if (!a || a.name !== b.name) return;
    const at = (r: PanelResults) => (r.scenarios[i]?.name === a.name ? (r.scenarios[i] ?? null) : null);
    row(`${a.name}: until all ${int(a.rows)} rows shown`, (r) => {
      const s = at(r);
      return s && seconds(s.loadMs);
    });
    row(`${a.name}: after the last response`, (r) => {
      const s = at(r);
      return s && s.afterLastRequestMs !== null ? seconds(s.afterLastRequestMs) : null;
    });
    row(`${a.name}: long tasks while the rows arrived`, (r) => {
      const s = at(r);
      return s && longTaskText(s.longTasks);
    });
    for (const [key, label] of INTERACTIONS) {
      row(`${a.name}: ${label}, next frame median / p95 (ms)`, (r) => {
        const frames = at(r)?.interactions[key].map((x) => x.frameMs);
        return frames ? `${ms(quantile(frames, 0.5))} / ${ms(quantile(frames, 0.95))}` : null;
      });
    }
  });
  row(
    `Past the cap: long tasks while ${int(after.pastCap.requests - (after.scenarios[0]?.rows ?? 0))} more requests arrived`,
    (r) => longTaskText(r.pastCap.longTasks),
  );
  return lines;
}

export function panelSection(r: PanelResults, before: PanelResults | null, rerun: PanelResults | null = null): string {
  const live = r.scenarios[0];
  const past = r.pastCap;
  const lines = [
    START_MARKER,
    '',
    '## Panel in a real browser',
    '',
    `Written by \`npm run bench:panel\` (bench/panel.ts) on ${r.date}, in ${r.seconds} s: ${r.browser}, headful under`,
    `Xvfb, with the built extension (${r.extension}), DevTools undocked in a 1400×900 window. CPU ${r.machine.cpu},`,
    `${r.machine.cores} cores; load average before ${r.machine.loadBefore}, after ${r.machine.loadAfter}. Other work`,
    'shares this machine: compare ratios, not absolute times.',
    '',
    '- **Live**: a page on 127.0.0.1 makes requests to an API on another port (12 at a time; 1 in 10 is a PUT with',
    '  its preflight, 3 in 20 fail CORS, 1 in 20 answers 500) while the CORS panel is shown, filter "All". Timed from',
    '  the first request until the summary counts every row and the list is as tall as all of them.',
    `- **Imported**: a ${int(r.scenarios[1]?.entries ?? 0)}-entry HAR (${mb(r.harMb)} MiB) by bench/generate-har.ts,`,
    '  opened through the panel\'s "Open HAR…" input; timed from choosing the file.',
    '- **Interactions**, timed inside the panel page: from the click, key or scroll until the DOM shows the result',
    '  (the details of the selected row; a rendered row at the new scroll position), and until the next frame after',
    '  it (`requestAnimationFrame`, then a task). Clicks land on a row in the middle of a random place in the list.',
    "- **Long tasks**: tasks over 50 ms of the panel's renderer (`PerformanceObserver`, `longtask`) while rows arrived.",
    '- **JS heap**: `Runtime.getHeapUsage` of the panel page after `HeapProfiler.collectGarbage`. The panel and the',
    '  devtools page, which holds the capture buffer, are extension pages of one renderer: this is their heap.',
    '',
    '| Scenario | Entries | Rows | Until all rows shown | After the last response | Long tasks while rows arrived | JS heap (MiB) | DOM elements |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    `| Empty panel | 0 | 0 | | | | ${mb(r.empty.usedMb)} | ${int(r.empty.elements)} |`,
    ...r.scenarios.map(
      (s) =>
        `| ${s.name} | ${int(s.entries)} | ${int(s.rows)} | ${seconds(s.loadMs)} | ${s.afterLastRequestMs === null ? '' : seconds(s.afterLastRequestMs)} | ${longTaskText(s.longTasks)} | ${mb(s.heap.usedMb)} | ${int(s.heap.elements)} |`,
    ),
    `| Live, past the cap: ${int(past.requests)} requests, ${int(past.entriesSeen)} entries | ${int(past.entries)} held, ${int(past.dropped)} dropped | ${int(past.rows)} | | | ${longTaskText(past.longTasks)} | ${mb(past.heap.usedMb)} | ${int(past.heap.elements)} |`,
    '',
    ...r.scenarios.flatMap((s) => [...interactionTable(s), '']),
    `Past the cap the panel says: "${past.notice ?? '(no notice!)'}" The buffer holds at most 10,000 entries and drops`,
    'the oldest thousand at once when full (each drop shifts every position, so the panel diagnoses the buffer anew:',
    'once per thousand requests). The JS heap after',
    live
      ? `${int(past.entriesSeen)} entries: ${mb(past.heap.usedMb)} MiB, against ${mb(live.heap.usedMb)} MiB at ${int(live.entries)}.`
      : 'is above.',
    '',
  ];
  if (before) {
    lines.push(
      `### Before and after`,
      '',
      `Before: ${before.extension}, measured on ${before.date} by the same script (load average before ${before.machine.loadBefore}).`,
      ...(rerun
        ? [
            `"Measured again": ${rerun.extension}, measured by the same script just before the "after" run, in the same`,
            `conditions (load average before ${rerun.machine.loadBefore}, after ${rerun.machine.loadAfter}): the load on this machine moves`,
            'these times more than some of the changes do.',
          ]
        : []),
      '',
      ...comparison(before, r, rerun),
      '',
    );
  }
  lines.push(
    '```sh',
    'npm run build && npm run bench:panel   # Chromium, Xvfb; about two minutes',
    '```',
    '',
    END_MARKER,
  );
  return lines.join('\n');
}

/** Replaces the section between the markers in `file`, or appends it; then formats the file as the repository does. */
export function writePanelSection(
  file: string,
  results: PanelResults,
  before: PanelResults | null,
  rerun: PanelResults | null = null,
): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = panelSection(results, before, rerun);
  const start = current.indexOf(START_MARKER);
  const end = current.indexOf(END_MARKER);
  const text =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END_MARKER.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  const root = resolve(file, '..');
  spawnSync(join(root, 'node_modules/.bin/prettier'), ['--write', file], { stdio: 'ignore' });
}
