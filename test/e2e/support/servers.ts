// Two loopback HTTP servers on free ports, i.e. two origins: the page and the API it calls cross-origin.
// The API answers each scenario of scenarios.ts the way a real, misconfigured server would. Every request either
// server receives is logged, so a test can prove the extension made none of its own.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCENARIOS, type Scenario } from './scenarios';

export interface LoggedRequest {
  server: 'page' | 'api';
  method: string;
  path: string;
  origin: string | undefined;
  headers: IncomingHttpHeaders;
}

/** What the page's fetch() calls returned, as the page itself saw them. */
export interface PageOutcome {
  name: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface TestServers {
  pageOrigin: string;
  apiOrigin: string;
  /** The page URL that runs the scenarios made on load and then sets `document.title` to `DONE`. */
  pageUrl: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export const DONE_TITLE = 'DONE';

/** Evaluated in the page: runs a live scenario (see `Scenario.live`) and resolves with its outcome. */
export function runLiveScenario(name: string): string {
  return `window.runScenario(${JSON.stringify(name)})`;
}

export async function startServers(): Promise<TestServers> {
  const log: LoggedRequest[] = [];
  const servers: Server[] = [];
  const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> => {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const record = (server: LoggedRequest['server'], req: IncomingMessage) =>
    log.push({
      server,
      method: req.method ?? '',
      path: req.url ?? '',
      origin: req.headers.origin,
      headers: req.headers,
    });

  let pageOrigin = '';
  const apiOrigin = await listen((req, res) => {
    record('api', req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const found = SCENARIOS.find((s) => s.path === path);
    const answer = found ? apiAnswer(found, req.method ?? '', pageOrigin) : undefined;
    const { status, headers, body } = answer ?? { status: 404, headers: {}, body: '{"error":"not found"}' };
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(body);
  });

  pageOrigin = await listen((req, res) => {
    record('page', req);
    const path = (req.url ?? '').split('?')[0];
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(pageHtml(apiOrigin));
    } else {
      // favicon.ico and anything else: empty, same-origin, not CORS.
      res.writeHead(204).end();
    }
  });

  return {
    pageOrigin,
    apiOrigin,
    pageUrl: `${pageOrigin}/`,
    log,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

type Headers = Record<string, string | string[]>;

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** The API's answer to one request of a scenario (`pageOrigin` is the only origin it means to allow). */
function apiAnswer(scenario: Scenario, method: string, pageOrigin: string): Answer | undefined {
  const allowOrigin = { 'access-control-allow-origin': pageOrigin, vary: 'Origin' };
  const withCredentials = { ...allowOrigin, 'access-control-allow-credentials': 'true' };
  // A preflight answered by CORS middleware that allows the page's PUT of JSON with a bearer token.
  const goodPreflight: Answer = {
    status: 204,
    headers: {
      ...withCredentials,
      'access-control-allow-methods': 'GET, PUT, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type',
    },
    body: '',
  };
  const json = (status: number, headers: Headers, value: unknown): Answer => ({
    status,
    headers,
    body: JSON.stringify(value),
  });

  switch (scenario.name) {
    case 'allowed':
      if (method === 'GET') return json(200, withCredentials, { scenario: scenario.name });
      return undefined;
    case 'allowedWithoutCredentialsHeader':
      if (method === 'GET') return json(200, allowOrigin, { scenario: scenario.name });
      return undefined;
    case 'noAllowOrigin':
      // No CORS handling at all on this route.
      if (method === 'GET') return json(200, {}, { scenario: scenario.name });
      return undefined;
    case 'preflightUnauthorized':
      // Authentication runs before the CORS middleware and rejects the preflight, which never carries the token.
      if (method === 'OPTIONS') {
        return json(401, { 'www-authenticate': 'Bearer realm="api"' }, { error: 'missing bearer token' });
      }
      return json(200, withCredentials, { scenario: scenario.name });
    case 'preflightRedirect':
      // The route is defined with a trailing slash; the framework redirects every method, OPTIONS included, to it.
      if (method === 'OPTIONS' || method === 'PUT') {
        return { status: 301, headers: { location: `${scenario.path}/` }, body: '' };
      }
      return undefined;
    case 'serverError':
      // The preflight passes; the handler crashes and the error page skips the CORS middleware.
      if (method === 'OPTIONS') return goodPreflight;
      if (method === 'PUT') return json(500, {}, { error: 'Internal Server Error' });
      return undefined;
    case 'allowOriginTrailingSlash':
      // The allowed origin configured as a URL: "http://127.0.0.1:<port>/".
      if (method === 'GET') {
        return json(
          200,
          { 'access-control-allow-origin': `${pageOrigin}/`, vary: 'Origin' },
          { scenario: scenario.name },
        );
      }
      return undefined;
    case 'allowOriginTwice':
      // A reverse proxy and the application both add the header: two header lines.
      if (method === 'GET') {
        return json(200, { 'access-control-allow-origin': [pageOrigin, pageOrigin] }, { scenario: scenario.name });
      }
      return undefined;
    case 'methodNotAllowed':
      // The allowed methods were configured without PUT.
      if (method === 'OPTIONS') {
        return {
          ...goodPreflight,
          headers: { ...goodPreflight.headers, 'access-control-allow-methods': 'GET, POST' },
        };
      }
      return json(200, withCredentials, { scenario: scenario.name });
    case 'liveNoPreflightRoute':
      // CORS handling is registered on the PUT handler only: OPTIONS reaches no route.
      if (method === 'OPTIONS') return json(404, {}, { error: 'not found' });
      return json(200, withCredentials, { scenario: scenario.name });
    default:
      return undefined;
  }
}

function pageHtml(apiOrigin: string): string {
  const script = `
    const api = ${JSON.stringify(apiOrigin)};
    const scenarios = ${JSON.stringify(SCENARIOS.map(({ name, call, path, live }) => ({ name, call, path, live })))};
    const init = {
      'simple-get': () => ({}),
      'put-json-with-token': () => ({
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer e2e-token' },
        body: JSON.stringify({ name: 'CORS Doctor' }),
      }),
    };
    window.runScenario = async (name) => {
      const { call, path } = scenarios.find((s) => s.name === name);
      try {
        const response = await fetch(api + path, init[call]());
        await response.text();
        return { name, ok: true, status: response.status, error: null };
      } catch (error) {
        return { name, ok: false, status: null, error: String(error) };
      }
    };
    window.outcomes = [];
    (async () => {
      // One after the other, so the order of events is deterministic.
      for (const { name } of scenarios.filter((s) => !s.live)) window.outcomes.push(await window.runScenario(name));
      document.title = ${JSON.stringify(DONE_TITLE)};
    })();
  `;
  return `<!doctype html><html><head><meta charset="utf-8"><title>running</title><link rel="icon" href="data:,"></head><body><h1>CORS Doctor e2e page</h1><script>${script}</script></body></html>`;
}
