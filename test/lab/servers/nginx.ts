// Debian's nginx, started by the lab with its own config in a temp dir: one server block whose locations are the
// scenarios' `nginx` blocks. One process (master_process off), wrapped in `timeout` so it stops by itself even if
// the lab's Node process is killed before it can stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';

export interface NginxServer {
  origin: string;
  config: string;
  stop(): Promise<void>;
}

export function nginxInstalled(): boolean {
  return existsSync(NGINX);
}

export function nginxConfig(dir: string, port: number, locations: readonly string[]): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  return `daemon off;
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  proxy_http_version 1.1;
  server {
    listen 127.0.0.1:${port};
    server_name lab;
${locations.map((block) => `    ${block}`).join('\n')}
    location / { return 404; }
  }
}
`;
}

/** Starts nginx on `port`; resolves once it accepts connections. `lifetimeSeconds` bounds how long it may run. */
export async function startNginx(
  port: number,
  locations: readonly string[],
  lifetimeSeconds: number,
): Promise<NginxServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lab-nginx-'));
  const config = nginxConfig(dir, port, locations);
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, config);
  const args = [
    '--kill-after=5',
    String(lifetimeSeconds),
    NGINX,
    '-p',
    dir,
    '-c',
    configFile,
    '-e',
    join(dir, 'error.log'),
  ];
  // Its own process group (timeout and nginx), so a signal reaches both.
  const child = spawn('timeout', args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killOnExit = () => signal(child, 'SIGTERM');
  process.once('exit', killOnExit);
  const cleanUp = () => {
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => `${stderr}${readLog(dir)}`);
  } catch (error) {
    await stop(child);
    cleanUp();
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    config,
    stop: async () => {
      await stop(child);
      cleanUp();
    },
  };
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'error.log'), 'utf8');
  } catch {
    return '';
  }
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output()}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 10 s: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGTERM (nginx's fast shutdown), SIGKILL after 5 s; to the whole group, so nginx goes with `timeout`. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => signal(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}
