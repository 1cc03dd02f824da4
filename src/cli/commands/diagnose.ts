import { parseArgs } from 'node:util';
import { diagnose, diagnoseEach, redactReport, redactStream, type HarInput } from '../../engine';
import { markdownChunks } from '../../render/markdown';
import { textChunks } from '../format-text';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, usageError, type CliIO } from '../io';
import { readHar, streamThreshold } from '../read-har';
import { writeJson } from '../write-json';
import { writeInBatches } from '../write-text';

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

  const options = { version: __VERSION__, all: values.all };
  const includeSecrets = values['include-secrets'];
  if (format === 'json') {
    // Each exchange is diagnosed, masked and written in turn: a big capture's report is never held whole.
    const report = diagnoseEach(inputs, options);
    inputs.length = 0;
    const summary = writeJson(includeSecrets ? report : redactStream(report), io.stdout);
    return summary.blocked > 0 ? EXIT_BLOCKED : EXIT_OK;
  }
  // Text and Markdown lead with the summary and the list of every exchange: the report is needed whole first.
  // Every format is an export: credentials are masked unless the user asked for them.
  const diagnosed = diagnose(inputs, options);
  inputs.length = 0;
  const shown = includeSecrets ? diagnosed : redactReport(diagnosed);
  const color = io.isTTY && !values['no-color'] && !io.env.NO_COLOR;
  writeInBatches(format === 'markdown' ? markdownChunks(shown) : textChunks(shown, color), io.stdout);
  return shown.summary.blocked > 0 ? EXIT_BLOCKED : EXIT_OK;
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
