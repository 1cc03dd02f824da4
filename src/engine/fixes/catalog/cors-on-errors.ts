import type { TopicCatalog } from '../topics';

export const corsOnErrors: TopicCatalog = {
  express: {
    summary: 'Register cors() first, so error handlers and 401/404/500 responses go out with the CORS headers too.',
    language: 'js',
    code: `app.use(cors({ origin: ['{{origin}}'] })); // first
app.use(authenticate);
app.use(router);
app.use((err, req, res, next) => res.status(err.status ?? 500).json({ error: err.message })); // headers already set`,
  },
  fastify: {
    summary: '@fastify/cors sets the headers in an onRequest hook, so register it before plugins that can reply early.',
    language: 'js',
    code: `await fastify.register(import('@fastify/cors'), { origin: ['{{origin}}'], hook: 'onRequest' });
await fastify.register(authPlugin); // after cors`,
  },
  nginx: {
    summary: 'add_header only applies to 2xx/3xx responses unless you add "always".',
    language: 'nginx',
    code: `add_header Access-Control-Allow-Origin "{{origin}}" always;
add_header Vary Origin always;`,
  },
};
