// `cors-doctor probe` as CI runs it: network failures reported as what they are (exit 2, one line, no stack),
// usage errors, several probes from a --config file with a summary table, and the built bin.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine';
import type { ProbeRecord } from '../../src/probe/record';
import { cli, closedPort, cors, expressCors, ORIGIN, serverPool, silentServer, type Running } from './servers';

const ROOT = resolve(import.meta.dirname, '../..');

const servers = serverPool();
let api: Running; // Express: /ok allows ORIGIN with Authorization; /auth rejects preflights with 401
let fastify: Running; // Fastify: allows only ORIGIN
let silent: { url: string; close: () => Promise<void> };
let dir: string;

beforeAll(async () => {
  api = await servers.express((app) => {
    app.use('/ok', expressCors({ origin: ORIGIN, allowedHeaders: ['Authorization', 'Content-Type'] }));
    app.get('/ok/items', (_req, res) => void res.json([]));
    app.put('/ok/items', (_req, res) => void res.json({ ok: true }));
    app.use('/auth', (req, res, next) => (req.headers.authorization ? next() : void res.status(401).end()));
    app.use('/auth', expressCors({ origin: ORIGIN }));
    app.put('/auth/items', (_req, res) => void res.json({ ok: true }));
  });

  fastify = await servers.fastify(async (app) => {
    await app.register(cors, { origin: [ORIGIN] });
    app.get('/health', async () => ({ ok: true }));
  });

  silent = await silentServer();
  dir = mkdtempSync(join(tmpdir(), 'cors-doctor-probe-'));
});

afterAll(async () => {
  await silent?.close();
});

function config(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('network errors: exit 2, one line saying what happened, never a stack trace', () => {
  it('connection refused', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await cli(['probe', `http://127.0.0.1:${port}/items`, '--origin', ORIGIN]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cors-doctor: GET http://127.0.0.1:${port}/items: connection refused by 127.0.0.1:${port}\n`);
  });

  it('connection refused at the preflight names the OPTIONS request', async () => {
    const port = await closedPort();
    const { code, stderr } = await cli([
      'probe',
      `http://127.0.0.1:${port}/items`,
      '--origin',
      ORIGIN,
      '--method',
      'DELETE',
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `cors-doctor: OPTIONS http://127.0.0.1:${port}/items: connection refused by 127.0.0.1:${port}\n`,
    );
  });

  it('a server that never answers: --timeout 300', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await cli([
      'probe',
      `${silent.url}/items`,
      '--origin',
      ORIGIN,
      '--timeout',
      '300',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cors-doctor: GET ${silent.url}/items: timed out after 300 ms\n`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('TLS: https to a server that speaks plain http', async () => {
    const https = api.url.replace('http:', 'https:');
    const { code, stderr } = await cli(['probe', `${https}/ok/items`, '--origin', ORIGIN, '--timeout', '3000']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cors-doctor: GET https:\/\/127\.0\.0\.1:\d+\/ok\/items: TLS: handshake failed/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('requests the browser would never send', () => {
  it('mixed content: an https page calling a plain-http API is not sent, and fails (exit 1)', async () => {
    const { code, stdout } = await cli([
      'probe',
      'http://api.example.invalid/items',
      '--origin',
      'https://app.example',
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as Report & { probe: ProbeRecord };
    expect(json.probe).toMatchObject({ end: 'not-sent', verdict: 'failed-not-cors', rootCause: 'not-a-cors-error' });
    expect(json.probe.requests).toMatchObject([{ sent: false }]);
    expect(json.exchanges[0]?.diagnoses.map((d) => d.rule)).toContain('mixed-content');
    expect(json.probe.notes.join(' ')).toMatch(/Not sent: mixed content/);
  });
});

describe('usage errors: exit 2, nothing sent', () => {
  it.each([
    [['probe'], 'probe needs a URL (or --config <file>)'],
    [['probe', 'http://127.0.0.1:1/x'], 'probe needs --origin <origin>'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', 'http://localhost:5173/app'], 'is not an http(s) origin'],
    [['probe', 'ftp://h/x', '--origin', ORIGIN], 'is not an absolute http(s) URL'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', ORIGIN, '-H', 'Cookie: sid=1'], '(add --credentials)'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', ORIGIN, '-H', 'Host: evil'], 'Host is a forbidden request header'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', ORIGIN, '-H', 'NoColon'], 'is not "Name: value"'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', ORIGIN, '--data', 'x'], 'a GET request cannot have a body'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', ORIGIN, '--timeout', 'soon'], '--timeout must be a whole number'],
    [['probe', 'http://127.0.0.1:1/x', '--origin', ORIGIN, '--format', 'yaml'], 'unknown format "yaml"'],
    [['probe', 'http://127.0.0.1:1/x', '--config', 'p.json'], '--config takes the probes from the file'],
    [['probe', '--config', '/nonexistent/p.json'], '/nonexistent/p.json: no such file'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad config names the file and every problem', async () => {
    const path = config('bad.json', { probes: [{ url: 'http://x/', methds: ['GET'] }, { origin: ORIGIN }] });
    const { code, stderr } = await cli(['probe', '--config', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cors-doctor: ${path}: `);
    expect(stderr).toContain('probes[0]: unknown key "methds"');
    expect(stderr).toContain('probes[0]: no origin');
    expect(stderr).toContain('probes[1]: "url" (or "urls") is required');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await cli(['probe', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('cors-doctor probe <url> --origin <origin>');
    expect(stdout).toContain('cors-doctor probe --config <probes.json>');
  });
});

describe('--config: several probes in one run', () => {
  const probes = () => ({
    origins: [ORIGIN],
    timeout: 3000,
    probes: [
      { url: `${fastify.url}/health` },
      {
        urls: [`${api.url}/ok/items`, `${api.url}/auth/items`],
        methods: ['PUT'],
        headers: { Authorization: 'Bearer ${API_TOKEN}' },
        contentType: 'application/json',
        data: '{}',
      },
      { name: 'no other origin', url: `${fastify.url}/health`, origin: 'https://evil.example', expect: 'blocked' },
    ],
  });

  it('runs origins × URLs × methods, prints a summary table, exits 1 when one is blocked', async () => {
    const path = config('probes.json', probes());
    const { code, stdout, stderr } = await cli(['probe', '--config', path], { API_TOKEN: 'tok-from-env' });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Probe 1/4 GET');
    expect(stdout).toContain('Probe 4/4 no other origin: GET');
    const table = stdout.slice(stdout.indexOf('Summary: '));
    expect(table.split('\n')[0]).toBe('Summary: 4 probes · 3 passed · 1 failed · 0 network errors');
    const rows = table.trim().split('\n').slice(1);
    expect(rows[0]).toMatch(/^ORIGIN\s+METHOD\s+URL\s+VERDICT\s+BROWSER ERROR\s+ROOT CAUSE$/);
    expect(rows.slice(1).map((row) => row.split(/\s{2,}/))).toEqual([
      [ORIGIN, 'GET', `${fastify.url}/health`, 'allowed', '—', '—'],
      [ORIGIN, 'PUT', `${api.url}/ok/items`, 'allowed', '—', '—'],
      [
        ORIGIN,
        'PUT',
        `${api.url}/auth/items`,
        'BLOCKED',
        'PreflightMissingAllowOriginHeader',
        'preflight-rejected-by-auth',
      ],
      [
        'https://evil.example',
        'GET',
        `${fastify.url}/health`,
        'BLOCKED (expected blocked)',
        'MissingAllowOriginHeader',
        expect.any(String),
      ],
    ]);
    // ${API_TOKEN} came from the environment, and reached the server only on the real request.
    const sent = api.seen.filter((s) => s.path === '/ok/items');
    expect(sent.map((s) => [s.method, s.headers.authorization])).toEqual([
      ['OPTIONS', undefined],
      ['PUT', 'Bearer tok-from-env'],
    ]);
    expect(stdout).not.toContain('tok-from-env');
    const shown = await cli(['probe', '--config', path, '--include-secrets'], { API_TOKEN: 'tok-from-env' });
    expect(shown.stdout).toContain('Authorization: Bearer tok-from-env');
  });

  it('JSON: the diagnose contract, one input per probe, and "probes"', async () => {
    const path = config('probes-json.json', probes());
    const { code, stdout } = await cli(['probe', '--config', path, '--format', 'json'], { API_TOKEN: 't' });
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as Report & { probes: ProbeRecord[] };
    expect(json.tool).toBe('cors-doctor');
    expect(json.inputs).toHaveLength(4);
    expect(json.inputs[0]).toMatchObject({
      creator: 'cors-doctor probe',
      browser: 'chromium',
      browserRecognised: true,
    });
    expect(json.probes.map((p) => [p.input, p.verdict, p.passed])).toEqual([
      [0, 'allowed', true],
      [1, 'allowed', true],
      [2, 'blocked', false],
      [3, 'blocked', true],
    ]);
    expect(json.probes[2]).toMatchObject({
      exchange: json.exchanges.find((e) => e.input === 2)?.id,
      expect: 'allowed',
    });
    expect(json.summary.blocked).toBe(2);
  });

  it('exits 0 when every probe gets its expected verdict, and 2 when one cannot reach its server', async () => {
    const passing = probes();
    passing.probes.splice(1, 1);
    expect((await cli(['probe', '--config', config('pass.json', passing)])).code).toBe(0);

    const port = await closedPort();
    const broken = probes();
    broken.probes.splice(1, 1, { url: `http://127.0.0.1:${port}/down` });
    const { code, stdout } = await cli(['probe', '--config', config('down.json', broken)]);
    expect(code).toBe(2);
    expect(stdout).toContain(`✗ ERROR    connection refused by 127.0.0.1:${port}`);
    expect(stdout).toMatch(
      new RegExp(`GET\\s+http://127\\.0\\.0\\.1:${port}/down\\s+ERROR\\s+—\\s+connection refused`),
    );
    expect(stdout).toContain('· 1 network error');
  });

  it('a missing environment variable is a usage error naming it', async () => {
    const { code, stderr } = await cli(['probe', '--config', config('env.json', probes())]);
    expect(code).toBe(2);
    expect(stderr).toContain('the environment variable API_TOKEN is not set');
  });
});

describe('the built bin (real process: run() is awaited)', () => {
  const bin = join(ROOT, 'bin/cors-doctor.js');
  const exec = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });

  it('is built', () => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'run "npm run build:cli" first').toBe(true);
  });

  it('prints the probe usage', async () => {
    const result = await exec(['probe', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cors-doctor probe <url> --origin <origin>');
  });

  it('probes a live server and exits with the verdict', async () => {
    const blocked = await exec(['probe', `${api.url}/auth/items`, '--origin', ORIGIN, '--method', 'PUT']);
    expect(blocked.stderr).toBe('');
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('PreflightMissingAllowOriginHeader');
    const allowed = await exec(['probe', `${fastify.url}/health`, '--origin', ORIGIN]);
    expect(allowed.status).toBe(0);
  });

  it('a refused connection: exit 2, one line', async () => {
    const port = await closedPort();
    const result = await exec(['probe', `http://127.0.0.1:${port}/`, '--origin', ORIGIN]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`cors-doctor: GET http://127.0.0.1:${port}/: connection refused by 127.0.0.1:${port}\n`);
  });
});
