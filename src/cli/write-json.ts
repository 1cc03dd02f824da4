import type { Report } from '../engine';

/**
 * Text written at a time, about: small enough to stay in V8's young generation (strings over 128 KB go to the
 * large-object space, which only a full collection frees), so writing a report of hundreds of MB does not grow the
 * heap by as much before the next full collection.
 */
const TARGET_CHARS = 64 * 1024;

/**
 * Writes `JSON.stringify(report, null, 2) + "\n"`, byte for byte, a batch of exchanges at a time: the report of a
 * big capture is larger than the capture itself and need not exist as one string (past ~512 MB it cannot).
 */
export function writeJson(report: Report, write: (text: string) => void): void {
  const { exchanges } = report;
  const head = JSON.stringify({ ...report, exchanges: [] }, null, 2);
  const marker = '\n  "exchanges": []';
  const at = head.indexOf(marker);
  if (exchanges.length === 0 || at === -1) {
    write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  write(head.slice(0, at) + '\n  "exchanges": [\n');
  // `{"x": [...]}` pretty-printed holds the items at the depth they have in the report: cut them out of it.
  const open = '{\n  "x": [\n';
  const close = '\n  ]\n}';
  let size = 8;
  for (let i = 0; i < exchanges.length;) {
    const batch = JSON.stringify({ x: exchanges.slice(i, i + size) }, null, 2);
    write((i === 0 ? '' : ',\n') + batch.slice(open.length, batch.length - close.length));
    i += size;
    // Exchanges vary from 1 KB to 50 KB of text: aim the next batch at the target size.
    if (batch.length > TARGET_CHARS * 1.5) size = Math.max(1, size >> 1);
    else if (batch.length < TARGET_CHARS / 2) size = Math.min(256, size * 2);
  }
  write('\n  ]' + head.slice(at + marker.length) + '\n');
}
