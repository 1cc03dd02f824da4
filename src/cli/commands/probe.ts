import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diagnose, redactReport, type Header, type HarInput, type Report } from '../../engine';
import {
  DEFAULT_TIMEOUT_MS,
  parseHeaderLine,
  parseTimeout,
  readProbeConfig,
  withCookie,
  type ConfiguredProbe,
} from '../../probe/config';
import { prepareProbe, runProbe, type ProbeRun } from '../../probe/probe';
import { toRecord, type ProbeRecord } from '../../probe/record';
import { formatProbeMarkdown, formatProbeText } from '../format-probe';
import { printable } from '../../render/printable';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, usageError, type CliIO } from '../io';

export const PROBE_USAGE = `cors-doctor probe <url> --origin <origin> [--method <m>] [-H, --header "Name: value"]...
      [--content-type <type>] [--data <body>] [--credentials] [--preflight-only] [--timeout <ms>]
      [--format text|json|markdown] [--no-color] [--include-secrets]
  cors-doctor probe --config <probes.json> [--timeout <ms>] [--format text|json|markdown] [--no-color]
      [--include-secrets]

  Sends what a browser on <origin> would send for fetch(<url>) (the preflight, then the request, following
  redirects as a browser does), and diagnoses the responses with the same engine as diagnose.

  --origin <origin>       the page's origin, e.g. https://app.example
  --method <m>            the request method (default GET)
  -H, --header "Name: value"
                          a header the page sets (repeatable); Authorization goes on the real request only,
                          a Cookie header needs --credentials
  --content-type <type>   shorthand for --header "Content-Type: <type>"
  --data <body>           the request body (sent on the real request only)
  --credentials           fetch's credentials: "include": the Cookie goes on the real request, never on the
                          preflight, and the server must answer Access-Control-Allow-Credentials: true
  --preflight-only        send the preflight only
  --timeout <ms>          per request (default ${DEFAULT_TIMEOUT_MS})
  --config <file>         several probes in one run, with a summary table (README, "Probe a live API")
  --format <f>            text (default), json (the diagnose contract plus "probe") or markdown
  --no-color              plain text even on a terminal
  --include-secrets       show the Cookie and Authorization values sent (redacted by default)`;

export async function runProbeCommand(args: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        origin: { type: 'string' },
        method: { type: 'string' },
        header: { type: 'string', multiple: true, short: 'H' },
        'content-type': { type: 'string' },
        data: { type: 'string' },
        credentials: { type: 'boolean', default: false },
        'preflight-only': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'no-color': { type: 'boolean', default: false },
        'include-secrets': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    return usageError(io, `unknown format "${format}" (use text, json or markdown)`);
  }
  let timeout: number | null = null;
  if (values.timeout !== undefined) {
    timeout = parseTimeout(values.timeout);
    if (timeout === null)
      return usageError(io, `--timeout must be a whole number of milliseconds (1 to 600000), not "${values.timeout}"`);
  }

  let probes: ConfiguredProbe[];
  if (values.config !== undefined) {
    const single = ['origin', 'method', 'header', 'content-type', 'data', 'credentials', 'preflight-only'] as const;
    const clash = single.find((name) => values[name] !== undefined && values[name] !== false);
    if (positionals.length > 0 || clash) {
      return usageError(
        io,
        `--config takes the probes from the file: drop ${clash ? `--${clash}` : `"${positionals[0]}"`}`,
      );
    }
    const read = readConfig(values.config, io.env, timeout);
    if (typeof read === 'string') {
      io.stderr(`cors-doctor: ${values.config}: ${read}\n`);
      return EXIT_USAGE;
    }
    probes = read;
  } else {
    if (positionals.length !== 1) {
      return usageError(
        io,
        positionals.length === 0
          ? 'probe needs a URL (or --config <file>)'
          : 'probe takes one URL; use --config for several',
      );
    }
    if (values.origin === undefined)
      return usageError(io, 'probe needs --origin <origin>: the origin of the page that makes the request');
    const headers: Header[] = [];
    for (const line of values.header ?? []) {
      const header = parseHeaderLine(line);
      if (!header) return usageError(io, `--header "${line}" is not "Name: value"`);
      headers.push(header);
    }
    if (values['content-type'] !== undefined) {
      if (headers.some((h) => h.name.toLowerCase() === 'content-type')) {
        return usageError(io, 'give the Content-Type once: --content-type or --header "Content-Type: …"');
      }
      headers.push({ name: 'Content-Type', value: values['content-type'] });
    }
    probes = [
      {
        url: positionals[0] as string,
        origin: values.origin,
        method: values.method ?? 'GET',
        ...withCookie(headers, values.credentials),
        body: values.data ?? null,
        credentials: values.credentials,
        preflightOnly: values['preflight-only'],
        timeoutMs: timeout ?? DEFAULT_TIMEOUT_MS,
        expect: 'allowed',
        name: null,
      },
    ];
  }

  // Check every probe before sending anything.
  const prepared = [];
  for (const [i, probe] of probes.entries()) {
    const start = prepareProbe(probe);
    if ('errors' in start) {
      const where = probes.length > 1 ? `probe ${i + 1} (${probe.method} ${probe.url} from ${probe.origin}): ` : '';
      const hints = start.errors.map((e) => (/Cookie/.test(e) && !probe.credentials ? `${e} (add --credentials)` : e));
      return usageError(io, `${where}${hints.join('; ')}`);
    }
    prepared.push(start);
  }

  const runs: ProbeRun[] = [];
  for (const [i, probe] of probes.entries()) {
    runs.push(await runProbe(probe, prepared[i] as NonNullable<(typeof prepared)[number]>, { version: __VERSION__ }));
  }

  const inputs: HarInput[] = [];
  const inputOf = runs.map((run) => (run.steps.length > 0 ? inputs.push(run.input) - 1 : null));
  const secrets = values['include-secrets'];
  const diagnosed = diagnose(inputs, { version: __VERSION__, all: true });
  // Every format is an export: credentials are masked unless the user asked for them (as diagnose does).
  const report = secrets ? diagnosed : redactReport(diagnosed);
  const records: ProbeRecord[] = runs.map((run, i) => {
    const input = inputOf[i] ?? null;
    const exchange = input === null ? null : (report.exchanges.find((e) => e.input === input) ?? null);
    return toRecord(run, probes[i] as ConfiguredProbe, input, run.error ? null : exchange, secrets);
  });

  const single = values.config === undefined;
  const failure = single ? records[0]?.error : null;
  if (failure) {
    io.stderr(`cors-doctor: ${failure.method} ${printable(failure.url)}: ${printable(failure.message)}\n`);
    return EXIT_USAGE;
  }
  io.stdout(render(records, report, format, single, io.isTTY && !values['no-color'] && !io.env.NO_COLOR));
  if (records.some((r) => r.error)) return EXIT_USAGE;
  return records.every((r) => r.passed) ? EXIT_OK : EXIT_BLOCKED;
}

function render(
  records: ProbeRecord[],
  report: Report,
  format: 'text' | 'json' | 'markdown',
  single: boolean,
  color: boolean,
): string {
  if (format === 'json') {
    const output = single ? { ...report, probe: records[0] } : { ...report, probes: records };
    return JSON.stringify(output, null, 2) + '\n';
  }
  if (format === 'markdown') return formatProbeMarkdown(records, report);
  return formatProbeText(records, report, color);
}

function readConfig(
  file: string,
  env: Record<string, string | undefined>,
  timeout: number | null,
): ConfiguredProbe[] | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, not a JSON file'
        : `cannot read: ${(error as Error).message}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  const read = readProbeConfig(json, env, timeout);
  if (read.length > 0 && typeof read[0] === 'string') {
    const errors = read as string[];
    return errors.length === 1 ? (errors[0] as string) : `${errors.length} problems: ${errors.join('; ')}`;
  }
  return read as ConfiguredProbe[];
}
