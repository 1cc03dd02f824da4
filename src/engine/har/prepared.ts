// A HAR read entry by entry: each entry is normalized as it arrives, so the reader can drop its raw JSON at once.
// The CLI streams captures too big for one string this way (src/cli/read-har.ts); what the engine then holds is
// the normalized entries, a fraction of the parsed JSON.
import { normalizeEntry, type Entry } from './normalize';
import { HarInputError, parseHarJson, type ParsedHar } from './parse';
import type { RawHarEntry, RawHarLog } from './types';

export interface PreparedHar {
  readonly prepared: true;
  /** The log's own fields (creator, browser, pages, …); its `entries` is empty: they are in `entries` below. */
  readonly log: RawHarLog;
  /** Every entry of the log, normalized; `index` is its position in the file's log.entries. */
  readonly entries: readonly Entry[];
  /** Entries that were not objects, by index, with why (their slot holds a normalized empty entry). */
  readonly skipped: ParsedHar['skipped'];
}

/**
 * One element of log.entries read as parseHarJson reads it: an object is the entry; anything else keeps its slot as
 * an empty entry and is listed in `skipped`, with parseHarJson's reason.
 */
export function readEntry(raw: unknown, index: number, skipped: ParsedHar['skipped']): RawHarEntry {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as RawHarEntry;
  const one = parseHarJson([raw]);
  const reason = one.skipped[0]?.reason;
  if (reason !== undefined) skipped.push({ index, reason });
  return one.log.entries[0] ?? {};
}

export function isPrepared(har: ParsedHar | PreparedHar): har is PreparedHar {
  return 'prepared' in har && har.prepared === true;
}

/** Collects the entries of one HAR as they are read, then takes the rest of the log to finish it. */
export class HarEntryCollector {
  private readonly entries: Entry[] = [];
  private readonly skipped: ParsedHar['skipped'] = [];

  get count(): number {
    return this.entries.length;
  }

  /** The next entry of log.entries, as JSON.parse gave it. */
  add(raw: unknown): void {
    const index = this.entries.length;
    this.entries.push(normalizeEntry(readEntry(raw, index, this.skipped), index));
  }

  /**
   * The finished HAR. `envelope` is the file's JSON with the entries array left empty (`{"log": {…, "entries": []}}`,
   * or `[]` for a bare entries array): it is checked exactly as parseHarText checks a whole file.
   */
  finish(envelope: unknown): PreparedHar {
    const { log } = parseHarJson(envelope);
    if (log.entries.length > 0) throw new HarInputError('internal: the envelope of a streamed HAR holds entries');
    return { prepared: true, log, entries: this.entries, skipped: this.skipped };
  }
}
