import { styleText } from 'node:util';
import type { ExchangeReport, Report } from '../engine';
import { printable } from '../render/printable';
import { fixesToShow } from '../render/stack-fixes';

type Style = Parameters<typeof styleText>[0];

/** Human-readable report for a terminal; colour only when `color` is set (a TTY that did not opt out). */
export function formatText(report: Report, color: boolean): string {
  let text = '';
  for (const chunk of textChunks(report, color)) text += chunk;
  return text;
}

/** formatText(report) in pieces (the inputs, then each exchange, then the summary), for a writer of big reports. */
export function* textChunks(report: Report, color: boolean): Generator<string> {
  const paint = painter(color);
  const lines: string[] = [];
  for (const input of report.inputs) {
    const producer = input.creator ?? 'unknown producer';
    const rules = input.browserRecognised
      ? `${label(input.browser)} rules`
      : `producer not recognised: ${label(input.browser)} rules`;
    lines.push(
      paint('bold', `${printable(input.file)}`) +
        paint('dim', `  ${input.entries} entries · ${printable(producer)} · ${rules}`),
    );
    for (const { entry, problem } of input.problems.slice(0, 5))
      lines.push(paint('yellow', `  ! entry ${entry}: ${printable(problem)}`));
    if (input.problems.length > 5)
      lines.push(
        paint('yellow', `  ! … and ${input.problems.length - 5} more problems (--format json lists them all)`),
      );
  }
  lines.push('');
  yield lines.join('\n') + '\n';
  for (const exchange of report.exchanges) {
    yield formatExchange(exchange, report.inputs.length > 1, paint).join('\n') + '\n';
  }
  const s = report.summary;
  yield (
    paint('bold', 'Summary: ') +
    `${s.exchanges} requests · ` +
    paint(s.blocked ? 'red' : 'green', `${s.blocked} blocked by CORS`) +
    ` · ${s.failedNotCors} failed for other reasons · ${s.allowed} allowed` +
    (s.unknown ? ` · ${s.unknown} undecided` : '') +
    '\n'
  );
}

/** One exchange as formatText prints it, for commands that print exchanges one at a time (probe). */
export function formatExchangeText(exchange: ExchangeReport, color: boolean): string[] {
  return formatExchange(exchange, false, painter(color));
}

export function painter(color: boolean): (style: Style, text: string) => string {
  // The caller decides about colour (TTY, --no-color, NO_COLOR); styleText must not second-guess it.
  return (style, text) => (color ? styleText(style, text, { validateStream: false }) : text);
}

const BADGES: Record<ExchangeReport['outcome'], [string, Style]> = {
  allowed: ['✓ ALLOWED', 'green'],
  blocked: ['✗ BLOCKED', 'red'],
  'failed-not-cors': ['✗ FAILED ', 'yellow'],
  unknown: ['? UNKNOWN', 'magenta'],
};

function formatExchange(e: ExchangeReport, showInput: boolean, paint: (s: Style, t: string) => string): string[] {
  const [badge, style] = BADGES[e.outcome];
  const statuses = e.hops.map(hopStatus).join(' → ');
  const head = `${paint(style, badge)}  ${e.method} ${printable(e.url)}  ${paint('dim', `(${statuses}${showInput ? `, input ${e.input}` : ''})`)}`;
  if (e.outcome === 'allowed' && e.diagnoses.length === 0) return [head];
  const out = [head];
  const cause = e.browserError ?? e.netError;
  if (cause) out.push(`    ${paint('bold', cause)}${e.failedParameter ? ` (${printable(e.failedParameter)})` : ''}`);
  for (const d of e.diagnoses) {
    const mark =
      d.severity === 'error' ? paint('red', '●') : d.severity === 'warning' ? paint('yellow', '▲') : paint('cyan', 'ℹ');
    const kind = d.kind === 'root-cause' ? paint('magenta', 'root cause: ') : '';
    out.push(`    ${mark} ${kind}${paint('bold', d.title)} ${paint('dim', `[${d.rule}]`)}`);
    out.push(`      ${printable(d.message)}`);
    for (const fix of d.fixes) out.push(`      ${paint('green', 'fix:')} ${printable(fix)}`);
  }
  for (const fix of fixesToShow(e).shown.filter((f) => f.detected)) {
    out.push(`    ${paint('green', `fix for ${fix.label}:`)} ${printable(fix.summary)}`);
  }
  if (e.outcome !== 'allowed') {
    for (const command of [e.curl.preflight, e.curl.request]) {
      if (command) out.push(`    ${paint('dim', `$ ${printable(command)}`)}`);
    }
  }
  if (e.credentials === 'unknown' && e.alternatives)
    out.push(`    ${paint('dim', `credentials: ${e.credentialsEvidence}`)}`);
  if (e.deviation) out.push(`    ${paint('dim', `browsers differ: ${printable(e.deviation)}`)}`);
  if (e.console.chromium) out.push(`    ${paint('dim', `Chrome console:  ${printable(e.console.chromium)}`)}`);
  if (e.console.firefox) out.push(`    ${paint('dim', `Firefox console: ${printable(e.console.firefox)}`)}`);
  return out;
}

/** "preflight 204 → 200", "preflight 404 → not sent", "0 no response". */
function hopStatus(hop: ExchangeReport['hops'][number]): string {
  const preflight = hop.preflightStatus === null ? '' : `preflight ${hop.preflightStatus || 'no response'} → `;
  const real =
    hop.status === null
      ? 'not in capture'
      : hop.status === 0
        ? hop.preflightStatus !== null
          ? 'not sent'
          : 'no response'
        : String(hop.status);
  return preflight + real;
}

function label(browser: string): string {
  return browser === 'firefox' ? 'Firefox' : 'Chromium';
}
