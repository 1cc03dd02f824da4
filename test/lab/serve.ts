// `npm run lab`: the lab's servers alone, for your own browser with the extension loaded. Also what the demo starts.
import { startLab, type Lab } from './lab';

/** The lab page prefers this port, so its address stays the same between runs; any free port if it is taken. */
export const PREFERRED_PORT = 8790;

/** Starts the lab for a person (not a test): a stable port when possible, nginx's scenarios only if it is installed. */
export async function startLabForPeople(): Promise<Lab> {
  const start = (pagePort: number) => startLab({ requireNginx: false, pagePort, lifetimeSeconds: 8 * 3600 });
  const lab = await start(PREFERRED_PORT).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return start(0);
  });
  if (lab.missing) console.warn(`lab: ${lab.missing}.`);
  return lab;
}

/** Runs `stop` once on Ctrl+C or SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

async function main(): Promise<void> {
  const lab = await startLabForPeople();
  const { origins } = lab;
  console.log(
    [
      `CORS lab: ${lab.pageUrl} (${lab.scenarios.length} scenarios)`,
      `  Express + cors:          ${origins.express}`,
      `  Fastify + @fastify/cors: ${origins.fastify}`,
      `  nginx:                   ${lab.missing ? 'not installed' : origins.nginx}`,
      '',
      'Open the page in a browser with CORS Doctor loaded (dist/chrome or dist/firefox), open DevTools on the CORS',
      'panel, and fire the scenarios. Ctrl+C stops the lab.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => stopOnSignals(async () => resolve()));
  await lab.close();
}

// Run as a script (dist/lab/serve.js), not when the demo imports it.
if (process.argv[1]?.endsWith('serve.js')) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`lab: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
