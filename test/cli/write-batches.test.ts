// A big capture's report is larger than the capture, and past ~512 MB no JavaScript string can hold it: every
// format is written a batch at a time, and the batches add up to exactly the report rendered in one piece.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHar } from '../../bench/generate-har';
import { formatText, textChunks } from '../../src/cli/format-text';
import { run } from '../../src/cli/main';
import { writeJson } from '../../src/cli/write-json';
import { writeInBatches } from '../../src/cli/write-text';
import { diagnose, diagnoseEach, parseHarJson, redactReport, redactStream, type Report } from '../../src/engine';
import { formatMarkdown, markdownChunks } from '../../src/render/markdown';

const capture = () => generateHar({ entries: 600, seed: 11 });
let report: Report;
let path: string;
beforeAll(() => {
  report = redactReport(diagnose([{ file: 'big.har', har: parseHarJson(capture()) }], { version: 't' }));
  path = join(mkdtempSync(join(tmpdir(), 'cors-doctor-batches-')), 'big.har');
  writeFileSync(path, JSON.stringify(capture()));
});

/** What `write` was called with, call by call. */
function collect(writeAll: (write: (text: string) => void) => void): string[] {
  const calls: string[] = [];
  writeAll((text) => calls.push(text));
  return calls;
}

describe('writing a report in batches', () => {
  it.each([1, 100, 10_000])('gives the Markdown report exactly, in batches of about %i characters', (size) => {
    const calls = collect((write) => writeInBatches(markdownChunks(report), write, size));
    expect(calls.join('')).toBe(formatMarkdown(report));
    expect(calls.length).toBeGreaterThan(1);
    // Each batch but the last holds at least the size asked for; the rows of a table are not cut up.
    expect(calls.slice(0, -1).every((batch) => batch.length >= size)).toBe(true);
    expect(calls.every((batch) => batch.endsWith('\n'))).toBe(true);
  });

  it.each([true, false])('gives the text report exactly (colour: %s)', (color) => {
    const calls = collect((write) => writeInBatches(textChunks(report, color), write, 100));
    expect(calls.join('')).toBe(formatText(report, color));
    expect(calls.length).toBeGreaterThan(1);
  });

  it('writes nothing more than the report when the report is small', () => {
    const empty = diagnose([{ file: 'e.har', har: parseHarJson({ log: { entries: [] } }) }], { version: 't' });
    expect(collect((write) => writeInBatches(markdownChunks(empty), write, 1 << 20))).toEqual([formatMarkdown(empty)]);
  });

  it('gives the JSON report exactly, diagnosed and masked as it is written', () => {
    const stream = redactStream(diagnoseEach([{ file: 'big.har', har: parseHarJson(capture()) }], { version: 't' }));
    const calls = collect((write) => writeJson(stream, write));
    expect(calls.join('')).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(calls.length).toBeGreaterThan(2);
  });

  it.each(['text', 'markdown', 'json'])('cors-doctor diagnose --format %s writes its report in batches', (format) => {
    const calls: string[] = [];
    const code = run(['diagnose', path, '--format', format], {
      stdout: (text) => calls.push(text),
      stderr: (text) => {
        throw new Error(text);
      },
      isTTY: false,
      env: {},
    });
    expect(code).toBe(1);
    const whole = { ...report, inputs: report.inputs.map((input) => ({ ...input, file: path })) };
    const expected =
      format === 'json'
        ? JSON.stringify({ ...whole, version: JSON.parse(calls.join('')).version }, null, 2) + '\n'
        : format === 'markdown'
          ? formatMarkdown(whole)
          : formatText(whole, false);
    expect(calls.join('')).toBe(expected);
    expect(calls.length).toBeGreaterThan(1);
  });
});
