// Starts the whole lab on 127.0.0.1: the page (two origins of one site), the Express app, the Fastify app and nginx
// in front of them, every scenario mounted. Used by the conformance runner, `npm run demo` and `npm run lab`.
import { LAB_SCENARIOS } from './scenarios';
import type { LabOrigins, LabScenario } from './scenario';
import { expressApp, fastifyApp, freePort, listen, listenFastify, type Listening } from './servers/apps';
import { NGINX, nginxInstalled, startNginx } from './servers/nginx';
import { pageHandler } from './servers/page';

export interface Lab {
  origins: LabOrigins;
  pageUrl: string;
  /** The scenarios this lab serves (without nginx's when nginx is missing and was optional). */
  scenarios: readonly LabScenario[];
  /** Why some scenarios are left out, or null. */
  missing: string | null;
  close(): Promise<void>;
}

export interface LabOptions {
  /** Fail when nginx is not installed (CI), rather than leave its scenarios out with a warning. */
  requireNginx: boolean;
  /** The page's port (0: any free port). */
  pagePort?: number;
  /** How long nginx may run before it stops by itself. */
  lifetimeSeconds?: number;
}

export async function startLab({ requireNginx, pagePort = 0, lifetimeSeconds = 3_600 }: LabOptions): Promise<Lab> {
  let missing: string | null = null;
  if (!nginxInstalled()) {
    missing = `${NGINX} is not installed (apt-get install -y nginx): its scenarios are left out`;
    if (requireNginx) throw new Error(missing);
  }
  const scenarios = missing ? LAB_SCENARIOS.filter((s) => !s.nginx) : LAB_SCENARIOS;
  const running: Listening[] = [];
  const stops: (() => Promise<void>)[] = [];
  try {
    // Origins first (the apps' routes need them), then the apps on those very ports.
    const known: { origins?: LabOrigins } = {};
    const current = () => {
      if (!known.origins) throw new Error('the lab is still starting');
      return known.origins;
    };
    const page = await listen(
      pageHandler(scenarios, current, (s) => setUpText(s, current())),
      pagePort,
    );
    running.push(page);
    const alt = await listen(pageHandler(scenarios, current, () => ''));
    running.push(alt);
    const { express: expressPort, fastify: fastifyPort, nginx: nginxPort, closed: closedPort } = await freePorts();
    const at = (port: number) => `http://127.0.0.1:${port}`;
    const origins: LabOrigins = {
      page: page.origin,
      alt: alt.origin,
      express: at(expressPort),
      fastify: at(fastifyPort),
      nginx: at(nginxPort),
      closed: at(closedPort),
      pagePort: Number(new URL(page.origin).port),
    };
    known.origins = origins;
    running.push(await listen(expressApp(scenarios, origins), expressPort));
    running.push(await listenFastify(await fastifyApp(scenarios, origins), fastifyPort));
    if (!missing) {
      const locations = scenarios.flatMap((s) => (s.nginx ? [s.nginx(`/${s.id}`, origins)] : []));
      const nginx = await startNginx(nginxPort, locations, lifetimeSeconds);
      stops.push(nginx.stop);
    }
    return {
      origins,
      pageUrl: `${origins.page}/`,
      scenarios,
      missing,
      close: async () => {
        await Promise.all([...running.map((r) => r.close()), ...stops.map((stop) => stop())]);
      },
    };
  } catch (error) {
    await Promise.all([...running.map((r) => r.close()), ...stops.map((stop) => stop())]);
    throw error;
  }
}

/** Four distinct free ports: the apps', nginx's, and one that stays closed. */
async function freePorts(): Promise<Record<'express' | 'fastify' | 'nginx' | 'closed', number>> {
  const ports = new Set<number>();
  while (ports.size < 4) ports.add(await freePort());
  const [express = 0, fastify = 0, nginx = 0, closed = 0] = ports;
  return { express, fastify, nginx, closed };
}

/** The scenario's server set-up as a learner reads it: the app code and the nginx block. */
function setUpText(scenario: LabScenario, origins: LabOrigins): string {
  const parts: string[] = [];
  if (scenario.nginx) parts.push(`# nginx\n${scenario.nginx(`/${scenario.id}`, origins)}`);
  if (scenario.express) parts.push(`// Express\n${scenario.express.toString()}`);
  if (scenario.fastify) parts.push(`// Fastify\n${scenario.fastify.toString()}`);
  return parts.join('\n\n') || 'No server: nothing listens on the port.';
}
