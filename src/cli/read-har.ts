import { readFileSync, statSync } from 'node:fs';
import { HarInputError, parseHarText, type HarInput } from '../engine';
import { streamHar } from './stream-har';

/** V8's maximum string length: a larger file cannot be read into one string to parse. */
const MAX_FILE_BYTES = 512 * 1024 * 1024 - 64;

/**
 * Files above this size are read entry by entry (stream-har.ts): as one string they would cost their size twice
 * over before parsing, and past 512 MB they cannot be one string at all. Overridable for tests and experiments
 * with CORS_DOCTOR_STREAM_THRESHOLD_BYTES.
 */
export const STREAM_THRESHOLD_BYTES = 256 * 1024 * 1024;

export interface ReadHarOptions {
  /** Read files larger than this entry by entry (default STREAM_THRESHOLD_BYTES). */
  streamAboveBytes?: number;
}

/** The streaming threshold the environment asks for (CORS_DOCTOR_STREAM_THRESHOLD_BYTES), or the default. */
export function streamThreshold(env: Record<string, string | undefined>): number {
  const value = env.CORS_DOCTOR_STREAM_THRESHOLD_BYTES;
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : STREAM_THRESHOLD_BYTES;
}

/** Reads and parses one HAR file; a string return is the one-line reason it cannot be used. */
export function readHar(file: string, options: ReadHarOptions = {}): HarInput | string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return 'is a directory, not a .har file';
    size = stat.size;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no such file'
      : `cannot read: ${(error as Error).message}`;
  }
  const streamAbove = Math.min(options.streamAboveBytes ?? STREAM_THRESHOLD_BYTES, MAX_FILE_BYTES);
  try {
    if (size > streamAbove) return { file, har: streamHar(file) };
    return { file, har: parseHarText(readFileSync(file, 'utf8')) };
  } catch (error) {
    if (error instanceof HarInputError) return error.message;
    return `cannot read: ${(error as Error).message}`;
  }
}
