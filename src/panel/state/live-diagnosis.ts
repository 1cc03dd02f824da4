// The live capture's report, kept up to date by feeding the engine's IncrementalDiagnoser only the entries that are
// new since the last update. Once settled, the report is exactly what diagnose() gives for the whole buffer.
//
// The capture buffer never edits its entries array: every change is a new array (see src/capture/capture-buffer.ts).
// When the new array starts with exactly the entries already fed (same objects, same order), only its tail is new.
// Any other change invalidates what the diagnoser holds, because report entry indexes and exchange ids ("0:<first
// entry index>") are positions in the buffer, and an entry can neither be removed from the diagnoser nor replaced:
// - clear, and a navigation without "preserve log": the buffer is empty, or holds only entries since;
// - the buffer dropped its oldest entries (over its limit): every position shifts;
// - the backfill from getHAR() put older entries in front of the live ones;
// - a live entry was replaced by its complete version from getHAR() (Chromium reports some entries early).
// Then the diagnosis starts over from the whole buffer. For a big buffer that takes seconds, so it runs in slices
// between which the panel stays responsive, showing the last complete result meanwhile. So does a big batch of new
// entries at once (the buffer handed over when the panel is first shown, an imported HAR). A slice ends after a number of
// entries or a time budget, whichever comes first: how long an entry takes depends on the machine and on what else
// it is doing, and a slice over 50 ms is a task long enough to make the panel stutter.
import { IncrementalDiagnoser, type RawHarEntry, type Report } from '../../engine';

export interface LiveDiagnosisOptions {
  /** The input's name in the report. */
  file: string;
  /** The HAR creator whose CORS rules apply ("WebInspector" for Chromium, "Firefox"). */
  creator: string;
  version: string;
  /** Most entries diagnosed per slice when starting over (default 250). */
  slice?: number;
  /** Time budget of a slice in milliseconds (default 20): it ends at the first check past it. */
  sliceMs?: number;
  /** Clock seam for tests (milliseconds). */
  now?: () => number;
  /** Runs the next slice later; the page's setTimeout by default. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  /** Called when a diagnosis that started over has caught up: `latest` changed. */
  onCaughtUp?: () => void;
  /** Called after each slice but the last while catching up (see `progress`). */
  onProgress?: () => void;
}

/** A report and the entries it is about (its entry indexes are positions in them). */
export interface Diagnosed {
  readonly entries: readonly RawHarEntry[];
  readonly report: Report;
}

interface Rebuild {
  readonly diagnoser: IncrementalDiagnoser;
  target: readonly RawHarEntry[];
  /** Entries of `target` fed so far. */
  next: number;
}

export class LiveDiagnosis {
  private diagnoser: IncrementalDiagnoser;
  private current: Diagnosed;
  private rebuild: Rebuild | null = null;
  private readonly slice: number;
  private readonly sliceMs: number;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  /** How many times the diagnosis started over from the whole buffer (for tests and benchmarks). */
  restarts = 0;

  constructor(private readonly options: LiveDiagnosisOptions) {
    this.slice = Math.max(1, options.slice ?? 250);
    this.sliceMs = options.sliceMs ?? 20;
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.diagnoser = this.newDiagnoser();
    this.current = { entries: [], report: this.diagnoser.report() };
  }

  /** The last complete result: `entries` and the report on them. */
  get latest(): Diagnosed {
    return this.current;
  }

  /** Whether a diagnosis that started over is still catching up (`latest` is about older entries). */
  get busy(): boolean {
    return this.rebuild !== null;
  }

  /** While catching up: how many of the entries aimed at are diagnosed so far. */
  get progress(): { readonly done: number; readonly total: number } | null {
    return this.rebuild && { done: this.rebuild.next, total: this.rebuild.target.length };
  }

  /** Brings the diagnosis to `entries`, the buffer's current entries: at once, or in slices when starting over. */
  update(entries: readonly RawHarEntry[]): void {
    if (this.rebuild) {
      // Already starting over: aim at the newer entries, and start again only if they do not extend the target.
      if (extendsPrefix(entries, this.rebuild.target)) {
        this.rebuild.target = entries;
      } else {
        this.restarts++;
        this.rebuild = { diagnoser: this.newDiagnoser(), target: entries, next: 0 };
      }
      return;
    }
    if (entries === this.current.entries) return;
    if (extendsPrefix(entries, this.current.entries)) {
      const from = this.current.entries.length;
      if (entries.length - from > this.slice) {
        // Too many at once for one task: catch up in slices, from what is diagnosed already.
        this.rebuild = { diagnoser: this.diagnoser, target: entries, next: from };
        this.step(this.slice, false, this.sliceMs);
        return;
      }
      for (let i = from; i < entries.length; i++) this.diagnoser.add(entries[i]);
      this.settle(entries);
      return;
    }
    this.restarts++;
    // A fresh diagnoser rather than reset(): reset() keeps the ids of every report it gave out for flush().
    this.rebuild = { diagnoser: this.newDiagnoser(), target: entries, next: 0 };
    // A small buffer is diagnosed at once; a big one in slices, the first of them now.
    if (entries.length <= this.slice) this.step(entries.length, false, Infinity);
    else this.step(this.slice, false, this.sliceMs);
  }

  /**
   * Feeds at most the next `count` entries of the rebuild, fewer if `budgetMs` runs out first; `later` when run from
   * a timer, not from update().
   */
  private step(count: number, later: boolean, budgetMs: number): void {
    const rebuild = this.rebuild;
    if (!rebuild) return;
    const end = Math.min(rebuild.target.length, rebuild.next + count);
    const deadline = this.now() + budgetMs;
    do {
      const chunkEnd = Math.min(end, rebuild.next + CHUNK);
      for (; rebuild.next < chunkEnd; rebuild.next++) rebuild.diagnoser.add(rebuild.target[rebuild.next]);
      // Diagnosing the exchanges of these entries now, not all at the end in one long task.
      rebuild.diagnoser.flush();
    } while (rebuild.next < end && this.now() < deadline);
    if (rebuild.next < rebuild.target.length) {
      this.setTimer(() => this.step(this.slice, true, this.sliceMs), 0);
      if (later) this.options.onProgress?.();
      return;
    }
    this.rebuild = null;
    this.diagnoser = rebuild.diagnoser;
    this.settle(rebuild.target);
    if (later) this.options.onCaughtUp?.();
  }

  private settle(entries: readonly RawHarEntry[]): void {
    // Drains the change log (which we do not read: report() gives the whole list), so it does not grow.
    this.diagnoser.flush();
    this.current = { entries, report: this.diagnoser.report() };
  }

  private newDiagnoser(): IncrementalDiagnoser {
    const { file, creator, version } = this.options;
    return new IncrementalDiagnoser({ version, file, log: { creator: { name: creator, version: '' } } });
  }
}

/** Entries fed between two looks at the clock during a slice. */
const CHUNK = 25;

/** Whether `entries` begins with exactly the entries of `prefix`, in order. */
function extendsPrefix(entries: readonly RawHarEntry[], prefix: readonly RawHarEntry[]): boolean {
  if (entries.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (entries[i] !== prefix[i]) return false;
  return true;
}
