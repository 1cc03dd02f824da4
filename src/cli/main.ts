// cors-doctor: diagnoses the CORS failures in HAR files with the same engine as the DevTools panel.
import { DIAGNOSE_USAGE, runDiagnose } from './commands/diagnose';
import { PROBE_USAGE, runProbeCommand } from './commands/probe';
import { EXIT_OK, usageError, type CliIO } from './io';

export { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, type CliIO } from './io';

/** A command's exit code; commands that touch the network answer asynchronously. */
export type ExitCode = number | Promise<number>;

const COMMANDS: Record<string, { usage: string; run: (args: readonly string[], io: CliIO) => ExitCode }> = {
  diagnose: { usage: DIAGNOSE_USAGE, run: runDiagnose },
  probe: { usage: PROBE_USAGE, run: runProbeCommand },
};

const USAGE = `Usage:
  ${Object.values(COMMANDS)
    .map((c) => c.usage)
    .join('\n\n  ')}

Options for every command:
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 nothing blocked, 1 at least one request blocked by CORS, 2 usage, input or network error.`;

/** Runs one command line. diagnose answers synchronously (a number); probe answers with a promise. */
export function run(argv: readonly string[], io: CliIO): ExitCode {
  const [command, ...rest] = argv;
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE + '\n');
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${__VERSION__}\n`);
    return EXIT_OK;
  }
  if (command === undefined) return usageError(io, 'missing command');
  const handler = COMMANDS[command];
  if (!handler)
    return usageError(io, command.startsWith('-') ? `Unknown option '${command}'` : `unknown command "${command}"`);
  return handler.run(rest, io);
}
