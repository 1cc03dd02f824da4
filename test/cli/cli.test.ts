// The CLI as users and CI pipelines run it: exit codes, formats, and one-line errors without stack traces.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine';
import { run } from '../../src/cli/main';
import { SHARED_FIXTURES } from '../support/fixtures';
import { allow, entry, har } from '../support/har-builders';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = join(SHARED_FIXTURES, 'chromium-156/getHAR.har');
const FIREFOX = join(SHARED_FIXTURES, 'firefox-153/stream.har');

function cli(args: string[], isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY, env: {} });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-doctor-cli-'));
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('cors-doctor diagnose', () => {
  it('prints each verdict and exits 1 when a request was blocked', () => {
    const { code, stdout, stderr } = cli(['diagnose', CHROMIUM]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/✗ BLOCKED {2}PUT http:\/\/127\.0\.0\.1:8002\/b-preflight-404/);
    expect(stdout).toMatch(/PreflightMissingAllowOriginHeader/);
    expect(stdout).toMatch(/✓ ALLOWED {2}GET http:\/\/127\.0\.0\.1:8002\/o-get-ok/);
    expect(stdout).toMatch(/Summary: 28 requests · 19 blocked by CORS · 2 failed for other reasons · 7 allowed/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 0 when nothing was blocked', () => {
    const ok = file('ok.har', JSON.stringify(har([entry({ responseHeaders: allow('*') })])));
    const { code, stdout } = cli(['diagnose', ok]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 requests · 0 blocked by CORS/);
  });

  it('colours only on a terminal', () => {
    expect(cli(['diagnose', CHROMIUM], true).stdout).toContain('\u001b[');
    expect(cli(['diagnose', CHROMIUM, '--no-color'], true).stdout).not.toContain('\u001b[');
  });

  it('writes the documented JSON contract', () => {
    const { code, stdout } = cli(['diagnose', CHROMIUM, FIREFOX, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report).toMatchObject({ tool: 'cors-doctor', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.inputs).toEqual([
      expect.objectContaining({ file: CHROMIUM, entries: 44, creator: 'WebInspector', browser: 'chromium' }),
      expect.objectContaining({ file: FIREFOX, entries: 31, creator: 'Firefox', browser: 'firefox' }),
    ]);
    const blocked = report.exchanges.find((e) => e.url.endsWith('/i-acah-no-authorization'));
    expect(blocked).toMatchObject({
      id: expect.any(String),
      input: 0,
      method: 'PUT',
      origin: 'http://127.0.0.1:8001',
      entries: { request: 20, preflight: 21, redirects: [] },
      preflight: 'observed',
      credentials: 'unknown',
      outcome: 'blocked',
      browserError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'authorization',
      netError: null,
    });
    expect(blocked?.diagnoses[0]).toMatchObject({
      rule: 'header-not-allowed',
      severity: 'error',
      title: expect.any(String),
      message: expect.stringContaining('authorization'),
      evidence: expect.arrayContaining([expect.objectContaining({ entry: 21, name: 'Access-Control-Allow-Headers' })]),
      fixes: [expect.stringContaining('Access-Control-Allow-Headers')],
    });
    const firefoxOnly = report.exchanges.filter((e) => e.input === 1);
    expect(firefoxOnly.find((e) => e.url.includes('/b-preflight-404'))?.entries).toEqual({
      request: null,
      preflight: 4,
      redirects: [],
    });
    const ids = report.exchanges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(report.summary).toEqual({
      exchanges: report.exchanges.length,
      blocked: report.exchanges.filter((e) => e.outcome === 'blocked').length,
      failedNotCors: report.exchanges.filter((e) => e.outcome === 'failed-not-cors').length,
      allowed: report.exchanges.filter((e) => e.outcome === 'allowed').length,
      unknown: report.exchanges.filter((e) => e.outcome === 'unknown').length,
    });
  });

  it('lists every entry with --all', () => {
    const some = JSON.parse(cli(['diagnose', CHROMIUM, '--format', 'json']).stdout) as Report;
    const all = JSON.parse(cli(['diagnose', CHROMIUM, '--format', 'json', '--all']).stdout) as Report;
    expect(all.exchanges.length).toBeGreaterThan(some.exchanges.length);
    expect(all.exchanges.find((e) => e.url.endsWith('/favicon.ico'))).toMatchObject({
      crossOrigin: false,
      outcome: 'allowed',
    });
  });

  it('writes Markdown for bug reports, with captured values escaped', () => {
    const hostile = file(
      'hostile.har',
      JSON.stringify(
        har([
          entry({
            url: 'https://api.example/<script>alert(1)</script>',
            responseHeaders: allow('<img src=x onerror=alert(1)>'),
          }),
        ]),
      ),
    );
    const { code, stdout } = cli(['diagnose', hostile, '--format', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^# CORS Doctor report/);
    expect(stdout).toContain('## Blocked: GET');
    // Inside code spans and fences the tags are inert text; everywhere else they must be escaped.
    const outsideCode = stdout.replace(/```[\s\S]*?```/g, '').replace(/(`+)[^`]*?\1/g, '');
    expect(outsideCode).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(outsideCode).not.toMatch(/(^|[^\\])<(script|img)/);
  });

  it('shows control characters in captured values instead of sending them to the terminal', () => {
    const evil = file(
      'evil.har',
      JSON.stringify(har([entry({ responseHeaders: allow('https://evil.example\u001b[2J\r') })])),
    );
    const { stdout } = cli(['diagnose', evil]);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('\r');
    expect(stdout).toContain('\\u001b[2J\\u000d');
  });
});

describe('usage and input errors: exit 2, one line naming the file, no stack trace', () => {
  it.each([
    [['diagnose', '/nonexistent/x.har'], 'cors-doctor: /nonexistent/x.har: no such file'],
    [['diagnose'], 'cors-doctor: diagnose needs at least one .har file'],
    [['frobnicate'], 'cors-doctor: unknown command "frobnicate"'],
    [[], 'cors-doctor: missing command'],
    [['diagnose', 'x.har', '--format', 'yaml'], 'cors-doctor: unknown format "yaml"'],
    [['diagnose', 'x.har', '--bogus'], "cors-doctor: Unknown option '--bogus'"],
  ])('%j', (args, message) => {
    const { code, stdout, stderr } = cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['empty.har', '', 'the file is empty'],
    ['text.har', 'hello', 'not valid JSON'],
    ['truncated.har', '{"log":{"entries":[{"request":', 'the file ends early (truncated?)'],
    ['other.json', '{"name":"package"}', 'not a HAR'],
  ])('%s', (name, content, message) => {
    const path = file(name, content);
    const { code, stderr } = cli(['diagnose', path]);
    expect(code).toBe(2);
    expect(stderr).toBe(`cors-doctor: ${path}: ${stderr.slice(`cors-doctor: ${path}: `.length)}`);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a directory as such', () => {
    expect(cli(['diagnose', dir]).stderr).toBe(`cors-doctor: ${dir}: is a directory, not a .har file\n`);
  });
});

describe('the installed bin (built CLI, real process)', () => {
  const bin = join(ROOT, 'bin/cors-doctor.js');
  const exec = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('is built', () => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'run "npm run build:cli" first').toBe(true);
  });

  it('diagnoses a capture and exits 1 on blocked requests', () => {
    const result = exec(['diagnose', CHROMIUM]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('PreflightDisallowedRedirect');
  });

  it('answers bad input with exit 2 and one line', () => {
    const result = exec(['diagnose', file('bad.har', '{"log":')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\s+at /);
  });

  it('prints its version and help', () => {
    expect(exec(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(exec(['--help']).stdout).toContain('cors-doctor diagnose <file.har>...');
  });
});
