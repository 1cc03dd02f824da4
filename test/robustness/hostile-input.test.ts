// Hostile and broken input, through the CLI as users run it: a file that cannot be read at all is one line on
// stderr and exit 2; anything else is a report, with what was skipped or read with defaults listed as problems.
// (The basic cases, empty / not JSON / truncated / not a HAR, are in test/cli/cli.test.ts and
// test/engine/har/parse.test.ts; this file covers the rest.)
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { diagnose, parseHarJson, type Report } from '../../src/engine';
import { allow, API, entry, har, notSent, PAGE, preflight } from '../support/har-builders';
import { HOSTILE_VALUES } from '../support/hostile-values';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-doctor-hostile-'));
});

let files = 0;
function file(content: string | Buffer, name = `input-${files++}.har`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env });
  return { code, stdout, stderr };
}

/** The CLI reads a file whole, or streams it entry by entry above a size (src/cli/read-har.ts): both are tested. */
const READERS = [
  ['read whole', {}],
  ['streamed', { CORS_DOCTOR_STREAM_THRESHOLD_BYTES: '0' }],
] as const;

/** A value JSON.stringify cannot write (too deep): diagnoseAll splices `text` in where the value is this marker. */
const RAW = '\u0000raw';
let raw = '';

/** Runs `diagnose --all` on `json` written to a file, in each format; returns the JSON report and the outputs. */
function diagnoseAll(json: unknown, env: Record<string, string> = {}) {
  const path = file(JSON.stringify(json).replace(JSON.stringify(RAW), raw));
  const outputs = (['json', 'text', 'markdown'] as const).map((format) => {
    const result = cli(['diagnose', path, '--all', '--format', format], env);
    expect(result.stderr, `${format} wrote to stderr`).toBe('');
    expect([0, 1], `${format} exit code`).toContain(result.code);
    return result.stdout;
  });
  const [json_, text, markdown] = outputs as [string, string, string];
  return { report: JSON.parse(json_) as Report, text, markdown };
}

/** An entry to damage: any field may be set to anything. */
interface Damageable {
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  [key: string]: unknown;
}
const headersOf = (e: Damageable) => e.response.headers as unknown[];

const problemsOf = (report: Report) => report.inputs[0]?.problems.map((p) => `${p.entry}: ${p.problem}`) ?? [];
const verdicts = (report: Report) =>
  report.exchanges.map((e) => [e.method, e.url, e.outcome, e.browserError, e.failedParameter].join(' ')).sort();

/** A blocked PUT with its preflight: every field a HAR entry can have that the engine reads. */
function fullCapture() {
  return har([
    entry({
      method: 'PUT',
      at: 0,
      requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' },
      responseHeaders: allow(PAGE),
    }),
    preflight({ at: 3, requestedHeaders: ['content-type'], responseHeaders: allow('https://other.example') }),
  ]);
}

describe.each(READERS)('files that cannot be read at all (%s): exit 2, one line naming the file', (_, env) => {
  it.each([
    ['a byte-order mark only', '\uFEFF', 'the file is empty'],
    ['binary bytes', Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]), 'not valid JSON'],
    ['an HTML error page', '<!doctype html><title>502 Bad Gateway</title>', 'not valid JSON'],
    ['JSON followed by garbage', '{"log":{"entries":[]}} trailing', 'not valid JSON'],
    ['a file cut inside a string', '{"log":{"entries":[{"request":{"url":"https://api.exa', 'the file ends early'],
    ['a JSON string', '"log"', 'not a HAR: the JSON is a string'],
    ['a JSON boolean', 'true', 'not a HAR: the JSON is a boolean'],
    ['"log" as an array', '{"log":[]}', 'not a HAR: "log" is an array, not an object'],
    ['"log" as a string', '{"log":"{}"}', 'not a HAR: "log" is a string, not an object'],
    ['"log" null', '{"log":null}', 'not a HAR: "log" is null, not an object'],
    ['"entries" null', '{"log":{"entries":null}}', 'not a HAR: "log.entries" is null, not an array'],
    ['"entries" a string', '{"log":{"entries":"[]"}}', 'not a HAR: "log.entries" is a string, not an array'],
  ])('%s', (_, content, message) => {
    const path = file(content);
    const { code, stdout, stderr } = cli(['diagnose', path], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^cors-doctor: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a dangling symlink', () => {
    const link = join(dir, `dangling-${files++}.har`);
    symlinkSync(join(dir, 'nowhere.har'), link);
    expect(cli(['diagnose', link], env).stderr).toBe(`cors-doctor: ${link}: no such file\n`);
  });

  it('a path the system refuses (here: through a regular file, which even root cannot read)', () => {
    const path = join(file('{"log":{"entries":[]}}'), 'capture.har');
    const { code, stderr } = cli(['diagnose', path], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cors-doctor: .+: cannot read: ENOTDIR/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('one unreadable file among good ones names that file', () => {
    const good = file(JSON.stringify(fullCapture()));
    const bad = file('{"log":');
    const { code, stdout, stderr } = cli(['diagnose', good, bad], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cors-doctor: ${bad}: not valid JSON`);
  });
});

describe('usable files with damaged parts: a report, with the problems noted', () => {
  it('reads a capture with no entries, or entries with nothing in them', () => {
    expect(diagnoseAll({ log: { entries: [] } }).report.summary.exchanges).toBe(0);
    const { report, text } = diagnoseAll({ log: { entries: [{}, { request: {} }, { response: {} }] } });
    expect(report.exchanges).toEqual([]);
    expect(problemsOf(report)).toContain('0: no request object');
    expect(text).toContain('! entry 0: no request object');
  });

  const FIELDS = [
    ['request', 'no request object'],
    ['response', 'no response object'],
    ['request.url', 'request.url missing'],
    ['request.method', 'request.method missing'],
    ['request.headers', null],
    ['request.cookies', null],
    ['response.status', null],
    ['response.headers', null],
    ['response.redirectURL', null],
    ['response._error', null],
    ['startedDateTime', null],
    ['timings', null],
    ['_resourceType', null],
  ] as const;

  it.each(FIELDS)('an entry without %s', (path, problem) => {
    const capture = fullCapture();
    for (const e of capture.log.entries) {
      const keys = path.split('.');
      let target = e as Record<string, unknown>;
      for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
      Reflect.deleteProperty(target, keys[keys.length - 1] as string);
    }
    const { report } = diagnoseAll(capture);
    if (problem) expect(problemsOf(report)).toEqual(expect.arrayContaining([`0: ${problem}`, `1: ${problem}`]));
    else expect(problemsOf(report)).toEqual([]);
  });

  it.each([
    ['log.creator', { log: { entries: fullCapture().log.entries } }],
    ['log.creator.name', { log: { creator: {}, entries: fullCapture().log.entries } }],
    ['log.version and log.pages', { log: { creator: 'x', pages: 7, entries: fullCapture().log.entries } }],
  ])('a log without %s is judged by Chromium rules, and says so', (_, json) => {
    const { report, text } = diagnoseAll(json);
    expect(report.inputs[0]).toMatchObject({ creator: null, browser: 'chromium', browserRecognised: false });
    expect(text).toContain('producer not recognised: Chromium rules');
  });

  /** An array nested `depth` levels deep, as text: JSON.parse reads it, String() and JSON.stringify overflow. */
  const deep = (depth: number): string => {
    raw = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    return RAW;
  };

  it.each<[string, (e: Damageable) => void, string | null]>([
    ['status as a numeric string', (e) => (e.response.status = '200'), null],
    ['status as a word', (e) => (e.response.status = 'OK'), 'response.status is not an HTTP status code'],
    ['status with a fraction', (e) => (e.response.status = 200.5), 'response.status is not an HTTP status code'],
    ['status negative', (e) => (e.response.status = -1), 'response.status is not an HTTP status code'],
    ['status out of range', (e) => (e.response.status = 20000), 'response.status is not an HTTP status code'],
    [
      'headers as an object',
      (e) => (e.response.headers = { 'Access-Control-Allow-Origin': PAGE }),
      'response.headers is an object, read as name → value',
    ],
    [
      'headers as a string',
      (e) => (e.response.headers = 'Access-Control-Allow-Origin: *'),
      'response.headers is not a list',
    ],
    [
      'a header without a name',
      (e) => headersOf(e).push({ value: 'x' }),
      'response.headers has an item without a name',
    ],
    [
      'a header name that is a number',
      (e) => headersOf(e).push({ name: 5, value: 'x' }),
      'response.headers has an item without a name',
    ],
    ['a header value that is a number', (e) => headersOf(e).push({ name: 'Age', value: 5 }), null],
    [
      'a header value whose toString is not a function',
      (e) => headersOf(e).push({ name: 'Vary', value: { toString: 1 } }),
      'response.headers has a value that is not text, read as ""',
    ],
    [
      'a header value nested 100 000 arrays deep',
      (e) => headersOf(e).push({ name: 'Vary', value: deep(100_000) }),
      'response.headers has a value that is not text, read as ""',
    ],
    ['a URL that is a number', (e) => (e.request.url = 42), 'request.url is not text'],
    ['a method that is an object', (e) => (e.request.method = { GET: true }), 'request.method is not text'],
    ['a start time that is a number', (e) => (e.startedDateTime = 1_700_000_000), null],
    ['cookies as a string', (e) => (e.request.cookies = 'sid=1'), null],
    ['an _initiator that is a string', (e) => (e._initiator = 'script'), null],
  ])('%s', (_, damage, problem) => {
    const capture = fullCapture();
    damage(capture.log.entries[0] as Damageable);
    const { report } = diagnoseAll(capture);
    expect(problemsOf(report)).toEqual(problem ? [`0: ${problem}`] : []);
  });

  it.each(READERS)('keeps what it can read and lists what it skipped, in every format (%s)', (_, env) => {
    const capture = fullCapture();
    const entries = ['garbage', ...capture.log.entries, 42, null, [1, 2]];
    const { report, text, markdown } = diagnoseAll({ log: { ...capture.log, entries } }, env);
    expect(report.inputs[0]?.entries).toBe(6);
    expect(report.exchanges).toHaveLength(1);
    expect(report.exchanges[0]).toMatchObject({ outcome: 'blocked', entries: { request: 1, preflight: 2 } });
    expect(problemsOf(report)).toEqual([
      '0: skipped: entry is a string, not an object',
      '3: skipped: entry is a number, not an object',
      '4: skipped: entry is null, not an object',
      '5: skipped: entry is an array, not an object',
    ]);
    expect(text).toContain('! entry 0: skipped: entry is a string, not an object');
    expect(text).toContain('✗ BLOCKED  PUT');
    expect(markdown).toContain('4 problems in the capture; the report covers what could be read.');
    expect(markdown).toContain('- entry 5: skipped: entry is an array, not an object');
  });

  it('says how many more problems there are than it prints', () => {
    const entries = Array.from({ length: 8 }, () => 'garbage');
    const { text, markdown } = diagnoseAll({ log: { entries } });
    expect(text).toContain('! … and 3 more problems (--format json lists them all)');
    expect(markdown).toContain('- … and 3 more (the JSON output lists them all)');
  });
});

describe('headers as servers and proxies really send them', () => {
  it('looks headers up in any case', () => {
    const { report } = diagnoseAll(
      har([entry({ requestHeaders: { oRiGiN: PAGE }, responseHeaders: { 'aCCESS-cONTROL-aLLOW-oRIGIN': PAGE } })]),
    );
    expect(report.exchanges[0]).toMatchObject({ outcome: 'allowed', origin: PAGE });
  });

  it('sees a header sent twice, even in two casings, as two values', () => {
    const { report } = diagnoseAll(
      har([
        entry({
          responseHeaders: { 'Access-Control-Allow-Origin': PAGE, 'access-control-allow-origin': PAGE },
        }),
      ]),
    );
    expect(report.exchanges[0]).toMatchObject({ outcome: 'blocked', browserError: 'MultipleAllowOriginValues' });
    expect(report.exchanges[0]?.diagnoses.map((d) => d.rule)).toContain('allow-origin-duplicated');
  });

  it('keeps non-ASCII as it is and shows control characters as escapes, in every format', () => {
    const url = `${API}/données/☃?q=✓`;
    const evil = 'https://evil.example\u0000\u001b]8;;https://x\u0007\u202e\r\nX-Injected: 1';
    const { report, text, markdown } = diagnoseAll(har([entry({ url, responseHeaders: allow(evil) })]));
    expect(report.exchanges[0]?.url).toBe(url);
    expect(JSON.stringify(report)).toContain('\\u001b');
    for (const output of [text, markdown]) {
      expect(output).toContain('données/☃');
      // eslint-disable-next-line no-control-regex -- no raw control character may reach a terminal or a tracker
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      expect(output).toContain('\\u001b');
    }
  });
});

describe('values built to attack whatever shows them', () => {
  it.each(Object.entries(HOSTILE_VALUES))('%s stays inert text in every format', (_, value) => {
    const { report, text, markdown } = diagnoseAll(
      har([
        entry({
          url: `${API}/x?q=${encodeURIComponent(value)}`,
          status: 500,
          statusText: value,
          responseHeaders: { 'Access-Control-Allow-Origin': value, Server: value, 'X-Powered-By': value },
        }),
      ]),
    );
    expect(report.exchanges[0]?.outcome).toBe('blocked');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach a terminal or a tracker
    for (const output of [text, markdown]) expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    // Outside code spans and fences, Markdown shows tags and links as text.
    const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toMatch(/(^|[^\\])<(script|img|svg|html)/i);
    expect(prose).not.toMatch(/(^|[^\\])\[click\]\(/);
  });
});

describe('size and shape', () => {
  const MB = 1024 * 1024;
  const fast = (json: unknown) => {
    const started = performance.now();
    const report = diagnose([{ file: 'big.har', har: parseHarJson(json) }], { version: 't', all: true });
    expect(performance.now() - started, 'diagnosed within 5 s').toBeLessThan(5_000);
    return report;
  };

  it.each([
    ['Access-Control-Allow-Origin', 'x'.repeat(MB)],
    ['Access-Control-Allow-Origin', '*'.repeat(MB)],
    ['Access-Control-Allow-Origin', `https://${'*.'.repeat(MB / 2)}example`],
    ['Access-Control-Allow-Headers', 'a,'.repeat(MB / 2)],
    ['Access-Control-Allow-Methods', ' '.repeat(MB)],
    ['Vary', 'Origin, '.repeat(MB / 8)],
    ['Set-Cookie', `sid=${'s'.repeat(MB)}; SameSite=None; Secure`],
    ['Location', `${API}/${'a'.repeat(MB)}`],
    ['Server', 'nginx'.repeat(MB / 5)],
  ])('a 1 MB %s response header', (name, value) => {
    const report = fast(
      har([
        entry({ method: 'PUT', status: 302, redirectURL: `${API}/next`, responseHeaders: { [name]: value } }),
        preflight({ responseHeaders: { [name]: value } }),
      ]),
    );
    expect(report.exchanges.length).toBeGreaterThan(0);
  });

  it.each([
    ['Origin', `https://${'a'.repeat(MB)}.example`],
    ['Cookie', `sid=${'c'.repeat(MB)}`],
    ['Authorization', `Bearer ${'t'.repeat(MB)}`],
    ['Content-Type', `application/json; ${'x'.repeat(MB)}`],
  ])('a 1 MB %s request header', (name, value) => {
    const report = fast(
      har([entry({ method: 'PUT', requestHeaders: { Origin: PAGE, [name]: value }, responseHeaders: allow(PAGE) })]),
    );
    expect(report.exchanges.length).toBeGreaterThan(0);
  });

  it('an allowlist pattern with many wildcards against a long host (no catastrophic backtracking)', () => {
    const host = `${'a.'.repeat(5_000)}example`;
    const report = fast(
      har([
        entry({
          requestHeaders: { Origin: `https://${host}` },
          responseHeaders: allow(`https://${'*.'.repeat(40)}b.example`),
        }),
      ]),
    );
    expect(report.exchanges[0]?.outcome).toBe('blocked');
  });

  it('a 1 MB URL, end to end through every format', () => {
    const { report, text } = diagnoseAll(
      har([entry({ url: `${API}/${'p'.repeat(MB)}?token=${'t'.repeat(1000)}`, responseHeaders: allow('*') })]),
    );
    expect(report.exchanges[0]?.outcome).toBe('allowed');
    expect(text).toContain('token=<redacted: 1000 chars>');
  });

  it('gives the same verdicts whatever the order of the entries', () => {
    const entries = [
      entry({ method: 'PUT', at: 0, requestHeaders: { Origin: PAGE, 'X-Api-Key': 'k' }, responseHeaders: allow() }),
      preflight({ at: 3, requestedHeaders: ['x-api-key'], responseHeaders: allow(PAGE) }),
      entry({ url: `${API}/a`, at: 10, responseHeaders: allow('https://other.example') }),
      notSent({ method: 'DELETE', url: `${API}/b`, at: 20, requestHeaders: { Origin: PAGE } }),
      preflight({ url: `${API}/b`, at: 22, for: 'DELETE', status: 404 }),
      entry({ url: `${API}/c`, at: 30, status: 301, redirectURL: `https://other.example/c` }),
      entry({ url: 'https://other.example/c', at: 33, requestHeaders: { Origin: 'null' } }),
    ];
    const forward = diagnoseAll(har(entries)).report;
    const backward = diagnoseAll(har([...entries].reverse())).report;
    expect(verdicts(backward)).toEqual(verdicts(forward));
    expect(forward.exchanges.map((e) => e.outcome)).toEqual(['blocked', 'blocked', 'blocked', 'blocked']);
  });

  it('reports an entry recorded twice as two requests with the same verdict', () => {
    const once = entry({ responseHeaders: allow('https://other.example') });
    const { report } = diagnoseAll(har([once, structuredClone(once)]));
    expect(report.exchanges.map((e) => e.id)).toEqual(['0:0', '0:1']);
    expect(new Set(verdicts(report)).size).toBe(1);
  });
});
