/** The process seams the CLI writes through: real streams in bin.ts, strings in tests. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
/** diagnose/probe: at least one request blocked by CORS. */
export const EXIT_BLOCKED = 1;
/** Usage, input or network error. */
export const EXIT_USAGE = 2;

export function usageError(io: CliIO, message: string): number {
  io.stderr(`cors-doctor: ${message}\nRun "cors-doctor --help" for usage.\n`);
  return EXIT_USAGE;
}
