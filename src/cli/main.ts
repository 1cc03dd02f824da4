// cors-doctor: diagnoses the CORS failures in HAR files with the same engine as the DevTools panel.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diagnose, HarInputError, parseHarText, type HarInput, type Report } from '../engine';
import { formatMarkdown } from './format-markdown';
import { formatText } from './format-text';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

/** V8's maximum string length: a larger file cannot be read into one string to parse. */
const MAX_FILE_BYTES = 512 * 1024 * 1024 - 64;

const USAGE = `Usage: cors-doctor diagnose <file.har>... [--format text|json|markdown] [--all] [--no-color]

Explains which cross-origin requests in a HAR capture the browser blocked, which CORS check failed, and why.

Options:
  --format <f>   text (default), json (the documented contract) or markdown (for bug reports)
  --all          list every request, not only cross-origin and failed ones
  --no-color     plain text even on a terminal (NO_COLOR is honoured too)
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 nothing blocked, 1 at least one request blocked by CORS, 2 usage or input error.`;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export function run(argv: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        all: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${__VERSION__}\n`);
    return EXIT_OK;
  }
  const [command, ...files] = positionals;
  if (command !== 'diagnose') {
    return usageError(io, command ? `unknown command "${command}"` : 'missing command');
  }
  if (files.length === 0) return usageError(io, 'diagnose needs at least one .har file');
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    return usageError(io, `unknown format "${format}" (use text, json or markdown)`);
  }

  const inputs: HarInput[] = [];
  for (const file of files) {
    const read = readHar(file);
    if (typeof read === 'string') {
      io.stderr(`cors-doctor: ${file}: ${read}\n`);
      return EXIT_USAGE;
    }
    inputs.push(read);
  }

  const report = diagnose(inputs, { version: __VERSION__, all: values.all });
  io.stdout(render(report, format, io.isTTY && !values['no-color'] && !io.env.NO_COLOR));
  return report.summary.blocked > 0 ? EXIT_BLOCKED : EXIT_OK;
}

function render(report: Report, format: 'text' | 'json' | 'markdown', color: boolean): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'markdown') return formatMarkdown(report);
  return formatText(report, color);
}

/** Reads and parses one HAR file; a string return is the one-line reason it cannot be used. */
function readHar(file: string): HarInput | string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return 'is a directory, not a .har file';
    size = stat.size;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no such file'
      : `cannot read: ${(error as Error).message}`;
  }
  if (size > MAX_FILE_BYTES) {
    return `is ${Math.round(size / 1024 / 1024)} MB, larger than the 512 MB a JavaScript string can hold; split the capture into smaller HAR files`;
  }
  try {
    return { file, har: parseHarText(readFileSync(file, 'utf8')) };
  } catch (error) {
    if (error instanceof HarInputError) return error.message;
    return `cannot read: ${(error as Error).message}`;
  }
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`cors-doctor: ${message}\nRun "cors-doctor --help" for usage.\n`);
  return EXIT_USAGE;
}
