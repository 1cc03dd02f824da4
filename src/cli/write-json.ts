import type { Report } from '../engine';

/** Exchanges stringified at a time: a few MB of text. */
const BATCH = 256;

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
  for (let i = 0; i < exchanges.length; i += BATCH) {
    const batch = JSON.stringify({ x: exchanges.slice(i, i + BATCH) }, null, 2);
    write((i === 0 ? '' : ',\n') + batch.slice(open.length, batch.length - close.length));
  }
  write('\n  ]' + head.slice(at + marker.length) + '\n');
}
