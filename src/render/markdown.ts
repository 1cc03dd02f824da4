import type { DiagnosisReport, ExchangeReport, Report } from '../engine';
import { printable } from './printable';
import { fixesToShow } from './stack-fixes';

/** Markdown that pastes cleanly into GitHub or Jira: a summary table, then an expert's answer per problem. */
export function formatMarkdown(report: Report): string {
  let text = '';
  for (const chunk of markdownChunks(report)) text += chunk;
  return text;
}

/**
 * formatMarkdown(report) in pieces (the head, then a table row or a section per exchange), for a writer that must
 * not hold a big report's text as one string.
 */
export function* markdownChunks(report: Report): Generator<string> {
  const s = report.summary;
  yield lines([
    '# CORS Doctor report',
    '',
    `${s.exchanges} requests: **${s.blocked} blocked by CORS**, ${s.failedNotCors} failed for other reasons, ${s.allowed} allowed${s.unknown ? `, ${s.unknown} undecided` : ''}.`,
    '',
    '| Input | Entries | Producer | Rules applied |',
    '| --- | --- | --- | --- |',
    ...report.inputs.map((i) => `| ${cell(i.file)} | ${i.entries} | ${cell(i.creator ?? 'unknown')} | ${i.browser} |`),
    ...report.inputs.flatMap(inputProblems),
    '',
    '| Result | Method | URL | Browser error | Root cause |',
    '| --- | --- | --- | --- | --- |',
  ]);
  for (const e of report.exchanges) {
    yield `| ${e.outcome} | ${e.method} | ${cell(e.url)} | ${e.browserError ?? e.netError ?? ''} | ${cell(rootCause(e)?.title ?? '')} |\n`;
  }
  for (const e of report.exchanges) {
    if (e.outcome === 'allowed' && e.diagnoses.every((d) => d.severity === 'info')) continue;
    yield lines(['', ...section(e)]);
  }
}

/** Each line followed by a newline. */
function lines(text: readonly string[]): string {
  return text.join('\n') + '\n';
}

/** Entries left out or read with defaults: the report covers the rest of the capture, and says so. */
function inputProblems(input: Report['inputs'][number]): string[] {
  if (input.problems.length === 0) return [];
  const shown = input.problems.slice(0, 5).map((p) => `- entry ${p.entry}: ${escape(p.problem)}`);
  const more = input.problems.length - shown.length;
  return [
    '',
    `${cell(input.file)}: ${input.problems.length} problems in the capture; the report covers what could be read.`,
    '',
    ...shown,
    ...(more > 0 ? [`- … and ${more} more (the JSON output lists them all)`] : []),
  ];
}

const HEADINGS: Record<ExchangeReport['outcome'], string> = {
  allowed: 'Allowed, with warnings',
  blocked: 'Blocked',
  'failed-not-cors': 'Failed (not CORS)',
  unknown: 'Undecided',
};

function rootCause(e: ExchangeReport): DiagnosisReport | undefined {
  return e.diagnoses.find((d) => d.kind === 'root-cause') ?? e.diagnoses.find((d) => d.kind === 'check');
}

function section(e: ExchangeReport): string[] {
  const lines = [`## ${HEADINGS[e.outcome]}: ${e.method} ${inline(e.url)}`, ''];
  const cause = rootCause(e);
  if (cause)
    lines.push(
      `**${cause.kind === 'root-cause' ? 'Root cause' : 'Cause'}: ${escape(cause.title)}.** ${escape(cause.message)}`,
      '',
    );

  lines.push(
    `- Page origin: ${inline(e.origin ?? 'unknown')} → API: ${inline(safeOrigin(e.url))}`,
    `- Browser error: ${e.browserError || e.netError ? `\`${e.browserError ?? e.netError}\`` : 'none'}${e.failedParameter ? ` (${inline(e.failedParameter)})` : ''}${e.stage ? `, at the ${e.stage}` : ''}`,
    `- Preflight: ${e.preflight}${e.preflightReasons.length ? ` (${e.preflightReasons.map(inline).join('; ')})` : ''}`,
    `- Credentials: ${e.credentials} (${escape(e.credentialsEvidence)})`,
  );
  if (e.stacks.length) lines.push(`- Server: ${e.stacks.map((s) => `${s.stack} (${inline(s.evidence)})`).join(', ')}`);

  const evidence = e.diagnoses.flatMap((d) => d.evidence.map((ev) => ({ d, ev })));
  if (evidence.length) {
    lines.push(
      '',
      '**Evidence**',
      '',
      '| Entry | Where | Header | Actual | Expected |',
      '| --- | --- | --- | --- | --- |',
    );
    const seen = new Set<string>();
    for (const { ev } of evidence) {
      const row = `| ${ev.entry} (${ev.role}) | ${ev.location} | ${cell(ev.name ?? '')} | ${cell(ev.actual ?? '(absent)')} | ${cell(ev.expected ?? '')} |`;
      if (!seen.has(row)) lines.push(row);
      seen.add(row);
    }
  }

  for (const d of e.diagnoses) {
    if (d === cause) continue;
    lines.push('', `**${escape(d.title)}** (\`${d.rule}\`, ${d.severity}): ${escape(d.message)}`);
  }

  const fixes = [...new Set(e.diagnoses.filter((d) => d.severity !== 'info').flatMap((d) => d.fixes))];
  if (fixes.length) lines.push('', '**Fix**', '', ...fixes.map((f) => `- ${escape(f)}`));
  const { shown, note } = fixesToShow(e);
  for (const fix of shown) {
    lines.push(
      '',
      `${escape(fix.label)}${fix.detected ? ' (detected)' : ''}: ${escape(fix.summary)}`,
      '',
      fence(fix.language, fix.code),
    );
  }
  if (note) lines.push('', `_${escape(note)}_`);

  const curl = [e.curl.preflight, e.curl.request].filter((c): c is string => c !== null);
  if (curl.length) lines.push('', '**Reproduce**', '', fence('sh', curl.join('\n')));

  const consoles = [
    e.console.chromium && `Chrome:  ${e.console.chromium}`,
    e.console.firefox && `Firefox: ${e.console.firefox}`,
  ].filter((line): line is string => Boolean(line));
  if (consoles.length) lines.push('', '**What the browser console says**', '', fence('text', consoles.join('\n')));
  if (e.deviation) lines.push('', `_Browsers differ:_ ${escape(e.deviation)}`);
  lines.push('', `Rule docs: ${[...new Set(e.diagnoses.map((d) => `\`${d.docs}\``))].join(', ')}`);
  return lines;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fence(language: string, body: string): string {
  const clean = printable(body);
  const longest = Math.max(2, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${clean}\n${marks}`;
}

/** Captured text inside a table cell: no pipes or newlines, and Markdown characters neutralised. */
function cell(value: string): string {
  return escape(value).replace(/\|/g, '\\|');
}

/** A value as inline code, with a fence longer than any backtick run inside it. */
function inline(value: string): string {
  const clean = printable(value);
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean}${marks}`;
}

/** Escapes text so HTML tags and Markdown syntax from captured values render as text. */
function escape(value: string): string {
  return printable(value)
    .replace(/[\\*_[\]<>#|]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}
