// Tolerant readers for raw HAR entries: every field is `unknown`, so nothing here trusts a type or a shape.
import type { RawHarEntry } from '../../../engine';

export interface RawHeader {
  name: string;
  value: string;
}

export type HeaderSide = 'request' | 'response';

/** The entry at `index`, or null when the index is null or out of range. */
export function entryAt(entries: readonly RawHarEntry[], index: number | null): RawHarEntry | null {
  if (index === null || !Number.isInteger(index) || index < 0) return null;
  const found: unknown = entries[index];
  return found !== null && typeof found === 'object' ? (found as RawHarEntry) : null;
}

/** The headers of one side, in capture order, duplicates kept; items without a name are skipped. */
export function headersOf(entry: RawHarEntry | null, side: HeaderSide): RawHeader[] {
  const part: unknown = entry?.[side];
  if (part === null || typeof part !== 'object') return [];
  const list = (part as { headers?: unknown }).headers;
  if (!Array.isArray(list)) return [];
  const out: RawHeader[] = [];
  for (const item of list as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const { name, value } = item as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || name === '') continue;
    out.push({ name, value: scalar(value) });
  }
  return out;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** The response status and its text, null when the entry has no numeric status. */
export function statusOf(entry: RawHarEntry | null): { status: number; text: string } | null {
  const response = entry?.response;
  if (!response || typeof response !== 'object') return null;
  const status = response.status;
  if (typeof status !== 'number' || !Number.isFinite(status)) return null;
  return { status, text: typeof response.statusText === 'string' ? response.statusText : '' };
}

/** Chromium's response._error (net::ERR_…), null when absent or empty. */
export function netErrorOf(entry: RawHarEntry | null): string | null {
  const response = entry?.response;
  if (!response || typeof response !== 'object') return null;
  const error = response._error;
  return typeof error === 'string' && error !== '' ? error : null;
}

/** Start (epoch ms) and duration (ms) of an entry, each null when missing or malformed. */
export function timingOf(entry: RawHarEntry | null): { start: number | null; duration: number | null } {
  const started = entry?.startedDateTime;
  const start = typeof started === 'string' ? Date.parse(started) : NaN;
  const time = entry?.time;
  return {
    start: Number.isFinite(start) ? start : null,
    duration: typeof time === 'number' && Number.isFinite(time) && time >= 0 ? time : null,
  };
}

/** "12 ms", "5.8 ms", "1.25 s". */
export function formatMs(ms: number): string {
  if (Math.abs(ms) >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (Math.abs(ms) >= 10 || Number.isInteger(ms)) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}
