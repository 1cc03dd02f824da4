// The two application servers of the lab, each one real app with every scenario mounted under its own prefix.
import express, { type NextFunction, type Request, type Response } from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LabOrigins, LabScenario } from '../scenario';

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

export function expressApp(scenarios: readonly LabScenario[], origins: LabOrigins): express.Express {
  const app = express();
  for (const s of scenarios) s.express?.(app, `/${s.id}`, origins);
  // Errors as an app reports them, as JSON: headers set before the error (such as cors()'s) stay on the response.
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error.status ?? 500).json({ error: error.message });
  });
  return app;
}

export async function fastifyApp(scenarios: readonly LabScenario[], origins: LabOrigins): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  for (const s of scenarios) s.fastify?.(app, `/${s.id}`, origins);
  await app.ready();
  return app;
}

/** Listens on 127.0.0.1 at `port` (0: any free port). */
export async function listen(handler: Parameters<typeof createServer>[1], port = 0): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { origin: originOf(server), close: () => closeServer(server) };
}

export async function listenFastify(app: FastifyInstance, port = 0): Promise<Listening> {
  await app.listen({ host: '127.0.0.1', port });
  return { origin: originOf(app.server), close: () => app.close() };
}

/** A port that was free a moment ago (for nginx, which must be given one, and for the "nothing listens" origin). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

function originOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
