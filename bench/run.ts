// `npm run bench`: how fast cors-doctor diagnoses big captures, against the time and memory JSON.parse alone needs
// for the same file, and how the panel's incremental engine scales. Writes BENCHMARKS.md at the repository root.
//
// For each size (1k, 10k, 100k entries by default; `npm run bench -- --sizes=1000,10000` for a quick run):
// 1. generates a realistic HAR (bench/generate-har.ts) into a temporary directory;
// 2. runs, each in its own Node process so that wall time, CPU time (user + sys) and peak RSS are its own:
//    - the baseline: read the file and JSON.parse it, nothing else;
//    - the CLI: `cors-doctor diagnose --format json <file>` (output to a file);
// 3. feeds the same entries, shuffled, one at a time to IncrementalDiagnoser as the panel does (add, then flush),
//    timing each entry.
// Each process measurement is the median of several runs. Nothing here is asserted: the numbers and the targets
// they meet or miss go to BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { diagnose, IncrementalDiagnoser, redactReport } from '../src/engine';
import { readHar, STREAM_THRESHOLD_BYTES } from '../src/cli/read-har';
import { writeJson } from '../src/cli/write-json';
import { generateEntries, writeHar, type GeneratedEntry } from './generate-har';
import { END_MARKER, START_MARKER } from './panel-report';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/cors-doctor.js');
const OUTPUT = join(ROOT, 'BENCHMARKS.md');

const TARGETS = {
  cliVsParse: 2,
  incrementalMedianMs: 0.1,
  scaling: 12,
  rssVsFile: 3,
};

interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

interface SizeResult {
  entries: number;
  fileMb: number;
  streamed: boolean;
  parse: ProcessRun;
  cli: ProcessRun;
  exchanges: number;
  incremental: { medianMs: number; p99Ms: number; meanMs: number; totalMs: number };
  /** CPU time of each step of the CLI (largest size only). */
  phases?: Record<string, number>;
}

function parseArgs(): { sizes: number[]; huge: boolean } {
  const sizes = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  return {
    sizes: sizes ? sizes.split(',').map(Number) : [1_000, 10_000, 100_000],
    // The default run also proves a file past V8's string limit; a quick run (--sizes) skips it unless asked.
    huge: !sizes || process.argv.includes('--huge'),
  };
}

/** Entries that make a capture bigger than any JavaScript string (V8: 2^29 − 24 characters, ~512 MiB). */
const HUGE_ENTRIES = 200_000;

interface HugeResult {
  entries: number;
  fileMb: number;
  /** How the parse baseline ended: the first line of its error. */
  parseError: string;
  cli: ProcessRun;
  exchanges: number;
}

/** The capture past the string limit: the parse baseline cannot read it at all; the CLI streams it. */
function beyondStringLimit(dir: string): HugeResult {
  const file = join(dir, `capture-${HUGE_ENTRIES}.har`);
  const fileMb = writeHar(file, { entries: HUGE_ENTRIES, seed: 42 }) / 1024 ** 2;
  process.stdout.write(`${HUGE_ENTRIES} entries (${fileMb.toFixed(1)} MiB): parse…`);
  const baseline = spawnSync(
    process.execPath,
    ['-e', 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))', file],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  const parseError =
    baseline.status === 0
      ? 'none: it read the file'
      : (baseline.stderr.split('\n').find((line) => /Error/.test(line)) ?? `exit ${baseline.status}`).trim();
  process.stdout.write(' cli…');
  const out = join(dir, `report-${HUGE_ENTRIES}.json`);
  const cli = measure(dir, [CLI, 'diagnose', '--format', 'json', file], 1, out);
  const exchanges = exchangesIn(out);
  rmSync(out, { force: true });
  rmSync(file, { force: true });
  process.stdout.write(` done: ${(cli.wallMs / 1000).toFixed(1)} s\n`);
  return { entries: HUGE_ENTRIES, fileMb, parseError, cli, exchanges };
}

function hugeSection(huge: HugeResult | null): string {
  if (!huge) return '';
  return `## Past the string limit

A capture of ${huge.entries.toLocaleString('en')} entries, ${fmt(huge.fileMb, 1)} MiB: more than any JavaScript string holds, so
reading it whole is impossible. The parse baseline fails (\`${huge.parseError}\`); the CLI reads it entry by entry.

| Entries | File (MiB) | Parse baseline | CLI wall (ms) | CLI CPU (ms) | CLI RSS (MiB) | CLI RSS / file | Exchanges reported |
| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |
| ${huge.entries.toLocaleString('en')} | ${fmt(huge.fileMb, 1)} | fails | ${fmt(huge.cli.wallMs)} | ${fmt(huge.cli.cpuMs)} | ${fmt(huge.cli.maxRssMb)} | ${ratio(huge.cli.maxRssMb, huge.fileMb)} | ${huge.exchanges.toLocaleString('en')} |

`;
}

/** Runs `args` with node, the process reporting its own resource usage at exit; the median of `runs` runs. */
function measure(dir: string, args: string[], runs: number, stdout: string | 'ignore' = 'ignore'): ProcessRun {
  const usageFile = join(dir, 'usage.json');
  const results: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    const out = stdout === 'ignore' ? 'ignore' : openSync(stdout, 'w');
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--import', pathToUrl(join(dir, 'usage.mjs')), ...args], {
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (typeof out === 'number') closeSync(out);
    if (child.status !== 0 && child.status !== 1) {
      throw new Error(`${args.join(' ')} exited with ${child.status}: ${child.stderr?.toString().slice(0, 500)}`);
    }
    const usage = JSON.parse(readText(usageFile)) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
    results.push({
      wallMs,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssMb: usage.maxRSS / 1024,
    });
  }
  const median = (pick: (r: ProcessRun) => number) => medianOf(results.map(pick));
  return { wallMs: median((r) => r.wallMs), cpuMs: median((r) => r.cpuMs), maxRssMb: median((r) => r.maxRssMb) };
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The report's summary.exchanges, read from the end of the (large) report file. */
function exchangesIn(report: string): number {
  const fd = openSync(report, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const match = /"summary": \{\s*"exchanges": (\d+)/.exec(tail.toString('utf8'));
    return match ? Number(match[1]) : 0;
  } finally {
    closeSync(fd);
  }
}

function pathToUrl(path: string): string {
  return new URL(`file://${path}`).href;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/** A deterministic shuffle: entries arrive at the panel in an order unrelated to the file's. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = Math.floor((state / 4294967296) * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function incremental(entries: number): SizeResult['incremental'] & { exchanges: number } {
  const all = shuffle([...generateEntries({ entries, seed: 42 })] as GeneratedEntry[], 7);
  const live = new IncrementalDiagnoser({ version: 'bench', log: { creator: { name: 'WebInspector', version: '' } } });
  const times = new Float64Array(all.length);
  const start = performance.now();
  for (let i = 0; i < all.length; i++) {
    const t0 = performance.now();
    live.add(all[i]);
    live.flush();
    times[i] = performance.now() - t0;
  }
  const totalMs = performance.now() - start;
  const exchanges = live.exchanges().length;
  times.sort();
  return {
    medianMs: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    meanMs: totalMs / all.length,
    totalMs,
    exchanges,
  };
}

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return {
    nproc: availableParallelism(),
    cpu,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

const fmt = (value: number, digits = 0) => value.toFixed(digits);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

function report(
  results: SizeResult[],
  huge: HugeResult | null,
  info: ReturnType<typeof machine>,
  loadAfter: string,
  seconds: number,
): string {
  const rows = results.map((r) => {
    const cliCpuRatio = r.cli.cpuMs / r.parse.cpuMs;
    return `| ${r.entries.toLocaleString('en')} | ${fmt(r.fileMb, 1)} | ${r.streamed ? 'streamed' : 'whole'} | ${fmt(r.parse.wallMs)} | ${fmt(r.parse.cpuMs)} | ${fmt(r.parse.maxRssMb)} | ${fmt(r.cli.wallMs)} | ${fmt(r.cli.cpuMs)} | ${fmt(r.cli.maxRssMb)} | ${ratio(r.cli.wallMs, r.parse.wallMs)} | ${cliCpuRatio.toFixed(2)}× | ${ratio(r.cli.maxRssMb, r.fileMb)} | ${r.exchanges.toLocaleString('en')} |`;
  });
  const incRows = results.map(
    (r) =>
      `| ${r.entries.toLocaleString('en')} | ${fmt(r.incremental.medianMs, 3)} | ${fmt(r.incremental.p99Ms, 3)} | ${fmt(r.incremental.meanMs, 3)} | ${fmt(r.incremental.totalMs)} |`,
  );
  const growth: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1] as SizeResult;
    const b = results[i] as SizeResult;
    growth.push(
      `| ${a.entries.toLocaleString('en')} → ${b.entries.toLocaleString('en')} | ${ratio(b.entries, a.entries)} | ${ratio(b.cli.cpuMs, a.cli.cpuMs)} | ${ratio(b.cli.wallMs, a.cli.wallMs)} | ${ratio(b.incremental.totalMs, a.incremental.totalMs)} | ${ratio(b.parse.cpuMs, a.parse.cpuMs)} |`,
    );
  }

  const at = (n: number) => results.find((r) => r.entries === n);
  const big = at(100_000) ?? results[results.length - 1];
  const mid = at(10_000);
  const targets: string[] = [];
  if (big) {
    const cpu = big.cli.cpuMs / big.parse.cpuMs;
    const wall = big.cli.wallMs / big.parse.wallMs;
    targets.push(
      `| Full CLI diagnose ≤ ${TARGETS.cliVsParse}× the parse baseline (${big.entries.toLocaleString('en')} entries) | CPU ${cpu.toFixed(2)}×, wall ${wall.toFixed(2)}× | ${met(cpu <= TARGETS.cliVsParse && wall <= TARGETS.cliVsParse)} |`,
    );
    const rss = big.cli.maxRssMb / big.fileMb;
    targets.push(
      `| Peak memory ≤ ${TARGETS.rssVsFile}× the file size (${big.entries.toLocaleString('en')} entries) | ${fmt(big.cli.maxRssMb)} MiB for ${fmt(big.fileMb)} MiB: ${rss.toFixed(2)}× | ${met(rss <= TARGETS.rssVsFile)} |`,
    );
  }
  if (mid) {
    targets.push(
      `| Incremental ≤ ${TARGETS.incrementalMedianMs} ms median per entry (10,000 entries) | ${fmt(mid.incremental.medianMs, 3)} ms | ${met(mid.incremental.medianMs <= TARGETS.incrementalMedianMs)} |`,
    );
  }
  if (mid && at(100_000)) {
    const b = at(100_000) as SizeResult;
    const cli = b.cli.cpuMs / mid.cli.cpuMs;
    const inc = b.incremental.totalMs / mid.incremental.totalMs;
    targets.push(
      `| 10k → 100k within ${TARGETS.scaling}× (linear) | CLI CPU ${cli.toFixed(2)}×, incremental ${inc.toFixed(2)}× | ${met(cli <= TARGETS.scaling && inc <= TARGETS.scaling)} |`,
    );
  }

  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, in ${fmt(seconds)} s. Rerun it
after a change to the engine or the CLI; the numbers below are from one run on the machine described, which other
work may share: compare ratios rather than absolute times.

## Machine

- CPU: ${info.cpu}, ${info.nproc} cores (\`nproc\`)
- Memory: ${fmt(info.memoryGb, 1)} GB
- Node.js: ${info.node}
- Load average (1, 5, 15 min) before: ${info.load}; after: ${loadAfter}

## What is measured

Each capture is generated by bench/generate-har.ts (deterministic): a shop page loading mostly same-origin assets
and calling an API on another origin (simple GETs, preflighted writes whose preflight starts 1–12 ms after the
request, a hot GraphQL endpoint whose preflight is often cached), redirects (same-server and cross-origin),
third-party beacons and fonts, and a mix of failures (CORS, network, auth); 15–25 headers per message.

- **Parse baseline**: \`node -e 'JSON.parse(fs.readFileSync(file, "utf8"))'\`: reading and parsing the file, nothing
  else. The floor for anything that reads the file as JSON.
- **CLI**: \`cors-doctor diagnose --format json <file> > out.json\`, the full run (read, diagnose, redact, write).
  Files over ${STREAM_THRESHOLD_BYTES / 1024 ** 2} MiB are read entry by entry (src/cli/stream-har.ts): "streamed". The report is
  diagnosed, masked and written one exchange at a time (\`diagnoseEach\`, \`redactStream\`, src/cli/write-json.ts).
- Both run in their own Node process; wall time is measured around the process, CPU time (user + sys) and peak RSS
  (\`maxRSS\`) by the process itself (\`process.resourceUsage()\` at exit). Each is the median of several runs.
- **Incremental**: the same entries, shuffled, fed one at a time to \`IncrementalDiagnoser\` (\`add()\` then
  \`flush()\`, as the panel does on each new entry); the time of each entry, and the total.

## Full CLI run against the parse baseline

| Entries | File (MiB) | Read | Parse wall (ms) | Parse CPU (ms) | Parse RSS (MiB) | CLI wall (ms) | CLI CPU (ms) | CLI RSS (MiB) | CLI / parse, wall | CLI / parse, CPU | CLI RSS / file | Exchanges reported |
| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

## Incremental engine (panel), entries in shuffled arrival order

| Entries | Median per entry (ms) | p99 per entry (ms) | Mean per entry (ms) | Total (ms) |
| ---: | ---: | ---: | ---: | ---: |
${incRows.join('\n')}

${phaseSection(results)}${hugeSection(huge)}## Growth

Each size's time over the previous size's: work that is linear in the entries grows like the entry count (10×). A
fixed part (process start-up, JIT warm-up) weighs more at small sizes, so a ratio under 10× is linear work too.

| Sizes | Entries | CLI CPU | CLI wall | Incremental total | Parse CPU |
| --- | ---: | ---: | ---: | ---: | ---: |
${growth.join('\n')}

## Targets

| Target | Measured | |
| --- | --- | --- |
${targets.join('\n')}
${big && (big.cli.cpuMs / big.parse.cpuMs > TARGETS.cliVsParse || big.cli.wallMs / big.parse.wallMs > TARGETS.cliVsParse) ? `\n${CLI_TARGET_GAP}\n` : ''}
## Commands

\`\`\`sh
npm run bench                              # builds the CLI and the benchmark, then runs all sizes
npm run bench -- --sizes=1000,10000        # a quicker run
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' capture.har   # the baseline, by hand
/usr/bin/time -v npx cors-doctor diagnose --format json capture.har > out.json         # the CLI, by hand
node --cpu-prof bin/cors-doctor.js diagnose --format json capture.har > /dev/null      # a CPU profile
\`\`\`
`;
}

/** What stands between the CLI and its target, and the plan, for when the run shows it missed. */
const CLI_TARGET_GAP = `**What stands in the way of "≤ 2× parse"** (see "Where the CLI's time goes"; the experiments below were
measured by hand on the 100,000-entry capture, on an idle machine, with \`node --cpu-prof\`):

- **Reading is at its floor.** The CLI finds each entry's bytes with a scanner and parses it with V8's own
  JSON.parse: the scan costs 0.4 s and parsing the entries one by one 2.5 s, against 3.4 s for JSON.parse of the
  whole file. Normalizing the entries adds 0.4 s. No JavaScript parser is faster than V8's native one.
- **Writing the report** costs about 0.3× the baseline: it is 197 MB of pretty-printed JSON. A third of it is the
  fix snippets of every stack, which the JSON report promises (the text and Markdown reports show only the detected
  stacks'); leaving them all out, as an experiment, saved only 0.9 s of CPU time (10 %). Rendering each distinct
  list once and splicing the text in was slower than JSON.stringify, which is native too.
- That leaves **diagnosis and masking** less than the baseline's time, and the table shows more (pairing takes
  0.7 s; then three verdicts per exchange, 23 advice rules, curl commands and fix snippets, and a second pass that
  masks credentials in every string), with garbage collection on top.

The plan, in order of gain: (1) mask while the report is built rather than in a second pass over every string
(curl commands masked from their words, evidence values masked when quoted), which removes most of the masking step;
(2) write the JSON with a serializer specialised for the report's fixed shape, straight into a byte buffer, reusing
the bytes of each distinct fix list; (3) a profile-guided pass over the diagnosis itself, whose cost is spread over
many small steps (no single function takes more than 5 % of the run).`;

/** The CLI's steps on `file`, in this process: CPU time (user + sys, ms) of each. */
function phases(file: string): Record<string, number> {
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const times: Record<string, number> = {};
  let last = cpu();
  const step = (name: string) => {
    const now = cpu();
    times[name] = now - last;
    last = now;
  };
  const input = readHar(file);
  if (typeof input === 'string') throw new Error(input);
  const inputs = [input];
  step('read');
  // As the CLI does, let the captures and the unmasked report go as soon as they are used.
  const shown = (() => {
    const report = diagnose(inputs, { version: 'bench' });
    inputs.length = 0;
    step('diagnose');
    return redactReport(report);
  })();
  step('redact');
  const fd = openSync('/dev/null', 'w');
  writeJson(shown, (text) => writeSync(fd, text));
  closeSync(fd);
  step('write');
  return times;
}

const STEPS: Record<string, string> = {
  read: 'Read the file (JSON.parse, normalize the entries)',
  diagnose: 'Diagnose (pairing, verdicts, rules, fixes): `diagnose()`',
  redact: 'Mask credentials: `redactReport()`',
  write: 'Write the JSON',
};

function phaseSection(results: SizeResult[]): string {
  const last = [...results].reverse().find((r) => r.phases);
  if (!last?.phases) return '';
  const phases = last.phases;
  const total = Object.values(phases).reduce((sum, t) => sum + t, 0);
  const rows = Object.entries(phases).map(
    ([step, ms]) =>
      `| ${STEPS[step] ?? step} | ${fmt(ms)} | ${fmt((100 * ms) / total)} % | ${ratio(ms, last.parse.cpuMs)} |`,
  );
  return `## Where the CLI's time goes (${last.entries.toLocaleString('en')} entries)

The CLI's steps run one after the other in one process (\`bench/run.ts --phases=<file>\`), CPU time of each
(garbage collection included), against the parse baseline's CPU time (${fmt(last.parse.cpuMs)} ms). The CLI itself runs
the last three steps one exchange at a time; here each runs over the whole report, to time it on its own.

| Step | CPU (ms) | Share | × parse baseline |
| --- | ---: | ---: | ---: |
${rows.join('\n')}
| Total | ${fmt(total)} | 100 % | ${ratio(total, last.parse.cpuMs)} |

`;
}

/**
 * `text` with the "Panel in a real browser" section of the current BENCHMARKS.md kept, as written by
 * \`npm run bench:panel\` (bench/panel-report.ts) between its markers: that script owns it, this one the rest.
 */
function withPanelSection(text: string): string {
  let current: string;
  try {
    current = readFileSync(OUTPUT, 'utf8');
  } catch {
    return text;
  }
  for (const [start, end] of [
    [START_MARKER, END_MARKER],
    ['<!-- panel-bench:start -->', '<!-- panel-bench:end -->'],
  ] as const) {
    const from = current.indexOf(start);
    const to = current.indexOf(end, from);
    if (from >= 0 && to > from) text = `${text.trimEnd()}\n\n${current.slice(from, to + end.length)}\n`;
  }
  return text;
}

function main(): void {
  const { sizes, huge } = parseArgs();
  const started = performance.now();
  const info = machine();
  const dir = mkdtempSync(join(tmpdir(), 'cors-doctor-bench-'));
  writeFileSync(
    join(dir, 'usage.mjs'),
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage())));\n`,
  );
  const results: SizeResult[] = [];
  let hugeResult: HugeResult | null;
  try {
    for (const entries of sizes) {
      const file = join(dir, `capture-${entries}.har`);
      const bytes = writeHar(file, { entries, seed: 42 });
      const fileMb = bytes / 1024 ** 2;
      const runs = entries >= 100_000 ? 2 : 3;
      process.stdout.write(`${entries} entries (${fileMb.toFixed(1)} MiB): parse…`);
      const parse = measure(
        dir,
        ['-e', 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))', file],
        runs,
      );
      process.stdout.write(' cli…');
      const out = join(dir, `report-${entries}.json`);
      const cli = measure(dir, [CLI, 'diagnose', '--format', 'json', file], runs, out);
      const exchangesReported = exchangesIn(out);
      rmSync(out, { force: true });
      let phaseTimes: Record<string, number> | undefined;
      if (entries === Math.max(...sizes)) {
        process.stdout.write(' steps…');
        const child = spawnSync(process.execPath, [process.argv[1] as string, `--phases=${file}`], {
          maxBuffer: 1024 * 1024,
        });
        phaseTimes = JSON.parse(child.stdout.toString()) as Record<string, number>;
      }
      process.stdout.write(' incremental…');
      const inc = incremental(entries);
      process.stdout.write(
        ` done: cli/parse ${ratio(cli.cpuMs, parse.cpuMs)} CPU, incremental median ${inc.medianMs.toFixed(3)} ms\n`,
      );
      results.push({
        entries,
        fileMb,
        streamed: statSync(file).size > STREAM_THRESHOLD_BYTES,
        parse,
        cli,
        exchanges: exchangesReported,
        incremental: inc,
        phases: phaseTimes,
      });
      rmSync(file, { force: true });
    }
    hugeResult = huge ? beyondStringLimit(dir) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = report(results, hugeResult, info, machine().load, (performance.now() - started) / 1000);
  writeFileSync(OUTPUT, withPanelSection(text));
  // The repository's formatting (aligned tables), so `prettier --check .` stays clean.
  spawnSync(join(ROOT, 'node_modules/.bin/prettier'), ['--write', OUTPUT], { stdio: 'ignore' });
  process.stdout.write(`Wrote ${OUTPUT}\n`);
}

const USAGE = `node dist/bench/run.js [option]

  (none)                      every size: writes BENCHMARKS.md
  --sizes=1000,10000          only these sizes (and no capture past the string limit, unless --huge)
  --huge                      with --sizes: also the ${HUGE_ENTRIES.toLocaleString('en')}-entry capture past V8's string limit
  --phases=<file.har>         the CPU time of each step of the CLI on one file, as JSON
  --generate=<file.har>       write the benchmark's capture (with --entries=<n>, default 10000) and exit
  --help                      this text`;

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const phasesOf = option('phases');
const generate = option('generate');
if (process.argv.includes('--help')) process.stdout.write(USAGE + '\n');
else if (phasesOf) process.stdout.write(JSON.stringify(phases(phasesOf)));
else if (generate) writeHar(generate, { entries: Number(option('entries') ?? 10_000), seed: 42 });
else main();
