// `npm run bench:panel`: the CORS panel with 10,000 requests, in real Chromium (headful under Xvfb), with the built
// extension (dist/chrome: `npm run build` first). Writes the section "Panel in a real browser" of BENCHMARKS.md
// (between its markers; the rest of the file is `npm run bench`'s).
//
// 1. Live: a local page (bench/panel-servers.ts) makes ~9,000 cross-origin requests (a tenth preflighted), ~10,000
//    entries, while the panel is shown: how long until the list shows every row, and how busy the panel was.
// 2. At 10,000: selecting rows (click, arrow key), scrolling the virtualized list step by step and by jumps, each
//    timed inside the panel until the DOM shows the result and until the next frame; the JS heap after a GC.
// 3. Past the cap: 5,000 more requests. The drop notice, the entries held, and the heap.
// 4. Import: a 10,000-entry HAR from bench/generate-har.ts through the panel's "Open HAR…" input; the same measures.
// Nothing is asserted: the numbers go to BENCHMARKS.md.
//
// Options: --extension=<dir> (default dist/chrome), --json=<file> (also write the raw results), --no-write (do not
// touch BENCHMARKS.md), --before=<file> (a --json of an earlier build, shown as "before"), --rerun=<file> (a --json
// of the same earlier build measured again just before this run, in the same conditions, shown beside it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDisplay } from '../test/e2e/support/display';
import { requireBrowser, requireBuild } from '../test/e2e/support/preconditions';
import { writeHar } from './generate-har';
import { CHROMIUM, openPanel, type PanelSession } from './panel-browser';
import { call, INSTALL_PROBES, type LongTasks, type Sample } from './panel-probes';
import { writePanelSection, type PanelResults, type Scenario } from './panel-report';
import { startBenchServers } from './panel-servers';

const ROOT = resolve(import.meta.dirname, '../..');
const LIVE_REQUESTS = 9_000;
const MORE_REQUESTS = 5_000;
const IMPORT_ENTRIES = 10_000;
const MINUTE = 60_000;

const benchStart = Date.now();
/** Progress on stderr: a run takes minutes. */
const log = (text: string) =>
  process.stderr.write(`[bench:panel ${((Date.now() - benchStart) / 1000).toFixed(0)} s] ${text}\n`);

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function heap(session: PanelSession): Promise<{ usedMb: number; elements: number }> {
  await session.panel.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.panel.send('Runtime.getHeapUsage');
  const elements = await session.evaluate<number>(call('elements'));
  return { usedMb: usedSize / 2 ** 20, elements };
}

/** Selecting and scrolling, on whatever the list shows now. */
async function interactions(session: PanelSession): Promise<Scenario['interactions']> {
  const run = (method: string, ...args: unknown[]) => session.evaluate<Sample[]>(call(method, ...args));
  return {
    click: await run('select', 25),
    arrowDown: await run('arrowDown', 25),
    scroll: await run('scroll', 100, 400),
    jump: await run('jump', 25),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Waits until the list shows `rows` rows, polling every 50 ms; says where it is every 10 s. */
async function waitForRows(session: PanelSession, rows: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let report = Date.now() + 10_000;
  while (!(await session.evaluate<boolean>(call('shows', rows)))) {
    const now = Date.now();
    const where = async () =>
      `${await session.evaluate<number>(call('count'))} rows, capture ${JSON.stringify(await session.evaluate(call('capture')))}`;
    if (now > deadline) throw new Error(`the list never showed ${rows} rows: ${await where()}`);
    if (now > report) {
      log(`waiting for ${rows} rows: ${await where()}`);
      report = now + 10_000;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the summary's count has not changed for `quietMs` and the list shows that many rows. */
async function settledRows(session: PanelSession, quietMs: number): Promise<number> {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const count = await session.evaluate<number>(call('count'));
    if (count !== last) [last, since] = [count, Date.now()];
    if (Date.now() - since >= quietMs && (await session.evaluate<boolean>(call('shows', count)))) return count;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function live(session: PanelSession): Promise<{ tenK: Scenario; past: PanelResults['pastCap'] }> {
  const { page, evaluate } = session;
  const since = await evaluate<number>(call('now'));
  const started = Date.now();
  const requestsMs = await page.evaluate(`makeRequests(0, ${LIVE_REQUESTS})`);
  const requestsDone = Date.now();
  log(`the page made ${LIVE_REQUESTS} requests in ${seconds(requestsDone - started)}`);
  await waitForRows(session, LIVE_REQUESTS, 10 * MINUTE);
  const shown = Date.now();
  log(`the list shows ${LIVE_REQUESTS} rows after ${seconds(shown - started)}`);
  const longTasks = await evaluate<LongTasks>(call('longTasksSince', since));
  const capture = await evaluate<{ entries: number; dropped: number }>(call('capture'));
  const tenK: Scenario = {
    name: 'Live capture',
    entries: capture.entries,
    dropped: capture.dropped,
    rows: LIVE_REQUESTS,
    loadMs: shown - started,
    afterLastRequestMs: shown - requestsDone,
    requestsMs: Number(requestsMs),
    longTasks,
    heap: await heap(session),
    interactions: await interactions(session),
  };

  const moreSince = await evaluate<number>(call('now'));
  log('measured at 10,000; more requests');
  await page.evaluate(`makeRequests(${LIVE_REQUESTS}, ${MORE_REQUESTS})`);
  const rows = await settledRows(session, 3_000);
  log(`past the cap: ${rows} rows`);
  const after = await evaluate<{ entries: number; dropped: number }>(call('capture'));
  const past = {
    requests: LIVE_REQUESTS + MORE_REQUESTS,
    entriesSeen: after.entries + after.dropped,
    entries: after.entries,
    dropped: after.dropped,
    rows,
    notice: await evaluate<string | null>(call('dropNotice')),
    longTasks: await evaluate<LongTasks>(call('longTasksSince', moreSince)),
    heap: await heap(session),
  };
  return { tenK, past };
}

async function imported(session: PanelSession, file: string): Promise<Scenario> {
  const { panel, evaluate } = session;
  const input = await panel.send('Runtime.evaluate', { expression: `document.querySelector('input[type=file]')` });
  const objectId = input.result.objectId;
  if (!objectId) throw new Error('no file input in the panel');
  await panel.send('DOM.enable');
  const since = await evaluate<number>(call('now'));
  const started = Date.now();
  await panel.send('DOM.setFileInputFiles', { files: [file], objectId });
  const notice = `document.querySelector('.cd-notice--imported')?.textContent.includes('(${IMPORT_ENTRIES} entries)')`;
  for (let i = 0; !(await evaluate<boolean>(notice)); i++) {
    if (i > 3_000) throw new Error('the import never finished');
    await new Promise((r) => setTimeout(r, 20));
  }
  const rows = await evaluate<number>(call('count'));
  await waitForRows(session, rows, MINUTE);
  log(`imported: ${rows} rows after ${seconds(Date.now() - started)}`);
  const shown = Date.now();
  return {
    name: `Imported HAR (${IMPORT_ENTRIES.toLocaleString('en-US')} entries)`,
    entries: IMPORT_ENTRIES,
    dropped: 0,
    rows,
    loadMs: shown - started,
    afterLastRequestMs: null,
    requestsMs: null,
    longTasks: await evaluate<LongTasks>(call('longTasksSince', since)),
    heap: await heap(session),
    interactions: await interactions(session),
  };
}

async function main(): Promise<void> {
  const extension = resolve(option('extension') ?? join(ROOT, 'dist/chrome'));
  requireBrowser(CHROMIUM, 'chromium');
  requireBuild(extension);
  const started = Date.now();
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'cors-doctor-panel-bench-'));
  const harFile = join(dir, 'capture.har');
  const harBytes = writeHar(harFile, { entries: IMPORT_ENTRIES, seed: 42 });
  const display = await ensureDisplay();
  const servers = await startBenchServers(30 * MINUTE);
  let session: PanelSession | undefined;
  try {
    session = await openPanel(extension, display.display, servers.pageUrl);
    log('the panel is shown');
    await session.evaluate(INSTALL_PROBES);
    if (!(await session.evaluate<boolean>(call('chooseFilter', 'All')))) throw new Error('no "All" filter');
    const empty = await heap(session);
    const { tenK, past } = await live(session);
    const fromFile = await imported(session, harFile);
    const results: PanelResults = {
      date: new Date().toISOString().slice(0, 10),
      seconds: Math.round((Date.now() - started) / 1000),
      browser: await session.browser.version(),
      extension: extension === join(ROOT, 'dist/chrome') ? 'dist/chrome' : extension,
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        loadBefore: loadBefore.map((l) => l.toFixed(2)).join(' '),
        loadAfter: loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      },
      harMb: harBytes / 2 ** 20,
      empty,
      scenarios: [tenK, fromFile],
      pastCap: past,
    };
    const json = option('json');
    if (json) writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
    const before = option('before');
    const previous = before ? (JSON.parse(readFileSync(before, 'utf8')) as PanelResults) : null;
    const rerun = option('rerun');
    const again = rerun ? (JSON.parse(readFileSync(rerun, 'utf8')) as PanelResults) : null;
    if (!process.argv.includes('--no-write')) {
      writePanelSection(join(ROOT, 'BENCHMARKS.md'), results, previous, again);
      process.stdout.write(`Wrote the panel section of ${join(ROOT, 'BENCHMARKS.md')}\n`);
    }
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } finally {
    await session?.close();
    await servers.close();
    await display.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:panel failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
