// Express 5 + the `cors` middleware: the correct set-ups, and the ways real apps get it wrong.
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { JSON_PUT, type LabScenario } from '../scenario';
import { corsScope } from './fastify';

const STACK = 'Express + cors';
const ok = (_req: Request, res: Response) => void res.json({ ok: true });

/** An auth check as apps write it: no bearer token, no entry (the preflight never carries one). */
const requireToken = (req: Request, res: Response, next: NextFunction) => {
  if (!req.headers.authorization)
    return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'login' });
  next();
};

export const EXPRESS_SCENARIOS: LabScenario[] = [
  {
    id: 'express-simple-allowed',
    stack: STACK,
    title: 'Simple GET, origin allowed',
    problem: 'Nothing: cors({ origin }) names the page, and a simple GET needs no preflight.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'allowed', rule: null },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page }), ok),
  },
  {
    id: 'express-wildcard-allowed',
    stack: STACK,
    title: 'Simple GET, any origin',
    problem: 'Nothing: cors() answers "Access-Control-Allow-Origin: *", fine for a request without credentials.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'allowed', rule: null },
    express: (app, prefix) => void app.use(prefix, cors(), ok),
  },
  {
    id: 'express-preflight-allowed',
    stack: STACK,
    title: 'PUT of JSON with a token, preflight allowed',
    problem: 'Nothing: the preflight answers with the page origin, PUT and the requested headers.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'allowed', rule: 'preflight-trigger' },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page, methods: ['GET', 'PUT'] }), ok),
  },
  {
    id: 'express-credentialed-allowed',
    stack: STACK,
    title: 'GET with cookies, credentials allowed',
    problem:
      'Nothing: the exact origin and "Access-Control-Allow-Credentials: true" let a request with cookies through.',
    requests: [{ server: 'express', path: '/res', credentials: 'include' }],
    expect: { outcome: 'allowed', rule: null },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page, credentials: true }), ok),
  },
  {
    id: 'express-cached-preflight',
    stack: STACK,
    title: 'Two PUTs, the preflight cached for 10 minutes',
    problem: 'Nothing: "Access-Control-Max-Age: 600" lets the browser skip the second preflight.',
    requests: [
      { server: 'express', path: '/res', ...JSON_PUT },
      { server: 'express', path: '/res', ...JSON_PUT },
    ],
    expect: { outcome: 'allowed', rule: null },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page, methods: ['PUT'], maxAge: 600 }), ok),
  },
  {
    id: 'express-auth-before-cors',
    stack: STACK,
    title: 'Auth middleware runs before cors()',
    problem: 'The token check answers the preflight with 401, before cors() can: the preflight never carries a token.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'preflight-rejected-by-auth' },
    express: (app, prefix, { page }) => void app.use(prefix, requireToken, cors({ origin: page }), ok),
  },
  {
    id: 'express-auto-options',
    stack: STACK,
    title: "cors() on the PUT route only: Express's automatic OPTIONS answer",
    problem:
      'cors() runs only for PUT; Express answers the OPTIONS preflight itself ("Allow: PUT"), without CORS headers.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'preflight-route-missing' },
    express: (app, prefix, { page }) => {
      const router = express.Router();
      router.put('/res', cors({ origin: page }), ok);
      app.use(prefix, router);
    },
  },
  {
    id: 'express-body-parser-before-cors',
    stack: STACK,
    title: 'express.json() before cors(): a 400 without CORS headers',
    problem:
      'The preflight passes, but the body parser rejects the malformed JSON before cors() runs: the 400 has no CORS headers.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT, body: '{"name": "CORS Doctor"' }],
    expect: { outcome: 'blocked', rule: 'error-status-without-cors' },
    express: (app, prefix, { page }) => {
      const router = express.Router();
      router.options('/res', cors({ origin: page }));
      router.put('/res', express.json(), cors({ origin: page }), ok);
      app.use(prefix, router);
    },
  },
  {
    id: 'express-permission-before-cors',
    stack: STACK,
    title: 'Role check before cors(): a 403 without CORS headers',
    problem:
      'The preflight passes; the role check then answers 403 before cors() adds its headers, so the page sees a CORS error instead.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'error-status-without-cors' },
    express: (app, prefix, { page }) => {
      const requireAdmin = (_req: Request, res: Response) => void res.status(403).json({ error: 'admins only' });
      const router = express.Router();
      router.options('/res', cors({ origin: page }));
      router.put('/res', requireAdmin, cors({ origin: page }), ok);
      app.use(prefix, router);
    },
  },
  {
    id: 'express-error-with-cors',
    stack: STACK,
    title: 'A 500 that carries CORS headers',
    problem:
      'Not a CORS problem: cors() ran before the handler crashed, so the page can read the 500 and its error body.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'allowed', rule: null },
    express: (app, prefix, { page }) =>
      void app.use(prefix, cors({ origin: page }), () => {
        throw new Error('database unavailable');
      }),
  },
  {
    id: 'express-preflight-crash',
    stack: STACK,
    title: 'Tenant middleware before cors() crashes on the preflight',
    problem:
      'A middleware that reads the X-Tenant header throws on the preflight, which does not carry it: the preflight gets a 500.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT, headers: { ...JSON_PUT.headers, 'X-Tenant': 'acme' } }],
    expect: { outcome: 'blocked', rule: 'preflight-server-error' },
    express: (app, prefix, { page }) => {
      const tenant = (req: Request, _res: Response, next: NextFunction) => {
        const name = req.headers['x-tenant'];
        if (typeof name !== 'string') throw new TypeError("Cannot read properties of undefined (reading 'tenant')");
        next();
      };
      app.use(prefix, tenant, cors({ origin: page }), ok);
    },
  },
  {
    id: 'express-preflight-continue',
    stack: STACK,
    title: 'cors({ preflightContinue: true }) and no OPTIONS route',
    problem:
      'preflightContinue hands the preflight on to the routes, and none answers OPTIONS: the preflight ends in a 404.',
    requests: [{ server: 'express', path: '/res', method: 'DELETE' }],
    expect: { outcome: 'blocked', rule: 'preflight-status-not-ok' },
    express: (app, prefix, { page }) => {
      const router = express.Router();
      router.use(cors({ origin: page, preflightContinue: true }));
      router.delete('/res', ok);
      router.use((_req, res) => void res.status(404).json({ error: 'not found' }));
      app.use(prefix, router);
    },
  },
  {
    id: 'express-allowlist-trailing-slash',
    stack: STACK,
    title: 'Allowlist entry with a trailing slash',
    problem:
      'The allowlist holds "http://127.0.0.1:<port>/": no Origin ever ends with "/", so cors() finds no match and sends no Access-Control-Allow-Origin.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-missing' },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: [`${page}/`] }), ok),
  },
  {
    id: 'express-origin-trailing-slash',
    stack: STACK,
    title: 'Allowed origin configured as a URL',
    problem: 'cors({ origin: "http://127.0.0.1:<port>/" }) is sent as is, and an origin never has a trailing slash.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-near-miss' },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: `${page}/` }), ok),
  },
  {
    id: 'express-origin-list-string',
    stack: STACK,
    title: 'Two origins in one string',
    problem:
      'cors({ origin: "a, b" }) sends the string as is: Access-Control-Allow-Origin can hold one origin, never a list.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-duplicated' },
    express: (app, prefix, { page, alt }) => void app.use(prefix, cors({ origin: `${page}, ${alt}` }), ok),
  },
  {
    id: 'express-scheme-mismatch',
    stack: STACK,
    title: 'https origin allowed, page on http',
    problem: 'The allowed origin is the https one; the page runs on http, a different origin.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-near-miss' },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page.replace('http:', 'https:') }), ok),
  },
  {
    id: 'express-port-mismatch',
    stack: STACK,
    title: "The dev server's port allowed, the page on another",
    problem: 'cors({ origin: "http://127.0.0.1:3000" }) names the dev server; the page runs on another port.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-near-miss' },
    express: (app, prefix) => void app.use(prefix, cors({ origin: 'http://127.0.0.1:3000' }), ok),
  },
  {
    id: 'express-localhost-vs-ip',
    stack: STACK,
    title: 'localhost allowed, page on 127.0.0.1',
    problem: 'The allowlist says localhost, the page was opened as 127.0.0.1: same machine, different origin.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-near-miss' },
    express: (app, prefix, { pagePort }) => void app.use(prefix, cors({ origin: `http://localhost:${pagePort}` }), ok),
  },
  {
    id: 'express-invalid-origin-value',
    stack: STACK,
    title: 'Allowed origin written without its scheme',
    problem: 'cors({ origin: "127.0.0.1:<port>" }) is no origin at all: the scheme is part of it.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-near-miss' },
    express: (app, prefix, { pagePort }) => void app.use(prefix, cors({ origin: `127.0.0.1:${pagePort}` }), ok),
  },
  {
    id: 'express-wildcard-credentials',
    stack: STACK,
    title: 'cors() with its default "*", request with cookies',
    problem: 'A request with credentials needs its exact origin; "Access-Control-Allow-Origin: *" is refused.',
    requests: [{ server: 'express', path: '/res', credentials: 'include' }],
    expect: { outcome: 'blocked', rule: 'credentials-wildcard' },
    express: (app, prefix) => void app.use(prefix, cors(), ok),
  },
  {
    id: 'express-credentials-missing',
    stack: STACK,
    title: 'Request with cookies, credentials: true forgotten',
    problem:
      'The origin matches, but without "Access-Control-Allow-Credentials: true" a credentialed response is refused.',
    requests: [{ server: 'express', path: '/res', credentials: 'include' }],
    expect: { outcome: 'blocked', rule: 'allow-credentials-not-true' },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page }), ok),
  },
  {
    id: 'express-method-not-allowed',
    stack: STACK,
    title: 'DELETE missing from the allowed methods',
    problem: 'cors({ methods: ["GET", "POST"] }) leaves DELETE out, so the preflight refuses it.',
    requests: [{ server: 'express', path: '/res', method: 'DELETE' }],
    expect: { outcome: 'blocked', rule: 'method-not-allowed' },
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page, methods: ['GET', 'POST'] }), ok),
  },
  {
    id: 'express-header-not-allowed',
    stack: STACK,
    title: 'Authorization missing from the allowed headers',
    problem: 'cors({ allowedHeaders: ["Content-Type"] }) leaves Authorization out, so the preflight refuses it.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'header-not-allowed' },
    express: (app, prefix, { page }) =>
      void app.use(prefix, cors({ origin: page, methods: ['PUT'], allowedHeaders: ['Content-Type'] }), ok),
  },
  {
    id: 'express-allow-headers-wildcard-credentials',
    stack: STACK,
    title: '"Access-Control-Allow-Headers: *" on a request with cookies',
    problem: 'With credentials, "*" in Access-Control-Allow-Headers is a header named "*", not a wildcard.',
    requests: [
      { server: 'express', path: '/res', method: 'POST', headers: { 'X-Request-Id': '42' }, credentials: 'include' },
    ],
    expect: { outcome: 'blocked', rule: 'credentials-wildcard' },
    express: (app, prefix, { page }) =>
      void app.use(prefix, cors({ origin: page, credentials: true, allowedHeaders: '*' }), ok),
  },
  {
    id: 'express-authorization-wildcard',
    stack: STACK,
    title: 'Authorization allowed only by "*"',
    problem:
      'Works today, but the Fetch standard says "*" never covers Authorization: list it by name before browsers enforce it.',
    requests: [{ server: 'express', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'allowed', rule: 'authorization-covered-by-wildcard' },
    express: (app, prefix, { page }) =>
      void app.use(prefix, cors({ origin: page, methods: ['PUT'], allowedHeaders: '*' }), ok),
  },
  {
    id: 'express-redirect-tainted-origin',
    stack: STACK,
    title: 'Redirect to another origin, which allows only the page',
    problem:
      'After a redirect to another origin the browser sends "Origin: null", which the target (allowing only the page) does not match.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'redirect-tainted-origin' },
    express: (app, prefix, { page, fastify }) =>
      void app.use(prefix, cors({ origin: page }), (_req: Request, res: Response) =>
        res.redirect(302, `${fastify}${prefix}/target`),
      ),
    fastify: (app, prefix, { page }) =>
      corsScope(app, prefix, { origin: page }, (scope) => scope.get('/target', async () => ({ ok: true }))),
  },
  {
    id: 'express-redirect-reflects-null',
    stack: STACK,
    title: 'Redirect to another origin, which echoes any Origin',
    problem:
      'Allowed, but only because the target echoes "Origin: null": every sandboxed iframe and local file now passes too.',
    requests: [{ server: 'express', path: '/res' }],
    expect: { outcome: 'allowed', rule: 'allow-origin-null' },
    express: (app, prefix, { page, fastify }) =>
      void app.use(prefix, cors({ origin: page }), (_req: Request, res: Response) =>
        res.redirect(302, `${fastify}${prefix}/target`),
      ),
    fastify: (app, prefix) =>
      corsScope(app, prefix, { origin: true }, (scope) => scope.get('/target', async () => ({ ok: true }))),
  },
  {
    id: 'express-redirect-with-credentials',
    stack: STACK,
    title: 'Redirect to a URL with a user name and password',
    problem: 'A CORS request may not be redirected to a URL that carries credentials ("user:password@").',
    requests: [{ server: 'express', path: '/res' }],
    expect: {
      outcome: 'blocked',
      rule: 'redirect-contains-credentials',
      firefox: {
        outcome: 'failed-not-cors',
        why: 'Firefox refuses the redirect as a network error: "CORS request did not succeed"',
      },
    },
    express: (app, prefix, { page, express: self }) =>
      void app.use(prefix, cors({ origin: page }), (req: Request, res: Response) => {
        if (req.path === '/res') res.redirect(302, `${self.replace('//', '//lab:secret@')}${prefix}/target`);
        else res.json({ ok: true });
      }),
  },
  {
    id: 'express-no-cors-mode',
    stack: STACK,
    title: "fetch(url, { mode: 'no-cors' }) for JSON",
    problem:
      "mode: 'no-cors' silences the CORS error but yields an opaque response: status 0 and no body the page can read.",
    requests: [{ server: 'express', path: '/res', mode: 'no-cors' }],
    expect: {
      outcome: 'allowed',
      rule: 'no-cors-opaque',
      chromium: {
        outcome: 'failed-not-cors',
        why: 'Opaque Response Blocking drops the JSON body: CDP reports net::ERR_ABORTED, the page still gets its opaque response',
      },
      firefox: {
        rule: null,
        why: 'Firefox at times records the opaque response with status 0 and no headers, which a network failure also looks like, so the advice cannot always be given',
      },
    },
    express: (app, prefix) => void app.use(prefix, ok),
  },
];
