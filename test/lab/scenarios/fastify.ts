// Fastify 5 + @fastify/cors: the correct set-ups, and the ways real apps get it wrong.
import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_PUT, type LabScenario } from '../scenario';

const STACK = 'Fastify + @fastify/cors';
const ok = async () => ({ ok: true });

/** An encapsulated plugin under `prefix`: @fastify/cors with `options` (none: no CORS plugin), then the routes. */
export function corsScope(
  app: FastifyInstance,
  prefix: string,
  options: FastifyCorsOptions | null,
  routes: (scope: FastifyInstance) => void,
): void {
  void app.register(
    async (scope) => {
      if (options) await scope.register(fastifyCors, options);
      routes(scope);
    },
    { prefix },
  );
}

export const FASTIFY_SCENARIOS: LabScenario[] = [
  {
    id: 'fastify-simple-allowed',
    stack: STACK,
    title: 'Simple GET, origin allowed',
    problem: 'Nothing: @fastify/cors names the page, and a simple GET needs no preflight.',
    requests: [{ server: 'fastify', path: '/res' }],
    expect: { outcome: 'allowed', rule: null },
    fastify: (app, prefix, { page }) => corsScope(app, prefix, { origin: page }, (s) => s.get('/res', ok)),
  },
  {
    id: 'fastify-preflight-allowed',
    stack: STACK,
    title: 'PUT of JSON with a token, PUT added to the methods',
    problem: 'Nothing: methods lists PUT, and the requested headers are echoed back.',
    requests: [{ server: 'fastify', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'allowed', rule: 'preflight-trigger' },
    fastify: (app, prefix, { page }) =>
      corsScope(app, prefix, { origin: page, methods: ['GET', 'PUT'] }, (s) => s.put('/res', ok)),
  },
  {
    id: 'fastify-credentialed-preflight-allowed',
    stack: STACK,
    title: 'PUT with cookies and a token, credentials allowed',
    problem:
      'Nothing: exact origin, credentials: true and PUT in methods let a credentialed, preflighted request through.',
    requests: [{ server: 'fastify', path: '/res', ...JSON_PUT, credentials: 'include' }],
    expect: { outcome: 'allowed', rule: 'preflight-trigger' },
    fastify: (app, prefix, { page }) =>
      corsScope(app, prefix, { origin: page, credentials: true, methods: ['PUT'] }, (s) => s.put('/res', ok)),
  },
  {
    id: 'fastify-default-methods',
    stack: STACK,
    title: "@fastify/cors's default methods and a PUT",
    problem: '@fastify/cors allows GET, HEAD and POST unless told otherwise: the preflight of a PUT is refused.',
    requests: [{ server: 'fastify', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'method-not-allowed' },
    fastify: (app, prefix, { page }) => corsScope(app, prefix, { origin: page }, (s) => s.put('/res', ok)),
  },
  {
    id: 'fastify-auth-hook-before-cors',
    stack: STACK,
    title: 'Auth onRequest hook registered before @fastify/cors',
    problem: 'Hooks run in registration order: the auth hook answers the preflight with 401 before the CORS hook runs.',
    requests: [{ server: 'fastify', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'preflight-rejected-by-auth' },
    fastify: (app, prefix, { page }) =>
      void app.register(
        async (scope) => {
          scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
            if (!request.headers.authorization) await reply.code(401).send({ error: 'login' });
          });
          await scope.register(fastifyCors, { origin: page, methods: ['PUT'] });
          scope.put('/res', ok);
        },
        { prefix },
      ),
  },
  {
    id: 'fastify-no-options-route',
    stack: STACK,
    title: 'CORS headers set by hand in the handler',
    problem:
      'The PUT handler sets Access-Control-Allow-Origin itself, but nothing answers OPTIONS: the preflight gets 404.',
    requests: [{ server: 'fastify', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'preflight-route-missing' },
    fastify: (app, prefix, { page }) =>
      corsScope(app, prefix, null, (s) =>
        s.put('/res', async (_request, reply) => {
          void reply.header('access-control-allow-origin', page);
          return { ok: true };
        }),
      ),
  },
  {
    id: 'fastify-unknown-route',
    stack: STACK,
    title: 'A typo in the URL: the 404 has no CORS headers',
    problem:
      "Fastify's default 404 handler runs outside the plugin that registered CORS: a wrong path looks like a CORS error.",
    requests: [{ server: 'fastify', path: '/ress' }],
    expect: { outcome: 'blocked', rule: 'error-status-without-cors' },
    fastify: (app, prefix, { page }) => corsScope(app, prefix, { origin: page }, (s) => s.get('/res', ok)),
  },
  {
    id: 'fastify-wildcard-credentials',
    stack: STACK,
    title: 'origin: "*" with credentials: true',
    problem: 'The server says "*" and "credentials: true" together, which browsers refuse for a request with cookies.',
    requests: [{ server: 'fastify', path: '/res', credentials: 'include' }],
    expect: { outcome: 'blocked', rule: 'credentials-wildcard' },
    fastify: (app, prefix) => corsScope(app, prefix, { origin: '*', credentials: true }, (s) => s.get('/res', ok)),
  },
  {
    id: 'fastify-production-allowlist',
    stack: STACK,
    title: 'An allowlist of production domains only',
    problem: 'origin: /\\.example\\.com$/ matches no local page, so no Access-Control-Allow-Origin is sent.',
    requests: [{ server: 'fastify', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-missing' },
    fastify: (app, prefix) => corsScope(app, prefix, { origin: /\.example\.com$/ }, (s) => s.get('/res', ok)),
  },
];
