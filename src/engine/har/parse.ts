import type { RawHarEntry, RawHarLog } from './types';

/** A HAR that cannot be read at all. `message` is one line, fit to print after the file name. */
export class HarInputError extends Error {
  override readonly name = 'HarInputError';
}

export interface ParsedHar {
  log: RawHarLog;
  /** Entries that were not objects and so were left out, by index, with why. */
  skipped: { index: number; reason: string }[];
}

/** Parses the text of a .har file (or a bare `{entries: [...]}` / entries array as some tools write). */
export function parseHarText(text: string): ParsedHar {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new HarInputError('the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    throw new HarInputError(describeJsonError(trimmed, error));
  }
  return parseHarJson(json);
}

export function parseHarJson(json: unknown): ParsedHar {
  const log = findLog(json);
  const skipped: ParsedHar['skipped'] = [];
  const entries: RawHarEntry[] = [];
  log.entries.forEach((entry, index) => {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) entries.push(entry as RawHarEntry);
    else {
      skipped.push({ index, reason: `entry is ${describeType(entry)}, not an object` });
      // Keep the slot so entry indexes in the report still match log.entries in the file.
      entries.push({});
    }
  });
  return { log: { ...log, entries }, skipped };
}

function findLog(json: unknown): RawHarLog & { entries: unknown[] } {
  if (Array.isArray(json)) return { entries: json as RawHarEntry[] };
  if (!json || typeof json !== 'object') throw new HarInputError(`not a HAR: the JSON is ${describeType(json)}`);
  const root = json as Record<string, unknown>;
  if (root.log !== undefined && (!root.log || typeof root.log !== 'object' || Array.isArray(root.log))) {
    throw new HarInputError(`not a HAR: "log" is ${describeType(root.log)}, not an object`);
  }
  const candidate = (root.log ?? root) as Record<string, unknown>;
  // Own property only: `"entries" in []` is true (Array.prototype.entries).
  if (!Object.hasOwn(candidate, 'entries')) {
    throw new HarInputError(
      root.log ? 'not a HAR: "log" has no "entries" array' : 'not a HAR: no "log.entries" array at the top level',
    );
  }
  if (!Array.isArray(candidate.entries)) {
    throw new HarInputError(`not a HAR: "log.entries" is ${describeType(candidate.entries)}, not an array`);
  }
  return candidate as RawHarLog & { entries: unknown[] };
}

function describeJsonError(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (/unexpected end/i.test(detail) || !/[}\]]$/.test(text)) {
    return `not valid JSON: the file ends early (truncated?) after ${text.length} characters`;
  }
  return `not valid JSON: ${detail}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
