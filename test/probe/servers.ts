// Real servers for the probe tests: Express + cors and Fastify + @fastify/cors on 127.0.0.1 random ports, each
// recording what it received, so tests can assert on what the server saw as well as on the verdict.
import cors from '@fastify/cors';
import expressCors from 'cors';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { afterAll } from 'vitest';
import { run } from '../../src/cli/main';

/** The page origin the probes run as: a dev server on localhost calling an API on 127.0.0.1. */
export const ORIGIN = 'http://localhost:5173';

export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface Running {
  url: string;
  seen: Seen[];
  close: () => Promise<void>;
}

export async function listenExpress(app: express.Express, seen: Seen[]): Promise<Running> {
  const server: HttpServer = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An Express app whose first middleware records every request. */
export function recordingExpress(): { app: express.Express; seen: Seen[] } {
  const app = express();
  const seen: Seen[] = [];
  app.use((req, _res, next) => {
    seen.push({ method: req.method, path: req.originalUrl, headers: { ...req.headers } });
    next();
  });
  return { app, seen };
}

/** A Fastify app whose first hook records every request. */
export function recordingFastify(): { app: FastifyInstance; seen: Seen[] } {
  const app = Fastify({ logger: false });
  const seen: Seen[] = [];
  app.addHook('onRequest', async (req) => {
    seen.push({ method: req.method, path: req.url, headers: { ...req.headers } });
  });
  return { app, seen };
}

export async function listenFastify(app: FastifyInstance, seen: Seen[]): Promise<Running> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => app.close() };
}

export interface ServerPool {
  /** A recording Express app on 127.0.0.1: `setUp` adds its middleware and routes. */
  express(setUp: (app: express.Express) => void): Promise<Running>;
  /** A recording Fastify app on 127.0.0.1: `setUp` registers its plugins and routes. */
  fastify(setUp: (app: FastifyInstance) => Promise<void> | void): Promise<Running>;
}

/**
 * Servers that stop by themselves: call it at the top level of a test file (or of a describe), then start servers
 * through it, in beforeAll; each one is closed after that file's (describe's) tests, even if a later one failed to
 * start.
 */
export function serverPool(): ServerPool {
  const running: Running[] = [];
  afterAll(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  const started = (server: Running) => (running.push(server), server);
  return {
    async express(setUp) {
      const { app, seen } = recordingExpress();
      setUp(app);
      return started(await listenExpress(app, seen));
    },
    async fastify(setUp) {
      const { app, seen } = recordingFastify();
      await setUp(app);
      return started(await listenFastify(app, seen));
    },
  };
}

/** A TCP server that accepts connections and never answers. */
export async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The CLI in-process, with a fake CliIO. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env,
  });
  return { code, stdout, stderr };
}

export { cors, expressCors, express };
