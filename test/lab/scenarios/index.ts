// Every lab scenario, in the order the index page lists them and the conformance runner fires them.
import type { LabScenario } from '../scenario';
import { EXPRESS_SCENARIOS } from './express';
import { FASTIFY_SCENARIOS } from './fastify';
import { NETWORK_SCENARIOS, NGINX_SCENARIOS } from './nginx';

export const LAB_SCENARIOS: readonly LabScenario[] = [
  ...EXPRESS_SCENARIOS,
  ...FASTIFY_SCENARIOS,
  ...NGINX_SCENARIOS,
  ...NETWORK_SCENARIOS,
];

/** The scenario a request URL belongs to: its first path segment is the scenario's id. */
export function scenarioOfUrl(url: string): LabScenario | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const id = path.split('/')[1];
  return LAB_SCENARIOS.find((s) => s.id === id);
}
