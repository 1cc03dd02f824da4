// `cors-doctor probe` against real servers (Express + cors, Fastify + @fastify/cors) misconfigured the ways real
// APIs are: the probe must send what a browser sends (asserted on what the servers received) and predict what the
// browser decides (asserted on the verdict, the browser error and the root cause).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine';
import type { ProbeRecord } from '../../src/probe/record';
import { cli, cors, express, expressCors, ORIGIN, serverPool, type Running, type Seen } from './servers';

type ProbeJson = Report & { probe: ProbeRecord };

/** What a probe sends, as ORIGIN: the URL, and the options that make it more than a plain GET. */
interface Request {
  url: string;
  method?: string;
  contentType?: string;
  header?: string;
  data?: string;
  credentials?: true;
  preflightOnly?: true;
}

/** The probe's command-line arguments for `request` (without the format). */
function probeArgs(request: Request): string[] {
  const option = (name: string, value: string | true | undefined) =>
    value === undefined ? [] : value === true ? [name] : [name, value];
  return [
    request.url,
    ...option('--origin', ORIGIN),
    ...option('--method', request.method),
    ...option('--content-type', request.contentType),
    ...option('--header', request.header),
    ...option('--data', request.data),
    ...option('--credentials', request.credentials),
    ...option('--preflight-only', request.preflightOnly),
  ];
}

/** `cors-doctor probe --format json`: the exit code and the report; it writes nothing to stderr. */
async function probe(request: Request): Promise<{ code: number; json: ProbeJson }> {
  const { code, stdout, stderr } = await cli(['probe', ...probeArgs(request), '--format', 'json']);
  expect(stderr).toBe('');
  return { code, json: JSON.parse(stdout) as ProbeJson };
}

/** `cors-doctor probe` with its default text output, or `--format markdown`. */
const probeOutput = (request: Request, format?: 'markdown') =>
  cli(['probe', ...probeArgs(request), ...(format ? ['--format', format] : [])]);

const requestsTo = (server: Running, path: string): Seen[] => server.seen.filter((s) => s.path === path);
const methodsTo = (server: Running, path: string): string[] => requestsTo(server, path).map((s) => s.method);

const servers = serverPool();
let api: Running; // Express: one app, a differently misconfigured prefix per case
let good: Running; // Fastify, configured right
let prodOnly: Running; // Fastify, allows only the production origin
let manual: Running; // Fastify, CORS header set by hand, no OPTIONS route
let target: Running; // Fastify, the target of a cross-origin redirect
let defaults: Running; // Fastify, @fastify/cors with its default methods (GET, HEAD, POST since v10)
const bodies: unknown[] = [];

beforeAll(async () => {
  api = await servers.express((app) => {
    const opts = { origin: ORIGIN, allowedHeaders: ['Content-Type', 'Authorization'] };

    // Configured right: preflight answered, PUT with JSON and a bearer token allowed.
    app.use('/ok', expressCors(opts), express.json());
    app.put('/ok/items', (req, res) => {
      bodies.push(req.body);
      res.json({ saved: true });
    });

    // Authentication runs before cors(): the preflight carries no Authorization, so it gets a bare 401.
    app.use('/auth', (req, res, next) => {
      if (!req.headers.authorization) return void res.status(401).set('WWW-Authenticate', 'Bearer').end();
      next();
    });
    app.use('/auth', expressCors(opts));
    app.put('/auth/items', (_req, res) => void res.json({ ok: true }));

    // Allowed headers listed by hand, and a new one added to the client later.
    app.use('/narrow', expressCors({ origin: ORIGIN, allowedHeaders: ['Content-Type'] }));
    app.post('/narrow/items', (_req, res) => void res.json({ ok: true }));

    // Read-only methods listed, and a DELETE added to the client.
    app.use('/readonly', expressCors({ origin: ORIGIN, methods: ['GET', 'POST'] }));
    app.delete('/readonly/items/1', (_req, res) => void res.status(204).end());

    // cors() with its defaults: `Access-Control-Allow-Origin: *`.
    app.use('/public', expressCors());
    app.get('/public/me', (_req, res) => void res.json({ user: null }));

    // The right origin, but credentials were never enabled (no Access-Control-Allow-Credentials).
    app.use('/session', expressCors({ origin: ORIGIN }));
    app.get('/session/me', (_req, res) => void res.json({ user: 'ada' }));

    // The preflight is answered by cors(), but a middleware before cors() on the PUT route fails.
    app.options('/orders', expressCors(opts));
    app.put(
      '/orders',
      (_req, _res, next) => next(new Error('database unavailable')),
      expressCors(opts),
      (_req, res) => void res.json({ ok: true }),
    );

    // Django-style APPEND_SLASH in front of everything, preflights included.
    app.use('/slash', (req, res, next) => {
      if (req.path.endsWith('/')) return next();
      res.redirect(301, `${req.baseUrl}${req.path}/`);
    });
    app.use('/slash', expressCors(opts));
    app.put('/slash/items/', (_req, res) => void res.json({ ok: true }));

    // Moved to another server: a redirect that carries CORS headers, to a target that allows only the page origin.
    app.use('/moved', expressCors({ origin: ORIGIN }));
    app.get('/moved/items', (_req, res) => void res.redirect(302, `${target.url}/items`));

    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).type('text/plain').send(`Internal Server Error: ${error.message}`);
    });
  });

  good = await servers.fastify(async (app) => {
    await app.register(cors, { origin: [ORIGIN], credentials: true, methods: ['GET', 'HEAD', 'POST', 'PUT'] });
    app.get('/items', async () => [{ id: 1 }]);
    app.put('/items', async (req) => ({ saved: req.body }));
  });

  prodOnly = await servers.fastify(async (app) => {
    await app.register(cors, { origin: 'https://app.example' });
    app.get('/items', async () => [{ id: 1 }]);
  });

  manual = await servers.fastify((app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.header('Access-Control-Allow-Origin', ORIGIN);
    });
    app.put('/items', async () => ({ ok: true }));
  });

  target = await servers.fastify(async (app) => {
    await app.register(cors, { origin: ORIGIN });
    app.get('/items', async () => [{ id: 1 }]);
  });

  defaults = await servers.fastify(async (app) => {
    await app.register(cors, { origin: [ORIGIN] });
    app.put('/items', async () => ({ ok: true }));
  });
});

describe('allowed requests', () => {
  it('a simple GET (Fastify): no preflight, Origin sent, exit 0', async () => {
    const { code, json } = await probe({ url: `${good.url}/items` });
    expect(code).toBe(0);
    expect(json.probe).toMatchObject({
      verdict: 'allowed',
      end: 'completed',
      credentials: 'omit',
      plan: { preflight: false, accessControlRequestMethod: null, accessControlRequestHeaders: null, origin: ORIGIN },
    });
    expect(json.exchanges).toHaveLength(1);
    expect(json.exchanges[0]).toMatchObject({
      outcome: 'allowed',
      preflight: 'not-needed',
      credentials: 'not-include',
    });
    const seen = requestsTo(good, '/items').at(-1);
    expect(seen).toMatchObject({ method: 'GET', headers: { origin: ORIGIN, 'sec-fetch-mode': 'cors' } });
    expect(seen?.headers).not.toHaveProperty('access-control-request-headers');
    expect(seen?.headers).not.toHaveProperty('cookie');
  });

  it('a preflighted PUT with JSON and Authorization (Express): the exact ACRH, no credentials on the preflight', async () => {
    const { code, json } = await probe({
      url: `${api.url}/ok/items`,
      method: 'put',
      contentType: 'application/json',
      header: 'Authorization: Bearer secret-token-123',
      data: '{"name":"ada"}',
    });
    expect(code).toBe(0);
    expect(json.probe).toMatchObject({
      verdict: 'allowed',
      method: 'PUT',
      plan: {
        preflight: true,
        accessControlRequestMethod: 'PUT',
        accessControlRequestHeaders: 'authorization,content-type',
      },
    });
    expect(json.exchanges[0]).toMatchObject({ outcome: 'allowed', preflight: 'observed', entries: { preflight: 0 } });

    const [preflight, put] = requestsTo(api, '/ok/items');
    expect(preflight?.method).toBe('OPTIONS');
    expect(preflight?.headers).toMatchObject({
      origin: ORIGIN,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'authorization,content-type',
    });
    expect(preflight?.headers).not.toHaveProperty('authorization');
    expect(preflight?.headers).not.toHaveProperty('cookie');
    expect(put?.method).toBe('PUT');
    expect(put?.headers).toMatchObject({
      origin: ORIGIN,
      authorization: 'Bearer secret-token-123',
      'content-type': 'application/json',
    });
    expect(bodies.at(-1)).toEqual({ name: 'ada' });
    // What was sent is reported, credentials masked.
    const sent = json.probe.requests.map((r) => [r.kind, r.method, r.status]);
    expect(sent).toEqual([
      ['preflight', 'OPTIONS', 204],
      ['request', 'PUT', 200],
    ]);
    expect(JSON.stringify(json)).not.toContain('secret-token-123');
  });

  it('a preflighted PUT with JSON and Authorization (Fastify)', async () => {
    const { code, json } = await probe({
      url: `${good.url}/items`,
      method: 'PUT',
      contentType: 'application/json',
      header: 'Authorization: Bearer t',
      data: '{"id":2}',
      credentials: true,
    });
    expect(code).toBe(0);
    expect(json.probe).toMatchObject({ verdict: 'allowed', credentials: 'include' });
    expect(json.exchanges[0]?.credentials).toBe('include');
    const preflight = requestsTo(good, '/items').find((s) => s.method === 'OPTIONS');
    expect(preflight?.headers['access-control-request-headers']).toBe('authorization,content-type');
  });
});

describe('blocked at the preflight: the real request is never sent', () => {
  it('401 from authentication before cors(): PreflightMissingAllowOriginHeader, preflight-rejected-by-auth', async () => {
    const { code, json } = await probe({
      url: `${api.url}/auth/items`,
      method: 'PUT',
      header: 'Authorization: Bearer t',
    });
    expect(code).toBe(1);
    expect(json.probe).toMatchObject({
      verdict: 'blocked',
      end: 'stopped-at-preflight',
      browserError: 'PreflightMissingAllowOriginHeader',
      rootCause: 'preflight-rejected-by-auth',
    });
    expect(json.probe.requests.map((r) => [r.kind, r.sent, r.status])).toEqual([
      ['preflight', true, 401],
      ['request', false, null],
    ]);
    expect(methodsTo(api, '/auth/items')).toEqual(['OPTIONS']);
  });

  it('404: no OPTIONS route (Fastify, CORS header set by hand): preflight-route-missing', async () => {
    const { code, json } = await probe({ url: `${manual.url}/items`, method: 'PUT', contentType: 'application/json' });
    expect(code).toBe(1);
    expect(json.probe).toMatchObject({
      verdict: 'blocked',
      end: 'stopped-at-preflight',
      browserError: 'PreflightInvalidStatus',
      rootCause: 'preflight-route-missing',
    });
    expect(json.probe.requests[0]).toMatchObject({ kind: 'preflight', status: 404 });
    expect(methodsTo(manual, '/items')).toEqual(['OPTIONS']);
  });

  it('a header the preflight does not allow: HeaderDisallowedByPreflightResponse', async () => {
    const { code, json } = await probe({
      url: `${api.url}/narrow/items`,
      method: 'POST',
      contentType: 'application/json',
      header: 'X-Request-Id: 42',
    });
    expect(code).toBe(1);
    expect(json.probe.plan.accessControlRequestHeaders).toBe('content-type,x-request-id');
    expect(json.exchanges[0]).toMatchObject({
      outcome: 'blocked',
      browserError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'x-request-id',
    });
    expect(methodsTo(api, '/narrow/items')).toEqual(['OPTIONS']);
  });

  it('a method the preflight does not allow: MethodDisallowedByPreflightResponse', async () => {
    const { code, json } = await probe({ url: `${api.url}/readonly/items/1`, method: 'DELETE' });
    expect(code).toBe(1);
    expect(json.probe.plan).toMatchObject({ accessControlRequestMethod: 'DELETE', accessControlRequestHeaders: null });
    expect(json.exchanges[0]).toMatchObject({
      browserError: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'DELETE',
    });
    expect(json.probe.rootCause).toBe('method-not-allowed');
  });

  it("PUT against @fastify/cors's default methods (GET, HEAD, POST): MethodDisallowedByPreflightResponse", async () => {
    const { code, json } = await probe({ url: `${defaults.url}/items`, method: 'PUT' });
    expect(code).toBe(1);
    expect(json.probe.requests[0]?.responseHeaders).toContainEqual({
      name: 'access-control-allow-methods',
      value: 'GET,HEAD,POST',
    });
    expect(json.exchanges[0]).toMatchObject({
      browserError: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'PUT',
    });
    expect(methodsTo(defaults, '/items')).toEqual(['OPTIONS']);
  });

  it('a trailing-slash 301 on the preflight: PreflightDisallowedRedirect, preflight-redirect, not followed', async () => {
    const { code, json } = await probe({
      url: `${api.url}/slash/items`,
      method: 'PUT',
      contentType: 'application/json',
    });
    expect(code).toBe(1);
    expect(json.probe).toMatchObject({
      browserError: 'PreflightDisallowedRedirect',
      rootCause: 'preflight-redirect',
      end: 'stopped-at-preflight',
    });
    expect(json.probe.requests[0]).toMatchObject({ status: 301, redirectUrl: `${api.url}/slash/items/` });
    expect(json.exchanges[0]?.diagnoses[0]?.message).toMatch(/trailing slash added/);
    // The preflight's redirect is never followed, and the PUT never sent.
    expect(api.seen.filter((s) => s.path.startsWith('/slash')).map((s) => `${s.method} ${s.path}`)).toEqual([
      'OPTIONS /slash/items',
    ]);
  });
});

describe('blocked at the response', () => {
  it('Access-Control-Allow-Origin names another origin (Fastify): AllowOriginMismatch', async () => {
    const { code, json } = await probe({ url: `${prodOnly.url}/items` });
    expect(code).toBe(1);
    expect(json.exchanges[0]).toMatchObject({
      outcome: 'blocked',
      browserError: 'AllowOriginMismatch',
      failedParameter: 'https://app.example',
    });
    expect(requestsTo(prodOnly, '/items')[0]?.headers.origin).toBe(ORIGIN);
  });

  it('the wildcard with --credentials (no cookie given): WildcardOriginNotAllowed, credentials include', async () => {
    const { code, json } = await probe({ url: `${api.url}/public/me`, credentials: true });
    expect(code).toBe(1);
    expect(json.exchanges[0]).toMatchObject({
      credentials: 'include',
      credentialsEvidence: expect.stringMatching(/Declared by the producer/),
      browserError: 'WildcardOriginNotAllowed',
    });
    expect(json.probe.rootCause).toBe('credentials-wildcard');
    expect(json.probe.notes.join(' ')).toMatch(/no Cookie header/);
    // Without --credentials the same endpoint is fine.
    expect((await probe({ url: `${api.url}/public/me` })).code).toBe(0);
  });

  it('no Access-Control-Allow-Credentials with --credentials and a cookie: InvalidAllowCredentials', async () => {
    const { code, json } = await probe({
      url: `${api.url}/session/me`,
      credentials: true,
      header: 'Cookie: sid=abc123',
    });
    expect(code).toBe(1);
    expect(json.exchanges[0]).toMatchObject({ credentials: 'include', browserError: 'InvalidAllowCredentials' });
    expect(requestsTo(api, '/session/me')[0]?.headers.cookie).toBe('sid=abc123');
    const cookie = json.probe.requests[0]?.requestHeaders.find((h) => h.name === 'Cookie');
    expect(cookie?.value).toBe('sid=<redacted: 6 chars>');
  });

  it('a 500 without CORS headers after a good preflight: error-status-without-cors', async () => {
    const { code, json } = await probe({
      url: `${api.url}/orders`,
      method: 'PUT',
      contentType: 'application/json',
      data: '{}',
    });
    expect(code).toBe(1);
    expect(json.probe).toMatchObject({
      end: 'completed',
      browserError: 'MissingAllowOriginHeader',
      rootCause: 'error-status-without-cors',
    });
    expect(json.probe.requests.map((r) => r.status)).toEqual([204, 500]);
  });

  it('a cross-origin redirect of the real request: the target sees Origin: null, redirect-tainted-origin', async () => {
    const { code, json } = await probe({ url: `${api.url}/moved/items` });
    expect(code).toBe(1);
    expect(json.probe.requests.map((r) => [r.method, r.url, r.status])).toEqual([
      ['GET', `${api.url}/moved/items`, 302],
      ['GET', `${target.url}/items`, 200],
    ]);
    expect(requestsTo(target, '/items')[0]?.headers.origin).toBe('null');
    expect(json.exchanges[0]).toMatchObject({
      outcome: 'blocked',
      browserError: 'AllowOriginMismatch',
      hops: [{ origin: ORIGIN }, { origin: 'null' }],
    });
    expect(json.probe.rootCause).toBe('redirect-tainted-origin');
    expect(json.probe.notes.join(' ')).toMatch(/Origin header is now "null"/);
  });
});

describe('--preflight-only', () => {
  it('sends the preflight and stops; the preflight passed', async () => {
    const before = requestsTo(api, '/ok/items').length;
    const { code, json } = await probe({
      url: `${api.url}/ok/items`,
      method: 'PUT',
      header: 'Authorization: Bearer t',
      preflightOnly: true,
    });
    expect(code).toBe(0);
    expect(json.probe).toMatchObject({ verdict: 'preflight-passed', end: 'preflight-only' });
    expect(methodsTo(api, '/ok/items').slice(before)).toEqual(['OPTIONS']);
  });

  it('reports a failing preflight as blocked', async () => {
    const { code, json } = await probe({ url: `${api.url}/auth/items`, method: 'PUT', preflightOnly: true });
    expect(code).toBe(1);
    expect(json.probe).toMatchObject({ verdict: 'blocked', browserError: 'PreflightMissingAllowOriginHeader' });
  });

  it('sends nothing when no preflight is needed', async () => {
    const before = requestsTo(good, '/items').length;
    const { code, json } = await probe({ url: `${good.url}/items`, preflightOnly: true });
    expect(code).toBe(0);
    expect(json.probe).toMatchObject({ verdict: 'no-preflight', requests: [] });
    expect(requestsTo(good, '/items').length).toBe(before);
  });
});

describe('text and Markdown output', () => {
  it('text: what was sent, the verdict, root cause, fix and curl', async () => {
    const { code, stdout } = await probeOutput({
      url: `${api.url}/auth/items`,
      method: 'PUT',
      header: 'Authorization: Bearer secret-token-123',
    });
    expect(code).toBe(1);
    expect(stdout).toContain(`→ OPTIONS ${api.url}/auth/items`);
    expect(stdout).toContain('Access-Control-Request-Headers: authorization');
    expect(stdout).toContain('← 401 Unauthorized');
    expect(stdout).toContain(`✗ not sent: PUT ${api.url}/auth/items`);
    expect(stdout).toMatch(/✗ BLOCKED {2}PUT/);
    expect(stdout).toContain('root cause: The preflight was rejected by authentication');
    expect(stdout).toContain('fix:');
    expect(stdout).toContain(`$ curl -i -X OPTIONS ${api.url}/auth/items`);
    expect(stdout).not.toContain('secret-token-123');
    expect(stdout).not.toContain('\u001b[');
  });

  it('text: an allowed probe still shows the curl commands', async () => {
    const { code, stdout } = await probeOutput({ url: `${good.url}/items` });
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ ALLOWED {2}GET/);
    expect(stdout).toContain(`$ curl -i ${good.url}/items -H 'Origin: ${ORIGIN}'`);
  });

  it('markdown: the diagnose report, then the probe table', async () => {
    const { code, stdout } = await probeOutput({ url: `${prodOnly.url}/items` }, 'markdown');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^# CORS Doctor report/);
    expect(stdout).toContain('## Probes');
    expect(stdout).toContain('| Origin | Method | URL | Verdict | Browser error | Root cause |');
    expect(stdout).toContain('AllowOriginMismatch');
  });
});
