// The live capture's report, kept up to date by feeding the engine's IncrementalDiagnoser only the entries that are
// new since the last update. The result is always what diagnose() gives for the whole buffer.
//
// The capture buffer never edits its entries array: every change is a new array (see src/capture/capture-buffer.ts).
// When the new array starts with exactly the entries already fed (same objects, same order), only its tail is new.
// Any other change invalidates what the diagnoser holds, because report entry indexes and exchange ids ("0:<first
// entry index>") are positions in the buffer, and an entry can neither be removed from the diagnoser nor replaced:
// - clear, and a navigation without "preserve log": the buffer is empty, or holds only entries since;
// - the buffer dropped its oldest entries (over its limit): every position shifts;
// - the backfill from getHAR() put older entries in front of the live ones;
// - a live entry was replaced by its complete version from getHAR() (Chromium reports some entries early).
// Then the diagnosis starts over from the whole buffer, which costs one full diagnosis.
import { IncrementalDiagnoser, type RawHarEntry, type Report } from '../../engine';

export interface LiveDiagnosisOptions {
  /** The input's name in the report. */
  file: string;
  /** The HAR creator whose CORS rules apply ("WebInspector" for Chromium, "Firefox"). */
  creator: string;
  version: string;
}

export class LiveDiagnosis {
  private diagnoser: IncrementalDiagnoser;
  private fed: readonly RawHarEntry[] = [];
  private report: Report;
  /** How many times the diagnosis started over from the whole buffer (for tests and benchmarks). */
  restarts = 0;

  constructor(private readonly options: LiveDiagnosisOptions) {
    this.diagnoser = this.newDiagnoser();
    this.report = this.diagnoser.report();
  }

  /** The report on `entries`, the buffer's current entries. */
  update(entries: readonly RawHarEntry[]): Report {
    if (entries === this.fed) return this.report;
    if (extendsPrefix(entries, this.fed)) {
      for (let i = this.fed.length; i < entries.length; i++) this.diagnoser.add(entries[i]);
    } else {
      // A fresh diagnoser rather than reset(): reset() keeps the ids of every report it gave out for flush().
      this.diagnoser = this.newDiagnoser();
      this.diagnoser.addAll(entries);
      this.restarts++;
    }
    this.fed = entries;
    // Drains the change log (which we do not read: report() gives the whole list), so it does not grow.
    this.diagnoser.flush();
    this.report = this.diagnoser.report();
    return this.report;
  }

  private newDiagnoser(): IncrementalDiagnoser {
    const { file, creator, version } = this.options;
    return new IncrementalDiagnoser({ version, file, log: { creator: { name: creator, version: '' } } });
  }
}

/** Whether `entries` begins with exactly the entries of `prefix`, in order. */
function extendsPrefix(entries: readonly RawHarEntry[], prefix: readonly RawHarEntry[]): boolean {
  if (entries.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (entries[i] !== prefix[i]) return false;
  return true;
}
