import { countExchange, type ExchangeReport, type Report, type ReportStream } from '../engine';

/**
 * Text written at a time, about: small enough to stay in V8's young generation (strings over 128 KB go to the
 * large-object space, which only a full collection frees), so writing a report of hundreds of MB does not grow the
 * heap by as much before the next full collection.
 */
export const TARGET_CHARS = 64 * 1024;

/**
 * Writes `JSON.stringify(report, null, 2) + "\n"`, byte for byte, a batch of exchanges at a time: the report of a
 * big capture is larger than the capture itself and need not exist as one string (past ~512 MB it cannot). A
 * report stream's exchanges are diagnosed as they are written, and its summary counted meanwhile. Returns the
 * summary.
 */
export function writeJson(report: Report | ReportStream, write: (text: string) => void): Report['summary'] {
  const { exchanges, summary: given, ...head } = report as ReportStream & { summary?: Report['summary'] };
  const summary = given ?? { exchanges: 0, blocked: 0, failedNotCors: 0, allowed: 0, unknown: 0 };
  const marker = '\n  "exchanges": []';
  const opening = JSON.stringify({ ...head, exchanges: [] }, null, 2);
  write(opening.slice(0, opening.indexOf(marker)) + '\n  "exchanges": [');
  // `{"x": [...]}` pretty-printed holds the items at the depth they have in the report: cut them out of it.
  const open = '{\n  "x": [\n';
  const close = '\n  ]\n}';
  let size = 8;
  let batch: ExchangeReport[] = [];
  let written = 0;
  const flush = () => {
    const text = JSON.stringify({ x: batch }, null, 2);
    write((written === 0 ? '\n' : ',\n') + text.slice(open.length, text.length - close.length));
    written += batch.length;
    batch = [];
    // Exchanges vary from 1 KB to 50 KB of text: aim the next batch at the target size.
    if (text.length > TARGET_CHARS * 1.5) size = Math.max(1, size >> 1);
    else if (text.length < TARGET_CHARS / 2) size = Math.min(256, size * 2);
  };
  for (const exchange of exchanges) {
    if (!given) countExchange(summary, exchange);
    batch.push(exchange);
    if (batch.length >= size) flush();
  }
  if (batch.length > 0) flush();
  const closing = JSON.stringify({ exchanges: [], summary }, null, 2);
  write((written === 0 ? ']' : '\n  ]') + closing.slice(closing.indexOf(marker) + marker.length) + '\n');
  return summary;
}
