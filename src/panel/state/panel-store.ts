// The panel's state, framework-free: the captured (or imported) entries, the engine's report on them, and what the
// user chose (filter, search, selection). Components read it through usePanel(); tests drive it directly.
// The live capture is diagnosed incrementally (live-diagnosis.ts): a burst of new requests costs what they change,
// not a diagnosis of the whole buffer. An imported HAR is diagnosed by a LiveDiagnosis of its own, in slices.
import type { CaptureState } from '../../capture/capture-buffer';
import {
  HarInputError,
  parseHarText,
  shellQuote,
  type ExchangeReport,
  type RawHarEntry,
  type Report,
} from '../../engine';
import type { Unsubscribe } from '../../platform/devtools-host';
import { LiveDiagnosis } from './live-diagnosis';

/** What the store needs of a capture: the buffer, or a stand-in in tests. */
export interface CaptureSource {
  subscribe(listener: () => void): Unsubscribe;
  getState(): CaptureState;
  setPreserveLog(preserve: boolean): void;
  clear(): void;
}

export type Filter = 'problems' | 'all';

export interface PanelState {
  /**
   * The capture as the panel last showed it. Its flags and counts (preserve log, started late, dropped, navigations)
   * follow at once; its new entries only with the debounced diagnosis, with `entries` and `report`: a busy page
   * makes hundreds of requests a second, and each state change re-renders the panel.
   */
  readonly capture: CaptureState;
  /** A HAR file the user opened instead of the live capture. */
  readonly imported: { readonly file: string; readonly entries: readonly RawHarEntry[] } | null;
  /** The name of a HAR file being read, until it is shown (or fails). */
  readonly importing: string | null;
  readonly importError: string | null;
  /** The entries the report is about (live or imported), indexed as the report's entry indexes. */
  readonly entries: readonly RawHarEntry[];
  readonly report: Report;
  readonly filter: Filter;
  readonly search: string;
  readonly selectedId: string | null;
  readonly includeSecrets: boolean;
  /** The live diagnosis is starting over (see live-diagnosis.ts): `entries` and `report` are a moment old. */
  readonly diagnosing: boolean;
  /** While an imported HAR is being diagnosed (in slices, so the panel stays responsive): how far it got. */
  readonly importProgress: { readonly done: number; readonly total: number } | null;
}

/** What the panel needs of a file the user chose or dropped (a DOM File). */
export interface HarFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/**
 * The biggest HAR the panel opens: it reads and diagnoses a file whole, in the DevTools page, which for a bigger
 * capture would hold the panel still for many seconds and take gigabytes. The CLI streams such files.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

export interface StoreOptions {
  browser: 'chrome' | 'firefox';
  version: string;
  /** Delay before diagnosing new entries, so a burst of requests costs one update of the list. */
  debounceMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  /** Entries diagnosed per slice when the live diagnosis starts over (see LiveDiagnosis). */
  diagnosisSlice?: number;
}

export class PanelStore {
  private state: PanelState;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private readonly debounceMs: number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly live: LiveDiagnosis;
  /** The diagnosis of the HAR file shown instead of the live capture, if one is. */
  private imports: LiveDiagnosis | null = null;

  constructor(
    private readonly source: CaptureSource,
    private readonly options: StoreOptions,
  ) {
    this.debounceMs = options.debounceMs ?? 100;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.live = new LiveDiagnosis({
      file: 'live capture',
      creator: this.creator(),
      version: options.version,
      slice: options.diagnosisSlice,
      setTimer: this.setTimer,
      onCaughtUp: () => this.showLive(),
    });
    const capture = source.getState();
    this.live.update(capture.entries);
    this.state = {
      capture,
      imported: null,
      importing: null,
      importError: null,
      importProgress: null,
      ...this.live.latest,
      filter: 'problems',
      search: '',
      selectedId: null,
      includeSecrets: false,
      diagnosing: this.live.busy,
    };
    source.subscribe(() => this.captureChanged());
  }

  subscribe = (listener: () => void): Unsubscribe => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PanelState => this.state;

  select(id: string | null): void {
    this.update({ selectedId: id });
  }

  setFilter(filter: Filter): void {
    this.update({ filter });
  }

  setSearch(search: string): void {
    this.update({ search });
  }

  setIncludeSecrets(includeSecrets: boolean): void {
    this.update({ includeSecrets });
  }

  setPreserveLog(preserve: boolean): void {
    this.source.setPreserveLog(preserve);
  }

  clear(): void {
    if (this.state.imported) this.closeImport();
    else this.source.clear();
  }

  /**
   * Reads a .har file the user chose or dropped, then shows it as importHar() does. A file too big for the panel, or
   * one the browser cannot read (past ~512 MB no JavaScript string holds it), leaves a one-line error that names the
   * CLI, which reads big files entry by entry.
   */
  async importFile(file: HarFile): Promise<void> {
    if (file.size > MAX_IMPORT_BYTES) {
      this.update({
        importError: `${file.name}: the file is ${mebibytes(file.size)}, and the panel opens HAR files up to ${mebibytes(MAX_IMPORT_BYTES)}. Diagnose it with the command line, which reads big files entry by entry: npx cors-doctor diagnose ${shellQuote(file.name)}`,
      });
      return;
    }
    this.update({ importing: file.name, importError: null });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.update({ importing: null, importError: `${file.name}: cannot read: ${(error as Error).message}` });
      return;
    }
    this.importHar(file.name, text);
  }

  /** Diagnoses a .har file's text instead of the live capture; a bad file leaves a one-line error. */
  importHar(file: string, text: string): void {
    try {
      const { log } = parseHarText(text);
      const creator = typeof log.creator?.name === 'string' ? log.creator.name : 'unknown';
      // Diagnosed like the live capture: a big file in slices, between which the panel stays responsive.
      const diagnosis: LiveDiagnosis = new LiveDiagnosis({
        file,
        creator,
        version: this.options.version,
        slice: this.options.diagnosisSlice,
        setTimer: this.setTimer,
        onProgress: () => this.showImported(diagnosis),
        onCaughtUp: () => this.showImported(diagnosis),
      });
      this.imports = diagnosis;
      diagnosis.update(log.entries);
      this.update({ imported: { file, entries: log.entries }, importing: null, importError: null, selectedId: null });
      this.showImported(diagnosis);
    } catch (error) {
      const reason = error instanceof HarInputError ? error.message : `cannot read: ${(error as Error).message}`;
      this.update({ importing: null, importError: `${file}: ${reason}` });
    }
  }

  closeImport(): void {
    this.imports = null;
    const capture = this.source.getState();
    this.live.update(capture.entries);
    this.update({
      capture,
      imported: null,
      importError: null,
      importProgress: null,
      ...this.live.latest,
      selectedId: null,
      diagnosing: this.live.busy,
    });
  }

  private captureChanged(): void {
    // Only what the panel shows of the capture itself is published at once: new entries alone change nothing on
    // screen until they are diagnosed, and publishing each of them would re-render the panel once per request.
    const capture = this.source.getState();
    if (!sameFlags(capture, this.state.capture)) this.update({ capture });
    if (this.state.imported || this.scheduled) return;
    this.scheduled = true;
    this.setTimer(() => {
      this.scheduled = false;
      this.showLive();
    }, this.debounceMs);
  }

  /** Diagnoses the capture's new entries and shows the result (the last complete one while starting over). */
  private showLive(): void {
    if (this.state.imported) return;
    const capture = this.source.getState();
    this.live.update(capture.entries);
    const { entries, report } = this.live.latest;
    const selectedId = followSelection(this.state.selectedId, this.state.entries, entries, report);
    this.update({ capture, entries, report, selectedId, diagnosing: this.live.busy });
  }

  /** The live capture is judged by the rules of the browser it runs in. */
  private creator(): string {
    return this.options.browser === 'firefox' ? 'Firefox' : 'WebInspector';
  }

  /** Shows how far the diagnosis of the imported HAR got, unless the user has closed it since. */
  private showImported(diagnosis: LiveDiagnosis): void {
    if (this.imports !== diagnosis) return;
    const { entries, report } = diagnosis.latest;
    this.update({ entries, report, diagnosing: diagnosis.busy, importProgress: diagnosis.progress });
  }

  /** Publishes `change`, unless it changes nothing (then the panel need not render again). */
  private update(change: Partial<PanelState>): void {
    const keys = Object.keys(change) as (keyof PanelState)[];
    if (keys.every((key) => Object.is(change[key], this.state[key]))) return;
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}

/** Whether two capture states differ at most in their entries. */
function sameFlags(a: CaptureState, b: CaptureState): boolean {
  return (
    a.dropped === b.dropped &&
    a.preserveLog === b.preserveLog &&
    a.startedLate === b.startedLate &&
    a.navigations === b.navigations
  );
}

/**
 * The id the selected exchange has in `report`, on entries that changed from `before` to `after`, or null when it is
 * gone. Ids are entry positions ("<input>:<first entry index>"), which shift when the buffer drops its oldest entries
 * or backfills older ones: the selection follows the entry the exchange started with, not its old position.
 */
function followSelection(
  id: string | null,
  before: readonly RawHarEntry[],
  after: readonly RawHarEntry[],
  report: Report,
): string | null {
  if (id === null || before === after) return id;
  const first = Number(id.slice(id.indexOf(':') + 1));
  const entry = before[first];
  if (entry === undefined) return null;
  const index = after[first] === entry ? first : positionOf(entry, after);
  if (index < 0) return null;
  const holder = report.exchanges.find(
    ({ entries: e }) => e.request === index || e.preflight === index || e.redirects.includes(index),
  );
  return holder?.id ?? null;
}

/** Where `entry` is in `entries`, or its complete version when the buffer replaced it (same start, method, URL). */
function positionOf(entry: RawHarEntry, entries: readonly RawHarEntry[]): number {
  const index = entries.indexOf(entry);
  if (index >= 0) return index;
  const same = (e: RawHarEntry) =>
    e.startedDateTime === entry.startedDateTime &&
    e.request?.method === entry.request?.method &&
    e.request?.url === entry.request?.url;
  return entries.findIndex(same);
}

/** The exchanges the list shows: problems only (blocked, failed or undecided) or all, matching the search. */
export function visibleExchanges(state: Pick<PanelState, 'report' | 'filter' | 'search'>): ExchangeReport[] {
  const query = state.search.trim().toLowerCase();
  return state.report.exchanges.filter(
    (e) =>
      (state.filter === 'all' || e.outcome !== 'allowed') &&
      (query === '' || e.url.toLowerCase().includes(query) || e.method.toLowerCase() === query),
  );
}

/** The one-line verdict of a row: the root cause's title, else the failed check's, else "Allowed". */
export function verdictLine(e: ExchangeReport): string {
  if (e.outcome === 'allowed') {
    const warning = e.diagnoses.find((d) => d.severity === 'warning');
    return warning ? `Allowed · ${warning.title}` : 'Allowed';
  }
  const cause = e.diagnoses.find((d) => d.kind === 'root-cause') ?? e.diagnoses.find((d) => d.kind === 'check');
  return cause?.title ?? (e.outcome === 'unknown' ? 'Undecided: depends on credentials' : 'Blocked');
}
