import type { ExchangeReport, Report } from '../engine';
import { printable } from './sanitize';

/** Markdown that pastes cleanly into GitHub or Jira: one section per request that did not simply pass. */
export function formatMarkdown(report: Report): string {
  const s = report.summary;
  const out: string[] = [
    '# CORS Doctor report',
    '',
    `${s.exchanges} requests: **${s.blocked} blocked by CORS**, ${s.failedNotCors} failed for other reasons, ${s.allowed} allowed${s.unknown ? `, ${s.unknown} undecided` : ''}.`,
    '',
    '| Input | Entries | Producer | Rules applied |',
    '| --- | --- | --- | --- |',
    ...report.inputs.map((i) => `| ${cell(i.file)} | ${i.entries} | ${cell(i.creator ?? 'unknown')} | ${i.browser} |`),
    '',
    '| Result | Method | URL | Browser error |',
    '| --- | --- | --- | --- |',
    ...report.exchanges.map(
      (e) => `| ${e.outcome} | ${e.method} | ${cell(e.url)} | ${e.browserError ?? e.netError ?? ''} |`,
    ),
  ];
  for (const e of report.exchanges) {
    if (e.outcome === 'allowed' && e.diagnoses.every((d) => d.severity === 'info')) continue;
    out.push('', ...section(e));
  }
  return out.join('\n') + '\n';
}

function section(e: ExchangeReport): string[] {
  const lines = [
    `## ${e.outcome === 'allowed' ? 'Allowed' : e.outcome === 'blocked' ? 'Blocked' : e.outcome === 'failed-not-cors' ? 'Failed (not CORS)' : 'Undecided'}: ${e.method} ${inline(e.url)}`,
    '',
    `- Page origin: ${inline(e.origin ?? 'unknown')}`,
    `- Preflight: ${e.preflight}${e.preflightReasons.length ? ` (${e.preflightReasons.map(inline).join('; ')})` : ''}`,
    `- Credentials: ${e.credentials} (${escape(e.credentialsEvidence)})`,
  ];
  if (e.browserError || e.netError) {
    lines.push(
      `- Browser error: \`${e.browserError ?? e.netError}\`${e.failedParameter ? ` (${inline(e.failedParameter)})` : ''}`,
    );
  }
  for (const d of e.diagnoses) {
    lines.push('', `### ${escape(d.title)} (\`${d.rule}\`, ${d.severity})`, '', escape(d.message));
    if (d.fixes.length) lines.push('', '**Fix:**', ...d.fixes.map((f) => `- ${escape(f)}`));
  }
  const consoles = [
    e.console.chromium && `Chrome:  ${e.console.chromium}`,
    e.console.firefox && `Firefox: ${e.console.firefox}`,
  ].filter((line): line is string => Boolean(line));
  if (consoles.length) lines.push('', 'Browser console:', '', '```text', ...consoles.map(printable), '```');
  if (e.deviation) lines.push('', `_Browsers differ:_ ${escape(e.deviation)}`);
  return lines;
}

/** Captured text inside a table cell: no pipes or newlines, and Markdown characters neutralised. */
function cell(value: string): string {
  return escape(value).replace(/\|/g, '\\|');
}

/** A value as inline code, with a fence longer than any backtick run inside it. */
function inline(value: string): string {
  const clean = printable(value);
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean}${fence}`;
}

/** Escapes text so HTML tags and Markdown syntax from captured values render as text. */
function escape(value: string): string {
  return printable(value)
    .replace(/[\\*_[\]<>#|]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}
