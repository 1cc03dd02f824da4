// Section 4: the headers of the preflight and of the real request side by side (and of each redirect hop), with
// the values the diagnoses point at highlighted: the actual value, or "(missing)", next to the expected one.
import type { ReactNode } from 'react';
import type { Evidence, ExchangeReport, RawHarEntry, Severity } from '../../../engine';
import { entryAt, headersOf, netErrorOf, statusOf, type HeaderSide, type RawHeader } from './har';
import { Section } from './Section';
import { CapturedText } from './text';

interface Props {
  exchange: ExchangeReport;
  entries: readonly RawHarEntry[];
}

interface Column {
  key: string;
  label: string;
  index: number | null;
  entry: RawHarEntry | null;
}

interface Highlight {
  severity: Severity;
  /** What the browser needed, per diagnosis (distinct values: a root cause and a check may differ). */
  expected: string[];
}

type Highlights = Map<string, Highlight>;

/** CORS-relevant headers, in the order a reader checks them. Any other Access-Control-* header is relevant too. */
const RELEVANT: Record<HeaderSide, readonly string[]> = {
  request: [
    'Origin',
    'Access-Control-Request-Method',
    'Access-Control-Request-Headers',
    'Access-Control-Request-Private-Network',
    'Cookie',
    'Authorization',
    'Content-Type',
  ],
  response: [
    'Access-Control-Allow-Origin',
    'Access-Control-Allow-Credentials',
    'Access-Control-Allow-Methods',
    'Access-Control-Allow-Headers',
    'Access-Control-Expose-Headers',
    'Access-Control-Max-Age',
    'Access-Control-Allow-Private-Network',
    'Vary',
    'Content-Type',
  ],
};

/** Credentials are shown as present or absent, not by value. */
const SECRET = new Set(['cookie', 'authorization', 'proxy-authorization']);

const SIDES: readonly { side: HeaderSide; title: string }[] = [
  { side: 'request', title: 'Request headers' },
  { side: 'response', title: 'Response headers' },
];

export function EvidenceSection({ exchange, entries }: Props) {
  const columns = evidenceColumns(exchange, entries);
  const highlights = highlightsOf(exchange);
  const rows = SIDES.map(({ side, title }) => ({ side, title, ...headerRows(columns, highlights, side) }));
  const hidden = rows.reduce((n, group) => n + group.rest.length, 0);
  const statusRows = statusRowsOf(columns, highlights);
  return (
    <Section title="Evidence" name="evidence">
      <p className="cd-muted cd-legend">
        Highlighted cells are what the diagnosis is about: the value the capture holds, or{' '}
        <span className="cd-missing">(missing)</span>, next to the value the browser needed.
      </p>
      <EvidenceTable caption="CORS headers" columns={columns}>
        {rows.map((group) => (
          <tbody key={group.side}>
            <GroupRow title={group.title} span={columns.length + 1} />
            {group.relevant.length === 0 ? (
              <EmptyRow span={columns.length + 1} text="No CORS headers." />
            ) : (
              group.relevant.map((row) => (
                <HeaderRow key={row.key} row={row} side={group.side} columns={columns} highlights={highlights} />
              ))
            )}
          </tbody>
        ))}
        <tbody>
          <GroupRow title="Status" span={columns.length + 1} />
          {statusRows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="cd-rowhead">
                {row.label}
              </th>
              {columns.map((column) => (
                <ValueCell
                  key={column.key}
                  column={column}
                  values={row.values(column)}
                  highlight={column.index === null ? undefined : highlights.get(`${column.index}|${row.key}`)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </EvidenceTable>
      {hidden > 0 && (
        <details className="cd-all-headers">
          <summary>All headers ({hidden} more)</summary>
          <EvidenceTable caption="Other headers" columns={columns}>
            {rows.map((group) =>
              group.rest.length === 0 ? null : (
                <tbody key={group.side}>
                  <GroupRow title={group.title} span={columns.length + 1} />
                  {group.rest.map((row) => (
                    <HeaderRow key={row.key} row={row} side={group.side} columns={columns} highlights={highlights} />
                  ))}
                </tbody>
              ),
            )}
          </EvidenceTable>
        </details>
      )}
    </Section>
  );
}

function EvidenceTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="cd-table-wrap">
      <table className="cd-table cd-evidence" data-columns={columns.length}>
        <caption className="cd-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Header</th>
            {columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
                <span className="cd-colnote">{column.index === null ? 'not in capture' : `entry ${column.index}`}</span>
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

function GroupRow({ title, span }: { title: string; span: number }) {
  return (
    <tr className="cd-group">
      <th scope="rowgroup" colSpan={span}>
        {title}
      </th>
    </tr>
  );
}

function EmptyRow({ text, span }: { text: string; span: number }) {
  return (
    <tr className="cd-empty">
      <td colSpan={span} className="cd-muted">
        {text}
      </td>
    </tr>
  );
}

interface Row {
  key: string;
  name: string;
}

function HeaderRow({
  row,
  side,
  columns,
  highlights,
}: {
  row: Row;
  side: HeaderSide;
  columns: Column[];
  highlights: Highlights;
}) {
  return (
    <tr>
      <th scope="row" className="cd-rowhead cd-value">
        <CapturedText value={row.name} />
      </th>
      {columns.map((column) => {
        const values = headersOf(column.entry, side)
          .filter((h) => h.name.toLowerCase() === row.key)
          .map((h) => display(h));
        const highlight = column.index === null ? undefined : highlights.get(headerKey(column.index, side, row.key));
        return <ValueCell key={column.key} column={column} values={values} highlight={highlight} />;
      })}
    </tr>
  );
}

function ValueCell({
  column,
  values,
  highlight,
}: {
  column: Column;
  values: string[];
  highlight: Highlight | undefined;
}) {
  return (
    <td
      data-label={column.label}
      className={highlight ? 'cd-cell cd-cell--flag' : 'cd-cell'}
      data-severity={highlight?.severity}
    >
      {values.length === 0 ? (
        highlight ? (
          <span className="cd-missing">(missing)</span>
        ) : (
          <span className="cd-absent" title="not in this entry">
            —
          </span>
        )
      ) : (
        values.map((value, i) => (
          <div key={i} className="cd-value">
            <CapturedText value={value} />
          </div>
        ))
      )}
      {highlight && highlight.expected.length > 0 && (
        <div className="cd-expected">
          expected:{' '}
          {highlight.expected.map((value, i) => (
            <span key={i}>
              {i > 0 && ' or '}
              <code className="cd-code cd-value">
                <CapturedText value={value} />
              </code>
            </span>
          ))}
        </div>
      )}
    </td>
  );
}

/** Preflight (when there is or should be one), the real request, then each redirect hop and its own preflight. */
function evidenceColumns(exchange: ExchangeReport, entries: readonly RawHarEntry[]): Column[] {
  const columns: Column[] = [];
  const add = (key: string, label: string, index: number | null) =>
    columns.push({ key, label, index, entry: entryAt(entries, index) });
  const preflight = exchange.entries.preflight;
  if (preflight !== null || exchange.preflight !== 'not-needed') add('preflight', 'Preflight', preflight);
  add('request', 'Real request', exchange.entries.request);
  exchange.entries.redirects.forEach((index, i) => {
    const hop = exchange.hops.find((h) => h.entry === index);
    if (hop && hop.preflight !== null && hop.preflight !== preflight) {
      add(`preflight-${i}`, `Preflight after redirect ${i + 1}`, hop.preflight);
    }
    add(`redirect-${i}`, `After redirect ${i + 1}`, index);
  });
  return columns;
}

function headerKey(entry: number, side: HeaderSide, lowerName: string): string {
  return `${entry}|${side}|${lowerName}`;
}

function evidenceKey(ev: Evidence): string | null {
  switch (ev.location) {
    case 'request-header':
      return ev.name ? headerKey(ev.entry, 'request', ev.name.toLowerCase()) : null;
    case 'response-header':
      return ev.name ? headerKey(ev.entry, 'response', ev.name.toLowerCase()) : null;
    case 'status':
    case 'error':
    case 'url':
      return `${ev.entry}|${ev.location}`;
  }
}

/** The evidence of the problems (info notes excluded), by entry, place and header name. */
function highlightsOf(exchange: ExchangeReport): Highlights {
  const map: Highlights = new Map();
  for (const d of exchange.diagnoses) {
    if (d.severity === 'info') continue;
    for (const ev of d.evidence) {
      const key = evidenceKey(ev);
      if (key === null) continue;
      const prior = map.get(key);
      const expected = prior?.expected ?? [];
      map.set(key, {
        severity: prior?.severity === 'error' ? 'error' : d.severity,
        expected: ev.expected === undefined || expected.includes(ev.expected) ? expected : [...expected, ev.expected],
      });
    }
  }
  return map;
}

/** Header names seen in the columns or named by the evidence, split into CORS-relevant (ordered) and the rest. */
function headerRows(columns: Column[], highlights: Highlights, side: HeaderSide): { relevant: Row[]; rest: Row[] } {
  const names = new Map<string, string>();
  const canonical = new Map(RELEVANT[side].map((name) => [name.toLowerCase(), name]));
  for (const column of columns) {
    for (const h of headersOf(column.entry, side)) {
      const key = h.name.toLowerCase();
      if (!names.has(key)) names.set(key, h.name);
    }
  }
  const flagged = new Set<string>();
  for (const column of columns) {
    if (column.index === null) continue;
    const prefix = `${column.index}|${side}|`;
    for (const key of highlights.keys()) {
      if (!key.startsWith(prefix)) continue;
      const lower = key.slice(prefix.length);
      flagged.add(lower);
      if (!names.has(lower)) names.set(lower, canonical.get(lower) ?? lower);
    }
  }
  const order = [...canonical.keys()];
  const rank = (key: string): number => {
    const known = order.indexOf(key);
    if (known >= 0) return known;
    return key.startsWith('access-control-') ? order.length : order.length + 1;
  };
  const relevant: Row[] = [];
  const rest: Row[] = [];
  for (const [key, name] of names) {
    const row = { key, name: canonical.get(key) ?? name };
    if (canonical.has(key) || key.startsWith('access-control-') || flagged.has(key)) relevant.push(row);
    else rest.push({ key, name });
  }
  relevant.sort((a, b) => rank(a.key) - rank(b.key));
  return { relevant, rest };
}

interface StatusRow {
  key: 'status' | 'error' | 'url';
  label: string;
  values: (column: Column) => string[];
}

function statusRowsOf(columns: Column[], highlights: Highlights): StatusRow[] {
  const flagged = (location: string) =>
    columns.some((c) => c.index !== null && highlights.has(`${c.index}|${location}`));
  const rows: StatusRow[] = [
    {
      key: 'status',
      label: 'Response status',
      values: (column) => {
        const status = statusOf(column.entry);
        if (!status) return [];
        if (status.status === 0) return ['0 (no response)'];
        return [`${status.status}${status.text ? ` ${status.text}` : ''}`];
      },
    },
  ];
  if (flagged('error') || columns.some((c) => netErrorOf(c.entry) !== null)) {
    rows.push({
      key: 'error',
      label: 'Network error',
      values: (column) => {
        const error = netErrorOf(column.entry);
        return error === null ? [] : [error];
      },
    });
  }
  if (flagged('url')) {
    rows.push({
      key: 'url',
      label: 'URL',
      values: (column) => {
        const url = column.entry?.request?.url;
        return typeof url === 'string' ? [url] : [];
      },
    });
  }
  return rows;
}

/** What a cell shows for one header line: the value, or for credentials only that they were sent. */
function display(header: RawHeader): string {
  const key = header.name.toLowerCase();
  if (!SECRET.has(key)) return header.value;
  if (key === 'cookie') {
    const count = header.value.split(';').filter((part) => part.trim() !== '').length;
    return `sent: ${count} cookie${count === 1 ? '' : 's'} (values hidden)`;
  }
  const scheme = /^\s*(\S+)\s+\S/.exec(header.value)?.[1];
  return `sent: ${scheme ? `${scheme} ` : ''}credentials, ${header.value.length} characters (value hidden)`;
}
