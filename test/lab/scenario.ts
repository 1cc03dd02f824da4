// The shape of a lab scenario: a real server set-up (Express + cors, Fastify + @fastify/cors, nginx in front of them),
// misconfigured the way production apps break or configured correctly, and the requests a page makes against it.
import type { Express } from 'express';
import type { FastifyInstance } from 'fastify';

export type LabServer = 'express' | 'fastify' | 'nginx' | 'closed';

/** The lab's origins, fixed once the servers listen. Pages and APIs are all on 127.0.0.1: one site, many origins. */
export interface LabOrigins {
  /** The lab page: the index, and the page every scenario's requests come from. */
  page: string;
  /** Another origin of the same site, for the page's iframe (the cache scenarios) and redirects. */
  alt: string;
  express: string;
  fastify: string;
  nginx: string;
  /** A port nothing listens on. */
  closed: string;
  /** Port of the page origin, to write `localhost` look-alikes of it. */
  pagePort: number;
}

/** One fetch() of the page, in order. Runs in the browser, so plain data only. */
export interface LabRequest {
  server: LabServer;
  /** Under the scenario's own prefix (`/<id>`), e.g. "/res". */
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  credentials?: RequestCredentials;
  mode?: RequestMode;
  /** Who calls: the lab page, or an iframe of the other origin of the same site (`alt`). */
  from?: 'page' | 'alt';
}

export type Stack = 'Express + cors' | 'Fastify + @fastify/cors' | 'nginx' | 'none';

export interface Expectation {
  /** How the browser treats the scenario's last request: the lab page shows it, the conformance runner checks it. */
  outcome: 'allowed' | 'blocked' | 'failed-not-cors';
  /** The rule the engine must name for the last request (root cause, failed check or advice); null: none expected. */
  rule: string | null;
  /** Where one browser differs, as measured by the conformance runner. */
  chromium?: BrowserDifference;
  firefox?: BrowserDifference;
}

export interface BrowserDifference {
  outcome?: Expectation['outcome'];
  /** The rule to expect there instead (null: none). */
  rule?: string | null;
  why: string;
}

export interface LabScenario {
  /** Kebab-case; also the path prefix of every request of the scenario, so a URL tells its scenario. */
  id: string;
  stack: Stack;
  title: string;
  /** One sentence on what is wrong (or why it works), for the index page and the report. */
  problem: string;
  requests: readonly LabRequest[];
  expect: Expectation;
  /** Mounts the scenario's routes on the Express app, under `/<id>`. */
  express?: (app: Express, prefix: string, origins: LabOrigins) => void;
  /** Registers the scenario's routes on the Fastify app, under `/<id>`. */
  fastify?: (app: FastifyInstance, prefix: string, origins: LabOrigins) => void;
  /** nginx `location` blocks for the scenario, under `/<id>`. */
  nginx?: (prefix: string, origins: LabOrigins) => string;
}

export const JSON_PUT = {
  method: 'PUT',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer lab-token' },
  body: '{"name":"CORS Doctor"}',
} as const;
