// Big captures are read entry by entry (src/cli/stream-har.ts) above a size threshold; smaller ones in one piece.
// Both must give the same report, byte for byte, and the same one-line errors for files that are not HARs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHar } from '../../bench/generate-har';
import { diagnose, redactReport, type HarInput } from '../../src/engine';
import { run } from '../../src/cli/main';
import { readHar, streamThreshold, STREAM_THRESHOLD_BYTES } from '../../src/cli/read-har';
import { writeJson } from '../../src/cli/write-json';
import { SHARED_FIXTURES } from '../support/fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-doctor-read-'));
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const whole = (path: string) => readHar(path, { streamAboveBytes: Number.MAX_SAFE_INTEGER });
const streamed = (path: string) => readHar(path, { streamAboveBytes: 0 });

function report(input: HarInput | string) {
  if (typeof input === 'string') throw new Error(input);
  return diagnose([input], { version: 'test', all: true });
}

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env });
  return { code, stdout, stderr };
}

describe('reading a HAR entry by entry', () => {
  it('gives the same report as reading it whole, for a generated capture', () => {
    const path = file('generated.har', JSON.stringify(generateHar({ entries: 1500, seed: 3 })));
    expect(report(streamed(path))).toEqual(report(whole(path)));
  });

  it.each(['chromium-156/getHAR.har', 'firefox-153/stream.har'])('and for the real capture %s', (fixture) => {
    const path = join(SHARED_FIXTURES, fixture);
    expect(report(streamed(path))).toEqual(report(whole(path)));
  });

  it('copes with what JSON allows: a BOM, any whitespace, escapes, key order, entries that are not objects', () => {
    const { log } = generateHar({ entries: 40, seed: 9 });
    const [first, ...rest] = log.entries;
    const odd = { ...first, comment: 'quote " backslash \\ brace } bracket ] unicode é ✓ \u2028 emoji 😀' };
    const text = JSON.stringify(
      // entries before creator and pages, and values that are not entries in their slots
      {
        log: {
          entries: [odd, 7, null, 'text', [1, { a: 2 }], ...rest],
          version: '1.2',
          creator: log.creator,
          pages: log.pages,
        },
      },
      null,
      '\t',
    ).replace(/\n/g, '\r\n');
    const path = file('odd.har', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`  \n${text}\n\n`)]));
    const expected = report(whole(path));
    expect(expected.inputs[0]?.problems.filter((p) => p.problem.startsWith('skipped'))).toHaveLength(4);
    expect(report(streamed(path))).toEqual(expected);
  });

  it('reads the bare forms some tools write: an entries array, or {"entries": [...]}', () => {
    const { log } = generateHar({ entries: 30, seed: 4 });
    for (const [name, json] of [
      ['array.har', log.entries],
      ['entries.har', { entries: log.entries }],
    ] as const) {
      const path = file(name, JSON.stringify(json));
      expect(report(streamed(path))).toEqual(report(whole(path)));
    }
  });

  it.each([
    ['empty.har', '   \n', 'the file is empty'],
    ['number.har', '42', 'not a HAR: the JSON is a number'],
    ['no-entries.har', '{"log": {"version": "1.2"}}', 'not a HAR: "log" has no "entries" array'],
    ['entries-object.har', '{"log": {"entries": {"0": {}}}}', 'not a HAR: "log.entries" is an object, not an array'],
  ])('rejects %s with the same message either way', (name, content, message) => {
    const path = file(name, content);
    expect(whole(path)).toBe(message);
    expect(streamed(path)).toBe(message);
  });

  it('says where a streamed file is broken', () => {
    const text = JSON.stringify(generateHar({ entries: 20, seed: 5 }));
    expect(streamed(file('truncated.har', text.slice(0, text.length - 1000)))).toMatch(
      /^not valid JSON: the file ends early \(truncated\?\) after \d+ bytes$/,
    );
    expect(streamed(file('broken-entry.har', text.replace('"_priority"', '"_priority" 1')))).toMatch(
      /^not valid JSON: .* \(in entry 0\)$/,
    );
    expect(streamed(file('trailing.har', `${text} {}`))).toMatch(/^not valid JSON: expected the end of the file/);
  });
});

describe('cors-doctor diagnose on a big file', () => {
  it('streams above CORS_DOCTOR_STREAM_THRESHOLD_BYTES, with the same output', async () => {
    const path = file('cli.har', JSON.stringify(generateHar({ entries: 800, seed: 6 })));
    for (const format of ['json', 'text', 'markdown']) {
      const args = ['diagnose', path, '--format', format];
      const small = await cli(args);
      const big = await cli(args, { CORS_DOCTOR_STREAM_THRESHOLD_BYTES: '1000' });
      expect(big).toEqual(small);
      expect(small.code).toBe(1);
    }
  });

  it('writes the JSON report exactly as JSON.stringify(report, null, 2) would', async () => {
    const path = file('json.har', JSON.stringify(generateHar({ entries: 1000, seed: 8 })));
    const expected = redactReport(report(whole(path)));
    let written = '';
    writeJson(expected, (text) => (written += text));
    expect(written).toBe(JSON.stringify(expected, null, 2) + '\n');
    expect(expected.exchanges.length).toBeGreaterThan(300);
    const { stdout } = await cli(['diagnose', path, '--format', 'json', '--all']);
    expect(stdout).toBe(JSON.stringify(JSON.parse(stdout), null, 2) + '\n');
    expect(JSON.parse(stdout)).toEqual({ ...expected, version: expect.any(String) });
  });

  it('takes the threshold from the environment, in bytes', () => {
    expect(streamThreshold({})).toBe(STREAM_THRESHOLD_BYTES);
    expect(streamThreshold({ CORS_DOCTOR_STREAM_THRESHOLD_BYTES: '1024' })).toBe(1024);
    expect(streamThreshold({ CORS_DOCTOR_STREAM_THRESHOLD_BYTES: 'lots' })).toBe(STREAM_THRESHOLD_BYTES);
  });
});
