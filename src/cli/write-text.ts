import { TARGET_CHARS } from './write-json';

/**
 * Writes `chunks` joined, a batch of about `batchChars` characters at a time: a text or Markdown report of a big
 * capture is never one string (past ~512 MB a string cannot hold it). `batchChars` is a seam for tests.
 */
export function writeInBatches(
  chunks: Iterable<string>,
  write: (text: string) => void,
  batchChars = TARGET_CHARS,
): void {
  let batch: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size >= batchChars) {
      write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (size > 0) write(batch.join(''));
}
