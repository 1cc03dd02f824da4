// Two loopback HTTP servers on free ports, i.e. two origins: the page and the API it calls cross-origin.
// Every request either server receives is logged, so a test can prove the extension made none of its own.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

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
  /** The page URL that runs the scenarios and then sets `document.title` to `DONE`. */
  pageUrl: string;
  /** API paths the page calls, in this order, by scenario. */
  paths: Scenarios;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export const DONE_TITLE = 'DONE';

/** The page's cross-origin GETs (simple requests: no preflight), one per scenario. */
export interface Scenarios {
  /** No Access-Control-Allow-Origin: every browser blocks it (MissingAllowOriginHeader). */
  blocked: string;
  /** ACAO = the page's origin, plus Access-Control-Allow-Credentials: true: allowed with or without credentials. */
  allowed: string;
  /**
   * ACAO = the page's origin, no ACAC, no cookie: allowed (the page sends no credentials), but a HAR cannot show
   * the credentials mode, and Firefox's HAR has no error field either, so only Chromium's capture proves it allowed.
   */
  allowedWithoutCredentialsHeader: string;
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

  const paths: Scenarios = {
    blocked: '/blocked-no-acao',
    allowed: '/allowed-acao-acac',
    allowedWithoutCredentialsHeader: '/allowed-acao-only',
  };
  let pageOrigin = '';

  const apiOrigin = await listen((req, res) => {
    record('api', req);
    const path = (req.url ?? '').split('?')[0];
    const json = { 'content-type': 'application/json', 'cache-control': 'no-store' };
    if (req.method === 'GET' && path === paths.blocked) {
      // A simple GET whose response lacks Access-Control-Allow-Origin: the browser blocks it.
      res.writeHead(200, json).end('{"scenario":"blocked"}');
    } else if (req.method === 'GET' && path === paths.allowed) {
      const cors = { 'access-control-allow-origin': pageOrigin, 'access-control-allow-credentials': 'true' };
      res.writeHead(200, { ...json, ...cors }).end('{"scenario":"allowed"}');
    } else if (req.method === 'GET' && path === paths.allowedWithoutCredentialsHeader) {
      const cors = { 'access-control-allow-origin': pageOrigin };
      res.writeHead(200, { ...json, ...cors }).end('{"scenario":"allowedWithoutCredentialsHeader"}');
    } else {
      res.writeHead(404, json).end('{"error":"not found"}');
    }
  });

  pageOrigin = await listen((req, res) => {
    record('page', req);
    const path = (req.url ?? '').split('?')[0];
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(pageHtml(apiOrigin, paths));
    } else {
      // favicon.ico and anything else: empty, same-origin, not CORS.
      res.writeHead(204).end();
    }
  });

  return {
    pageOrigin,
    apiOrigin,
    pageUrl: `${pageOrigin}/`,
    paths,
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

function pageHtml(apiOrigin: string, paths: Scenarios): string {
  const script = `
    const api = ${JSON.stringify(apiOrigin)};
    const scenarios = ${JSON.stringify(Object.entries(paths))};
    window.outcomes = [];
    (async () => {
      // One after the other, so the order of events is deterministic.
      for (const [name, path] of scenarios) {
        try {
          const response = await fetch(api + path);
          await response.text();
          window.outcomes.push({ name, ok: true, status: response.status, error: null });
        } catch (error) {
          window.outcomes.push({ name, ok: false, status: null, error: String(error) });
        }
      }
      document.title = ${JSON.stringify(DONE_TITLE)};
    })();
  `;
  return `<!doctype html><html><head><meta charset="utf-8"><title>running</title><link rel="icon" href="data:,"></head><body><h1>CORS Doctor e2e page</h1><script>${script}</script></body></html>`;
}
