// Entry point of the built CLI (dist/cli/main.js): wires run() to the process, and keeps stack traces out of
// users' terminals.
import { run } from './main';

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  });
} catch (error) {
  process.stderr.write(`cors-doctor: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.CORS_DOCTOR_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 2;
}
