// Secrets never leave in an export unless the user opts in: a capture full of credentials, through every output
// format of the CLI, with and without --include-secrets; then the redaction primitives one by one.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import {
  diagnose,
  isSecretHeader,
  isSecretParam,
  parseHarJson,
  redactHeader,
  redactReport,
  redactUrls,
} from '../../src/engine';
import { allow, API, entry, har, notSent, PAGE, preflight } from '../support/har-builders';
import { harJson } from './har-arbitraries';

// Every secret holds "XQLEAK" and nothing else in the capture or the report does, so one search finds any leak.
const S = {
  accessToken: 'AT-XQLEAK-0001',
  apiKeyParam: 'AK-XQLEAK-0002',
  signature: 'SIG-XQLEAK-0003',
  cookie: 'CK-XQLEAK-0004',
  cookie2: 'CK2-XQLEAK-0005',
  authorization: 'AUTH-XQLEAK-0006',
  proxyAuthorization: 'PROXY-XQLEAK-0007',
  apiKeyHeader: 'XAK-XQLEAK-0008',
  authToken: 'XAT-XQLEAK-0009',
  setCookie: 'SC-XQLEAK-0010',
  code: 'CODE-XQLEAK-0011',
  token: 'TOK-XQLEAK-0012',
  password: 'PASS-XQLEAK-0013',
  sessionParam: 'SESS-XQLEAK-0014',
  cookieArray: 'CA-XQLEAK-0015',
  jsessionid: 'JS-XQLEAK-0016',
};

function secretCapture() {
  const credentialed = entry({
    method: 'PUT',
    at: 0,
    url: `${API}/v1/items;jsessionid=${S.jsessionid}?access_token=${S.accessToken}&api_key=${S.apiKeyParam}&sig=${S.signature}&page=2`,
    requestHeaders: {
      Origin: PAGE,
      Cookie: `session=${S.cookie}; other=${S.cookie2}`,
      Authorization: `Bearer ${S.authorization}`,
      'Proxy-Authorization': `Basic ${S.proxyAuthorization}`,
      'X-Api-Key': S.apiKeyHeader,
      'X-Auth-Token': S.authToken,
      'Content-Type': 'application/json',
    },
    responseHeaders: { 'Access-Control-Allow-Origin': '*', 'Set-Cookie': `sid=${S.setCookie}; Path=/; SameSite=Lax` },
  });
  (credentialed.request as { cookies: unknown }).cookies = [{ name: 'session', value: S.cookieArray }];
  return har([
    credentialed,
    preflight({
      at: 2,
      url: `${API}/v1/items;jsessionid=${S.jsessionid}?access_token=${S.accessToken}&api_key=${S.apiKeyParam}&sig=${S.signature}&page=2`,
      requestedHeaders: ['authorization', 'content-type', 'x-api-key', 'x-auth-token'],
      responseHeaders: allow('*', { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }),
    }),
    // A login redirect that carries an authorization code and a token, then one to user:password@.
    entry({
      at: 100,
      url: `${API}/login?session=${S.sessionParam}`,
      status: 302,
      redirectURL: `https://auth.example/cb?code=${S.code}&state=xyz`,
      responseHeaders: { Location: `https://auth.example/cb?code=${S.code}&state=xyz` },
    }),
    entry({ at: 104, url: `https://auth.example/cb?code=${S.code}&state=xyz`, requestHeaders: { Origin: 'null' } }),
    entry({
      at: 200,
      url: `${API}/file?token=${S.token}`,
      status: 307,
      redirectURL: `https://user:${S.password}@files.example/x`,
      responseHeaders: allow(PAGE, { Location: `https://user:${S.password}@files.example/x` }),
    }),
    notSent({ at: 300, method: 'DELETE', url: `${API}/gone?token=${S.token}`, requestHeaders: { Origin: PAGE } }),
    preflight({ at: 302, for: 'DELETE', url: `${API}/gone?token=${S.token}`, status: 401 }),
  ]);
}

let capture: string;
beforeAll(() => {
  capture = join(mkdtempSync(join(tmpdir(), 'cors-doctor-secrets-')), 'secrets.har');
  writeFileSync(capture, JSON.stringify(secretCapture()));
});

function output(format: string, ...flags: string[]): string {
  let stdout = '';
  let stderr = '';
  const code = run(['diagnose', capture, '--all', '--format', format, ...flags], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
  });
  expect(stderr).toBe('');
  expect(code).toBe(1);
  return stdout;
}

const FORMATS = ['text', 'markdown', 'json'];

/** Fails with the place of each leak, not just "it contains XQLEAK". */
function expectNoSecret(text: string): void {
  const leaks = [...text.matchAll(/XQLEAK/g)].map((m) => text.slice(Math.max(0, m.index - 80), m.index + 20));
  expect(leaks).toEqual([]);
}

describe('cors-doctor diagnose on a capture full of secrets', () => {
  it.each(FORMATS)('--format %s shows none of them', (format) => {
    const out = output(format);
    expectNoSecret(out);
    // What is left says a secret was there and how long it was.
    expect(out).toContain(`access_token=<redacted: ${S.accessToken.length} chars>`);
    // The redirect's Location is in the text and JSON findings; Markdown's summary leaves it out (Chromium names no
    // failed parameter for RedirectContainsCredentials), and must not leak it either way.
    if (format !== 'markdown') expect(out).toContain(`user:<redacted: ${S.password.length} chars>@files.example`);
    expect(out).not.toContain(`user:${S.password}@`);
  });

  it('keeps in the curl commands which credentials were sent, and the auth scheme', () => {
    const report = JSON.parse(output('json')) as { exchanges: { curl: { request: string | null } }[] };
    const curl = report.exchanges[0]?.curl.request ?? '';
    expect(curl).toContain(`'Authorization: Bearer <redacted: ${S.authorization.length} chars>'`);
    expect(curl).toContain(
      `'Cookie: session=<redacted: ${S.cookie.length} chars>; other=<redacted: ${S.cookie2.length} chars>'`,
    );
    expect(curl).toContain(`'X-Api-Key: <redacted: ${S.apiKeyHeader.length} chars>'`);
    expect(curl).toContain(`'X-Auth-Token: <redacted: ${S.authToken.length} chars>'`);
    expect(curl).toContain('&page=2');
  });

  // The report quotes what the diagnosis needs: URLs, the headers a page set (in curl), Location. It never quotes
  // Proxy-Authorization (the browser's own header), a Set-Cookie value (rules show "…"), or request.cookies.
  const QUOTED = Object.entries(S).filter(([key]) => !['proxyAuthorization', 'setCookie', 'cookieArray'].includes(key));

  it.each(FORMATS)('--format %s --include-secrets shows them as captured', (format) => {
    const out = output(format, '--include-secrets');
    const missing = QUOTED.filter(([, secret]) => !out.includes(secret)).map(([key]) => key);
    // Text and Markdown print curl only for exchanges that failed; JSON has every field.
    expect(missing).toEqual([]);
  });

  it('never quotes the secrets it has no use for, even with --include-secrets', () => {
    const all = FORMATS.map((format) => output(format, '--include-secrets')).join('\n');
    expect(all).not.toContain(S.proxyAuthorization);
    expect(all).not.toContain(S.setCookie);
    expect(all).not.toContain(S.cookieArray);
  });
});

describe('redactReport', () => {
  it('does not change the report it is given', () => {
    const report = diagnose([{ file: 's.har', har: parseHarJson(secretCapture()) }], { version: 't', all: true });
    const before = JSON.stringify(report);
    redactReport(report);
    expect(JSON.stringify(report)).toBe(before);
  });

  it('masks a secret wherever a message quotes it', () => {
    const report = diagnose([{ file: 's.har', har: parseHarJson(secretCapture()) }], { version: 't', all: true });
    const withQuote = structuredClone(report);
    const first = withQuote.exchanges[0];
    if (!first?.diagnoses[0]) throw new Error('fixture has no diagnosis');
    first.diagnoses[0].message += ` (the request sent ${S.apiKeyHeader} and Bearer ${S.authorization})`;
    expectNoSecret(JSON.stringify(redactReport(withQuote)));
  });

  it('leaves no URL parameter secret in generated captures', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9._~-]{6,24}$/).map((s) => `Q${s}Z`);
    fc.assert(
      fc.property(
        harJson,
        secret,
        fc.constantFrom('token', 'access_token', 'API_KEY', 'sig', 'code'),
        (json, value, name) => {
          const { log } = json as { log: { entries: unknown[] } };
          for (const e of log.entries) {
            const request = (e as { request?: { url?: unknown; headers?: unknown } } | null)?.request;
            if (!request || typeof request.url !== 'string') continue;
            request.url = `${request.url}${request.url.includes('?') ? '&' : '?'}${name}=${value}`;
            if (Array.isArray(request.headers))
              request.headers.push({ name: 'Authorization', value: `Bearer ${value}` });
          }
          const report = diagnose([{ file: 'g.har', har: parseHarJson(json) }], { version: 't', all: true });
          expect(JSON.stringify(redactReport(report))).not.toContain(value);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('redaction primitives', () => {
  it.each([
    ['https://a.example/x?access_token=abc&page=2', 'https://a.example/x?access_token=<redacted: 3 chars>&page=2'],
    ['https://a.example/x?page=2&API_KEY=k3y', 'https://a.example/x?page=2&API_KEY=<redacted: 3 chars>'],
    [
      'https://a.example/x?client_secret=s&x-amz-signature=f00',
      'https://a.example/x?client_secret=<redacted: 1 chars>&x-amz-signature=<redacted: 3 chars>',
    ],
    ['https://a.example/x;jsessionid=ABC123?a=1', 'https://a.example/x;jsessionid=<redacted: 6 chars>?a=1'],
    ['https://a.example/cb#id_token=eyJ&state=1', 'https://a.example/cb#id_token=<redacted: 3 chars>&state=1'],
    ['https://a.example/x?access%5Ftoken=abc', 'https://a.example/x?access%5Ftoken=<redacted: 3 chars>'],
    ['https://bob:hunter2@a.example/', 'https://bob:<redacted: 7 chars>@a.example/'],
    [
      "Access to fetch at 'https://a.example/?token=t0k' from origin",
      "Access to fetch at 'https://a.example/?token=<redacted: 3 chars>' from origin",
    ],
    [
      'https://a.example/x?author=me&keyboard=us&page=2&token=',
      'https://a.example/x?author=me&keyboard=us&page=2&token=',
    ],
    ['no url here: token=abc', 'no url here: token=abc'],
  ])('redactUrls(%j)', (input, expected) => {
    expect(redactUrls(input)).toBe(expected);
    expect(redactUrls(expected)).toBe(expected);
  });

  it.each([
    ['Authorization', 'Bearer abc.def', 'Bearer <redacted: 7 chars>'],
    ['authorization', 'Basic dXNlcjpwYXNz', 'Basic <redacted: 12 chars>'],
    ['Authorization', 'sometoken', '<redacted: 9 chars>'],
    ['Proxy-Authorization', 'Basic Zm9v', 'Basic <redacted: 4 chars>'],
    ['Cookie', 'a=1; b=two', 'a=<redacted: 1 chars>; b=<redacted: 3 chars>'],
    [
      'Set-Cookie',
      'sid=xyz; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; SameSite=None; Secure',
      'sid=<redacted: 3 chars>; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; SameSite=None; Secure',
    ],
    ['Set-Cookie', 'a=1; Path=/\nb=2; HttpOnly', 'a=<redacted: 1 chars>; Path=/\nb=<redacted: 1 chars>; HttpOnly'],
    ['Set-Cookie', 'a=1; Path=/, b=2; HttpOnly', 'a=<redacted: 1 chars>; Path=/, b=<redacted: 1 chars>; HttpOnly'],
    ['Set-Cookie', 'sid=…; SameSite=Lax', 'sid=…; SameSite=Lax'],
    ['X-Api-Key', 'k-123', '<redacted: 5 chars>'],
    ['X-CSRF-Token', 'c', '<redacted: 1 chars>'],
    ['x-session-id', 'abc', '<redacted: 3 chars>'],
    ['Location', 'https://a.example/cb?code=xyz', 'https://a.example/cb?code=<redacted: 3 chars>'],
    ['Access-Control-Allow-Origin', 'https://app.example', 'https://app.example'],
    ['X-Api-Key', '<value>', '<value>'],
  ])('redactHeader(%s, %j)', (name, value, expected) => {
    expect(redactHeader(name, value)).toBe(expected);
    expect(redactHeader(name, expected)).toBe(expected);
  });

  it('knows secret names from ordinary ones', () => {
    for (const name of [
      'Authorization',
      'Cookie',
      'Set-Cookie',
      'X-Api-Key',
      'X-Auth-Token',
      'X-Access-Token',
      'api_key',
      'X-Session',
    ]) {
      expect(isSecretHeader(name), name).toBe(true);
    }
    for (const name of ['Origin', 'Access-Control-Allow-Headers', 'Content-Type', 'X-Author', 'Keep-Alive']) {
      expect(isSecretHeader(name), name).toBe(false);
    }
    for (const name of [
      'token',
      'access_token',
      'refresh-token',
      'apikey',
      'key',
      'sig',
      'signature',
      'password',
      'secret',
      'auth',
      'code',
      'session',
      'X-Amz-Signature',
      'oauth_token',
    ]) {
      expect(isSecretParam(name), name).toBe(true);
    }
    for (const name of ['page', 'q', 'author', 'keyboard', 'state', 'codec', 'id']) {
      expect(isSecretParam(name), name).toBe(false);
    }
  });
});
