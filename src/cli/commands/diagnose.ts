import { parseArgs } from 'node:util';
import { diagnose, redactReport, type HarInput, type Report } from '../../engine';
import { formatMarkdown } from '../../render/markdown';
import { formatText } from '../format-text';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, usageError, type CliIO } from '../io';
import { readHar, streamThreshold } from '../read-har';
import { writeJson } from '../write-json';

export const DIAGNOSE_USAGE = `cors-doctor diagnose <file.har>... [--format text|json|markdown] [--all] [--no-color] [--include-secrets]

  Explains which cross-origin requests in HAR captures the browser blocked, which CORS check failed, and why.

  --format <f>   text (default), json (the documented contract) or markdown (for bug reports)
  --all          list every request, not only cross-origin and failed ones
  --no-color     plain text even on a terminal (NO_COLOR is honoured too)
  --include-secrets
                 show cookies, Authorization, API keys and token-like URL parameters as captured
                 (by default they are redacted, keeping only their presence and length)`;

export function runDiagnose(args: readonly string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        all: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        'include-secrets': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals: files } = parsed;
  if (files.length === 0) return usageError(io, 'diagnose needs at least one .har file');
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    return usageError(io, `unknown format "${format}" (use text, json or markdown)`);
  }

  const inputs = readInputs(files, io);
  if (!inputs) return EXIT_USAGE;

  const shown = reportToShow(inputs, values.all, values['include-secrets']);
  if (format === 'json') writeJson(shown, io.stdout);
  else io.stdout(render(shown, format, io.isTTY && !values['no-color'] && !io.env.NO_COLOR));
  return shown.summary.blocked > 0 ? EXIT_BLOCKED : EXIT_OK;
}

/**
 * The report to write. Every format is an export: credentials are masked unless the user asked for them. A big
 * capture's report takes hundreds of MB, so neither the captures nor the unmasked report outlive their use.
 */
function reportToShow(inputs: HarInput[], all: boolean, includeSecrets: boolean): Report {
  const report = diagnose(inputs, { version: __VERSION__, all });
  inputs.length = 0;
  return includeSecrets ? report : redactReport(report);
}

/** Reads every file, or says which one cannot be read (null). */
function readInputs(files: readonly string[], io: CliIO): HarInput[] | null {
  const inputs: HarInput[] = [];
  for (const file of files) {
    const read = readHar(file, { streamAboveBytes: streamThreshold(io.env) });
    if (typeof read === 'string') {
      io.stderr(`cors-doctor: ${file}: ${read}\n`);
      return null;
    }
    inputs.push(read);
  }
  return inputs;
}

function render(report: Report, format: 'text' | 'markdown', color: boolean): string {
  if (format === 'markdown') return formatMarkdown(report);
  return formatText(report, color);
}
