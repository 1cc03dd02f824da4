// `cors-doctor probe` output: what was sent and received, then the engine's verdict for it in the same words as
// `diagnose`, and for a --config run a summary table with one row per probe.
import type { ExchangeReport, Header, Report } from '../engine';
import type { ProbeRecord } from '../probe/record';
import { formatExchangeText, painter } from './format-text';
import { formatMarkdown } from '../render/markdown';
import { printable } from '../render/printable';

/** Response headers worth showing: what the CORS checks read, and what explains a redirect or a refusal. */
const SHOWN_RESPONSE = /^(access-control-|vary$|location$|www-authenticate$)/i;
/** Request headers the browser adds that do not bear on CORS. */
const HIDDEN_REQUEST = /^(host|referer|user-agent|content-length|sec-fetch-.*)$/i;

export function formatProbeText(records: readonly ProbeRecord[], report: Report, color: boolean): string {
  const paint = painter(color);
  const out: string[] = [];
  records.forEach((record, i) => {
    if (i > 0) out.push('');
    const label = record.name ? `${printable(record.name)}: ` : '';
    out.push(
      paint('bold', `Probe ${records.length > 1 ? `${i + 1}/${records.length} ` : ''}`) +
        `${label}${record.method} ${printable(record.url)} from ${printable(record.origin)}` +
        paint('dim', `  (credentials ${record.credentials}${record.preflightOnly ? ', preflight only' : ''})`),
    );
    out.push(
      record.plan.preflight
        ? `  preflight needed: ${record.plan.preflightReasons.map(printable).join('; ')}`
        : '  no preflight needed: a simple request',
    );
    for (const request of record.requests) {
      if (!request.sent) {
        out.push(
          paint('yellow', `  ✗ not sent: ${request.method} ${printable(request.url)}`) + ` — ${notSentWhy(record)}`,
        );
        continue;
      }
      out.push(`  → ${request.method} ${printable(request.url)}`);
      for (const h of request.requestHeaders) {
        if (HIDDEN_REQUEST.test(h.name) || (h.name.toLowerCase() === 'accept' && h.value === '*/*')) continue;
        out.push(paint('dim', `      ${printable(h.name)}: ${printable(h.value)}`));
      }
      out.push(
        `    ← ${request.status} ${printable(request.statusText ?? '')}`.trimEnd() +
          paint('dim', `  (${request.timeMs} ms)`),
      );
      const shown = request.responseHeaders.filter((h) => SHOWN_RESPONSE.test(h.name));
      if (shown.length === 0) out.push(paint('dim', '      (no Access-Control-* headers)'));
      for (const h of shown) out.push(paint('dim', `      ${printable(h.name)}: ${printable(h.value)}`));
    }
    if (record.end === 'stopped-at-redirect') {
      out.push(
        paint('yellow', '  ✗ not followed: the redirect response failed the CORS check, so the browser stopped there'),
      );
    }
    for (const note of record.notes) out.push(paint('dim', `  note: ${printable(note)}`));
    out.push('');
    out.push(...verdictLines(record, exchangeOf(record, report), color));
  });
  if (records.length > 1) out.push('', ...summaryTable(records, paint));
  return out.join('\n') + '\n';
}

function verdictLines(record: ProbeRecord, exchange: ExchangeReport | undefined, color: boolean): string[] {
  const paint = painter(color);
  if (record.error)
    return [
      paint('red', `✗ ERROR    ${printable(record.error.message)}`) +
        ` (${record.error.method} ${printable(record.error.url)})`,
    ];
  if (record.verdict === 'no-preflight') {
    return [
      paint('green', '✓ NO PREFLIGHT') +
        '  a browser sends this request without a preflight; --preflight-only sent nothing',
    ];
  }
  if (!exchange) return [];
  const lines = formatExchangeText(exchange, color);
  if (record.verdict === 'preflight-passed') {
    lines[0] = `${paint('green', '✓ PREFLIGHT PASSED')}  ${record.method} ${printable(record.url)}  ${paint('dim', '(the real request was not sent: --preflight-only)')}`;
  }
  // formatExchangeText shows curl only for failures; a probe shows how to replay what it sent either way.
  if (exchange.outcome === 'allowed' || record.verdict === 'preflight-passed') {
    for (const command of [
      exchange.curl.preflight,
      record.verdict === 'preflight-passed' ? null : exchange.curl.request,
    ]) {
      if (command) lines.push(`    ${paint('dim', `$ ${printable(command)}`)}`);
    }
  }
  if (!record.passed && record.expect === 'blocked') {
    lines.push(paint('red', `    expected: blocked (the config says this origin must not get through)`));
  } else if (record.passed && record.expect === 'blocked') {
    lines.push(paint('green', '    blocked, as expected'));
  }
  return lines;
}

function notSentWhy(record: ProbeRecord): string {
  if (record.end === 'stopped-at-preflight')
    return 'the browser stops at the failed preflight and never sends the request';
  if (record.end === 'not-sent') return 'the browser blocks it before sending';
  return 'the browser would not send it';
}

function exchangeOf(record: ProbeRecord, report: Report): ExchangeReport | undefined {
  return record.exchange === null ? undefined : report.exchanges.find((e) => e.id === record.exchange);
}

const VERDICT_LABEL: Record<ProbeRecord['verdict'], string> = {
  allowed: 'allowed',
  blocked: 'BLOCKED',
  'failed-not-cors': 'FAILED',
  unknown: 'unknown',
  'preflight-passed': 'preflight ok',
  'no-preflight': 'no preflight',
  error: 'ERROR',
};

/** One row per probe: origin, method, URL, verdict, browser error, root cause. */
function summaryTable(
  records: readonly ProbeRecord[],
  paint: (style: Parameters<ReturnType<typeof painter>>[0], text: string) => string,
): string[] {
  const rows = records.map((r) => [
    printable(r.origin),
    r.method,
    printable(r.url),
    VERDICT_LABEL[r.verdict] + (r.expect === 'blocked' ? ' (expected blocked)' : ''),
    r.browserError ?? '—',
    r.error ? printable(r.error.message) : (r.rootCause ?? '—'),
  ]);
  const header = ['ORIGIN', 'METHOD', 'URL', 'VERDICT', 'BROWSER ERROR', 'ROOT CAUSE'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] as number))
      .join('  ')
      .trimEnd();
  const passed = records.filter((r) => r.passed).length;
  const errors = records.filter((r) => r.error).length;
  const failed = records.length - passed - errors;
  return [
    paint('bold', 'Summary: ') +
      `${records.length} probes · ` +
      paint(passed === records.length ? 'green' : 'dim', `${passed} passed`) +
      ' · ' +
      paint(failed ? 'red' : 'dim', `${failed} failed`) +
      ' · ' +
      paint(errors ? 'red' : 'dim', `${errors} network error${errors === 1 ? '' : 's'}`),
    paint('bold', line(header)),
    ...rows.map((row, i) => {
      const text = line(row);
      return (records[i] as ProbeRecord).passed ? text : paint('red', text);
    }),
  ];
}

/** The diagnose report in Markdown, then the probes: a summary table and what each one sent. */
export function formatProbeMarkdown(records: readonly ProbeRecord[], report: Report): string {
  const out = [formatMarkdown(report).trimEnd(), '', '## Probes', ''];
  out.push('| Origin | Method | URL | Verdict | Browser error | Root cause |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of records) {
    out.push(
      `| ${cell(r.origin)} | ${r.method} | ${cell(r.url)} | ${VERDICT_LABEL[r.verdict]}${r.expect === 'blocked' ? ' (expected blocked)' : ''} | ${r.browserError ?? ''} | ${cell(r.error?.message ?? r.rootCauseTitle ?? '')} |`,
    );
  }
  records.forEach((r, i) => {
    out.push('', `### Probe ${i + 1}: ${r.method} ${code(r.url)} from ${code(r.origin)}`, '');
    out.push(
      `- Credentials: ${r.credentials}`,
      `- Preflight: ${r.plan.preflight ? `needed (${r.plan.preflightReasons.map(code).join('; ')})` : 'not needed'}`,
    );
    if (r.plan.accessControlRequestMethod) {
      out.push(`- Access-Control-Request-Method: ${code(r.plan.accessControlRequestMethod)}`);
    }
    if (r.plan.accessControlRequestHeaders) {
      out.push(`- Access-Control-Request-Headers: ${code(r.plan.accessControlRequestHeaders)}`);
    }
    if (r.requests.length) {
      out.push(
        '',
        '| # | Request | Origin sent | Status | Access-Control-Allow-Origin |',
        '| --- | --- | --- | --- | --- |',
      );
      for (const q of r.requests) {
        out.push(
          `| ${q.entry} | ${q.method} ${cell(q.url)} | ${cell(get(q.requestHeaders, 'origin') ?? '')} | ${q.sent ? `${q.status} ${cell(q.statusText ?? '')}` : 'not sent'} | ${cell(get(q.responseHeaders, 'access-control-allow-origin') ?? (q.sent ? '(absent)' : ''))} |`,
        );
      }
    }
    if (r.error) out.push('', `**Error:** ${escape(r.error.message)} (${r.error.method} ${code(r.error.url)})`);
    for (const note of r.notes) out.push('', `_${escape(note)}_`);
  });
  return out.join('\n') + '\n';
}

function get(headers: readonly Header[], name: string): string | null {
  const values = headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  return values.length ? values.join(', ') : null;
}

function escape(value: string): string {
  return printable(value)
    .replace(/[\\*_[\]<>#|`]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

function cell(value: string): string {
  return escape(value);
}

function code(value: string): string {
  const clean = printable(value).replace(/`/g, "'");
  return `\`${clean}\``;
}
