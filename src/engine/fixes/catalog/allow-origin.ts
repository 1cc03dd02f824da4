import type { TopicCatalog } from '../topics';

export const allowOrigin: TopicCatalog = {
  express: {
    summary: 'Enable the cors middleware with an explicit allowlist, before your routes.',
    language: 'js',
    code: `import cors from 'cors';

app.use(cors({ origin: ['{{origin}}'] })); // before app.use(router)`,
  },
  fastify: {
    summary: 'Register @fastify/cors with the allowed origins.',
    language: 'js',
    code: `await fastify.register(import('@fastify/cors'), { origin: ['{{origin}}'] });`,
  },
  nginx: {
    summary: 'Echo the Origin only when it is on the allowlist, on every response.',
    language: 'nginx',
    code: `map $http_origin $cors_origin {
    default "";
    "{{origin}}" $http_origin;
}
server {
    location {{path}} {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
    }
}`,
  },
};
