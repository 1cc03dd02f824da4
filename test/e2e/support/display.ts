// A display for the headful browsers: the caller's $DISPLAY if set, otherwise a private Xvfb on a free display number.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const XVFB = '/usr/bin/Xvfb';

export interface Display {
  /** The value for $DISPLAY, e.g. ":93". */
  display: string;
  stop(): Promise<void>;
}

export async function ensureDisplay(): Promise<Display> {
  const existing = process.env.DISPLAY;
  if (existing) return { display: existing, stop: async () => {} };
  if (!existsSync(XVFB)) throw new Error(`No $DISPLAY and ${XVFB} is missing: apt-get install -y xvfb xauth`);

  // -displayfd makes Xvfb pick a free display number itself and write it to fd 3 once it accepts connections.
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  // If this process dies without running afterAll (e.g. killed), do not leave the X server behind.
  const killOnExit = () => xvfb.kill('SIGKILL');
  process.once('exit', killOnExit);
  xvfb.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  xvfb.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const number = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 10 s: ${stderr}`)), 10_000);
      const fd3 = xvfb.stdio[3] as NodeJS.ReadableStream;
      fd3.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(out.trim());
        }
      });
      xvfb.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Xvfb exited with ${code}: ${stderr}`));
      });
    });
    return { display: `:${number}`, stop: () => stopProcess(xvfb) };
  } catch (error) {
    await stopProcess(xvfb);
    throw error;
  }
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
