// nginx as the reverse proxy in front of the apps (or answering by itself): the proxy-level ways CORS breaks.
import cors from 'cors';
import type { Request, Response } from 'express';
import { JSON_PUT, type LabScenario } from '../scenario';

const STACK = 'nginx';
const upstream = (origin: string) => `proxy_pass ${origin};`;
const ok = (_req: Request, res: Response) => void res.json({ ok: true });

export const NGINX_SCENARIOS: LabScenario[] = [
  {
    id: 'nginx-proxy-allowed',
    stack: STACK,
    title: 'nginx passes the app’s CORS headers through',
    problem: 'Nothing: nginx only proxies, and the app behind it (Express + cors) answers the preflight and the PUT.',
    requests: [{ server: 'nginx', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'allowed', rule: 'preflight-trigger' },
    nginx: (prefix, { express }) => `location ${prefix}/ { ${upstream(express)} }`,
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page, methods: ['PUT'] }), ok),
  },
  {
    id: 'nginx-add-header-without-always',
    stack: STACK,
    title: 'add_header without "always", and the app fails',
    problem:
      'nginx adds add_header lines to 2xx and 3xx responses only: the 500 from the app behind it goes out without CORS headers.',
    requests: [{ server: 'nginx', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'error-status-without-cors' },
    nginx: (prefix, { page, express }) => `location ${prefix}/ {
      add_header Access-Control-Allow-Origin ${page};
      add_header Vary Origin;
      ${upstream(express)}
    }`,
    express: (app, prefix) =>
      void app.use(prefix, (_req: Request, res: Response) => void res.status(500).json({ error: 'database down' })),
  },
  {
    id: 'nginx-duplicate-allow-origin',
    stack: STACK,
    title: 'Both nginx and the app add Access-Control-Allow-Origin',
    problem: 'The proxy adds the header and the app (cors) sends it too: two values, and browsers accept exactly one.',
    requests: [{ server: 'nginx', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'allow-origin-duplicated' },
    nginx: (prefix, { page, express }) => `location ${prefix}/ {
      add_header Access-Control-Allow-Origin ${page} always;
      ${upstream(express)}
    }`,
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page }), ok),
  },
  {
    id: 'nginx-trailing-slash-redirect',
    stack: STACK,
    title: 'Trailing-slash 301 on the preflight',
    problem:
      'The location is "/res/"; nginx redirects "/res" to it with a 301 for every method, the preflight included, and a preflight may not be redirected.',
    requests: [{ server: 'nginx', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'preflight-redirect' },
    nginx: (prefix, { express }) => `location ${prefix}/res/ { ${upstream(express)} }`,
    express: (app, prefix, { page }) => void app.use(prefix, cors({ origin: page, methods: ['PUT'] }), ok),
  },
  {
    id: 'nginx-redirect-to-canonical-host',
    stack: STACK,
    title: 'Preflight redirected to another host',
    problem:
      'A "canonical host" rule sends everything on 127.0.0.1 to localhost with a 301, and the preflight cannot follow it.',
    requests: [{ server: 'nginx', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'preflight-redirect' },
    nginx: (prefix, { nginx }) =>
      `location ${prefix}/ { return 301 ${nginx.replace('127.0.0.1', 'localhost')}$request_uri; }`,
  },
  {
    id: 'nginx-allow-credentials-capitalized',
    stack: STACK,
    title: '"Access-Control-Allow-Credentials: True"',
    problem: 'The value must be exactly "true", in lower case: "True" is refused on a request with cookies.',
    requests: [{ server: 'nginx', path: '/res', credentials: 'include' }],
    expect: { outcome: 'blocked', rule: 'allow-credentials-not-true' },
    nginx: (prefix, { page }) => `location ${prefix}/ {
      add_header Access-Control-Allow-Origin ${page} always;
      add_header Access-Control-Allow-Credentials True always;
      default_type application/json;
      return 200 '{"ok":true}';
    }`,
  },
  {
    id: 'nginx-cors-only-in-if',
    stack: STACK,
    title: 'CORS headers only in the "if ($request_method = OPTIONS)" block',
    problem:
      'nginx answers the preflight itself, with CORS headers; the real request goes to the app, which sends none.',
    requests: [{ server: 'nginx', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'blocked', rule: 'allow-origin-missing' },
    nginx: (prefix, { page, express }) => `location ${prefix}/ {
      if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin ${page};
        add_header Access-Control-Allow-Methods "GET, PUT, OPTIONS";
        add_header Access-Control-Allow-Headers "Authorization, Content-Type";
        return 204;
      }
      ${upstream(express)}
    }`,
    express: (app, prefix) => void app.use(prefix, ok),
  },
  {
    id: 'nginx-bad-gateway',
    stack: STACK,
    title: 'The app is down: 502 from nginx',
    problem: 'nginx cannot reach the app and answers 502 itself, without CORS headers: the outage looks like CORS.',
    requests: [{ server: 'nginx', path: '/res' }],
    expect: { outcome: 'blocked', rule: 'error-status-without-cors' },
    nginx: (prefix, { page, closed }) => `location ${prefix}/ {
      add_header Access-Control-Allow-Origin ${page};
      ${upstream(closed)}
    }`,
  },
  {
    id: 'nginx-echo-origin-without-vary',
    stack: STACK,
    title: 'Origin echoed into a cacheable response without "Vary: Origin"',
    problem:
      'The response names the first origin and may be cached, but does not vary on Origin: the browser serves that copy to the other origin.',
    requests: [
      { server: 'nginx', path: '/res' },
      { server: 'nginx', path: '/res', from: 'alt' },
    ],
    expect: { outcome: 'blocked', rule: 'cache-missing-vary-origin' },
    nginx: (prefix) => `location ${prefix}/ {
      add_header Access-Control-Allow-Origin $http_origin always;
      add_header Cache-Control "max-age=600" always;
      default_type application/json;
      return 200 '{"ok":true}';
    }`,
  },
  {
    id: 'nginx-echo-origin-with-vary',
    stack: STACK,
    title: 'Origin echoed into a cacheable response, with "Vary: Origin"',
    problem: 'Nothing: "Vary: Origin" makes the browser keep one copy per origin, so each origin gets its own answer.',
    requests: [
      { server: 'nginx', path: '/res' },
      { server: 'nginx', path: '/res', from: 'alt' },
    ],
    expect: { outcome: 'allowed', rule: null },
    nginx: (prefix) => `location ${prefix}/ {
      add_header Access-Control-Allow-Origin $http_origin always;
      add_header Vary Origin always;
      add_header Cache-Control "max-age=600" always;
      default_type application/json;
      return 200 '{"ok":true}';
    }`,
  },
  {
    id: 'nginx-drops-preflight',
    stack: STACK,
    title: 'OPTIONS dropped without an answer',
    problem: 'A "block OPTIONS" rule closes the connection (return 444): the preflight gets no response at all.',
    requests: [{ server: 'nginx', path: '/res', ...JSON_PUT }],
    expect: { outcome: 'failed-not-cors', rule: 'not-a-cors-error' },
    nginx: (prefix, { express }) => `location ${prefix}/ {
      if ($request_method = OPTIONS) { return 444; }
      ${upstream(express)}
    }`,
  },
];

/** Scenarios without a server of their own. */
export const NETWORK_SCENARIOS: LabScenario[] = [
  {
    id: 'connection-refused',
    stack: 'none',
    title: 'Nothing listens on the port',
    problem: 'The API is not running: a network error, which Firefox reports as "CORS request did not succeed".',
    requests: [{ server: 'closed', path: '/res' }],
    expect: { outcome: 'failed-not-cors', rule: 'network-error' },
  },
];
