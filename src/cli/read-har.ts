import { readFileSync, statSync } from 'node:fs';
import { HarInputError, parseHarText, type HarInput } from '../engine';

/** V8's maximum string length: a larger file cannot be read into one string to parse. */
const MAX_FILE_BYTES = 512 * 1024 * 1024 - 64;

/** Reads and parses one HAR file; a string return is the one-line reason it cannot be used. */
export function readHar(file: string): HarInput | string {
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
  if (size > MAX_FILE_BYTES) {
    return `is ${Math.round(size / 1024 / 1024)} MB, larger than the 512 MB a JavaScript string can hold; split the capture into smaller HAR files`;
  }
  try {
    return { file, har: parseHarText(readFileSync(file, 'utf8')) };
  } catch (error) {
    if (error instanceof HarInputError) return error.message;
    return `cannot read: ${(error as Error).message}`;
  }
}
