// Entry point of the built CLI (dist/cli/main.js): wires run() to the process, and keeps stack traces out of
// users' terminals.
import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { run } from './main';

/**
 * Output redirected to a file (or /dev/null) is written with writeSync, which encodes the text in C++: process.stdout.write
 * makes a Buffer of it first, a quarter of the time of writing a big report. Terminals and pipes keep Node's stream.
 */
function stdoutWriter(): (text: string) => void {
  let toFile = false;
  try {
    const stat = fstatSync(1);
    toFile = stat.isFile() || (stat.isCharacterDevice() && !isatty(1));
  } catch {
    // no stdout to inspect: keep the stream
  }
  return toFile ? (text) => void writeSync(1, text) : (text) => void process.stdout.write(text);
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: stdoutWriter(),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  });
} catch (error) {
  process.stderr.write(`cors-doctor: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.CORS_DOCTOR_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 2;
}
