// Two loopback servers for the panel benchmark (bench/panel.ts): a page, and an API on another origin that the page
// calls thousands of times. They listen on 127.0.0.1 only and close by themselves after `lifetimeMs`, even if the
// benchmark dies without closing them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServers {
  pageUrl: string;
  apiOrigin: string;
  close(): Promise<void>;
}

/**
 * The mix of each block of 20 requests the page makes, by request number: mostly allowed GETs, a preflighted PUT
 * (its own URL, so its preflight is never cached), CORS failures of two kinds, and an error response.
 */
const PAGE_SCRIPT = `
const API = document.body.dataset.api;
function call(i) {
  const k = i % 20;
  if (k === 7 || k === 17) {
    return fetch(API + '/items/' + i, { method: 'PUT', headers: { 'X-Token': 't' + i, 'Content-Type': 'application/json' }, body: '{}' });
  }
  if (k === 3) return fetch(API + '/private/' + i);      // no Access-Control-Allow-Origin: blocked
  if (k === 11) return fetch(API + '/elsewhere/' + i);   // another origin allowed: blocked
  if (k === 13) return fetch(API + '/broken/' + i);      // 500 with CORS headers: allowed, failed
  return fetch(API + '/data/' + i + '?page=' + (i % 50));
}
/** Makes requests [from, from + count) with at most \`parallel\` in flight; resolves with the time it took. */
window.makeRequests = async (from, count, parallel = 12) => {
  const started = performance.now();
  let next = from;
  const end = from + count;
  async function worker() {
    while (next < end) {
      const i = next++;
      // Reading the body, as a page does: until then the request has not finished loading, and DevTools reports
      // it to extensions only once it has.
      try { await (await call(i)).text(); } catch {}
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return performance.now() - started;
};
/** How many entries the capture gets for requests [from, from + count): one each, two for a preflighted PUT. */
window.entriesFor = (from, count) => {
  let n = 0;
  for (let i = from; i < from + count; i++) n += i % 20 === 7 || i % 20 === 17 ? 2 : 1;
  return n;
};
document.title = 'READY';
`;

export async function startBenchServers(lifetimeMs: number): Promise<BenchServers> {
  const servers: Server[] = [];
  const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> => {
    const server = createServer({ keepAliveTimeout: 60_000 }, handler);
    servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  let pageOrigin = '';
  const apiOrigin = await listen((req, res) => answerApi(req, res, pageOrigin));
  pageOrigin = await listen((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head>` +
        `<body data-api="${apiOrigin}"><script>${PAGE_SCRIPT}</script></body></html>`,
    );
  });
  const close = async () => {
    clearTimeout(timer);
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  };
  const timer = setTimeout(() => void close(), lifetimeMs);
  timer.unref();
  return { pageUrl: `${pageOrigin}/`, apiOrigin, close };
}

function answerApi(req: IncomingMessage, res: ServerResponse, pageOrigin: string): void {
  const path = req.url ?? '/';
  const allow = { 'Access-Control-Allow-Origin': pageOrigin, Vary: 'Origin' };
  const json = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  req.resume();
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...allow,
      'Access-Control-Allow-Methods': 'GET, PUT',
      'Access-Control-Allow-Headers': 'X-Token, Content-Type',
    });
    res.end();
    return;
  }
  if (path.startsWith('/private/')) {
    res.writeHead(200, json);
    res.end('{"secret":true}');
  } else if (path.startsWith('/elsewhere/')) {
    res.writeHead(200, { ...json, 'Access-Control-Allow-Origin': 'https://partner.example' });
    res.end('{}');
  } else if (path.startsWith('/broken/')) {
    res.writeHead(500, { ...json, ...allow });
    res.end('{"error":"boom"}');
  } else {
    res.writeHead(200, { ...json, ...allow });
    res.end('{"ok":true}');
  }
}
