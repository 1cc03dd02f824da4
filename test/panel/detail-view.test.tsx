// @vitest-environment jsdom
import '../panel-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { diagnose, parseHarJson, type ExchangeReport, type RawHarEntry } from '../../src/engine';
import { DetailView } from '../../src/panel/components/DetailView';
import { diagnoseText, readFixture } from '../support/fixtures';
import { allow, entry, har, PAGE, preflight } from '../support/har-builders';

interface Case {
  exchange: ExchangeReport;
  entries: RawHarEntry[];
}

/** The real engine over a real capture: the exchange whose URL contains `urlPart`, and the raw entries. */
function fromFixture(path: string, urlPart: string): Case {
  const text = readFixture(path);
  const report = diagnoseText(text, path, true);
  const exchange = report.exchanges.find((e) => e.url.includes(urlPart));
  if (!exchange) throw new Error(`no exchange for ${urlPart} in ${path}`);
  const entries = (JSON.parse(text) as { log: { entries: RawHarEntry[] } }).log.entries;
  return { exchange, entries };
}

/** The real engine over entries built for the test; the first exchange. */
function fromEntries(entries: RawHarEntry[], producer: 'chromium' | 'firefox' = 'chromium'): Case {
  const report = diagnose([{ file: 't.har', har: parseHarJson(har(entries, producer)) }], {
    version: 't',
    all: true,
  });
  const exchange = report.exchanges[0];
  if (!exchange) throw new Error('no exchange');
  return { exchange, entries };
}

function show({ exchange, entries }: Case, browser: 'chrome' | 'firefox' = 'chrome') {
  const copy = vi.fn<(text: string) => void>();
  const view = render(<DetailView exchange={exchange} entries={entries} browser={browser} copy={copy} />);
  return { ...view, copy };
}

const section = (name: string | RegExp) => screen.getByRole('region', { name });

/** The evidence row of a header (the first table: the CORS-relevant one). */
function evidenceRow(header: string): HTMLElement {
  const [cell] = within(section('Evidence')).getAllByRole('rowheader', { name: header });
  const row = cell?.closest('tr');
  if (!row) throw new Error(`no evidence row for ${header}`);
  return row;
}

/** The cell of an evidence row in the column labelled `column` ("Preflight", "Real request", …). */
function cell(row: HTMLElement, column: string): HTMLElement {
  const found = within(row)
    .getAllByRole('cell')
    .find((td) => td.dataset.label === column);
  if (!found) throw new Error(`no ${column} cell`);
  return found;
}

/** The <li> of the timeline whose label is `label`. */
function timelineStep(label: string): HTMLElement {
  const step = within(section('Timeline'))
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.cd-step__label')?.textContent === label);
  if (!step) throw new Error(`no timeline step ${label}`);
  return step;
}

describe('DetailView on the Chromium 156 capture', () => {
  it('c (preflight 401): preflight problem, its root cause, the console line, the missing header, the timeline', () => {
    const c = fromFixture('chromium-156/getHAR.har', '/c-preflight-401');
    show(c);

    const summary = section('Summary');
    expect(within(summary).getByText('Preflight problem')).toBeInTheDocument();
    expect(within(summary).getByText('Page origin').nextElementSibling).toHaveTextContent('http://127.0.0.1:8001');
    expect(within(summary).getByText('API origin').nextElementSibling).toHaveTextContent('http://127.0.0.1:8002');
    expect(within(summary).getByText('Method').nextElementSibling).toHaveTextContent('PUT');
    const credentials = within(summary).getByText('Credentials').nextElementSibling;
    expect(credentials).toHaveTextContent('unknown');
    expect(credentials).toHaveTextContent('The request was not sent');
    const preflightFact = within(summary).getByText('Preflight').nextElementSibling as HTMLElement;
    expect(preflightFact).toHaveTextContent(/needed, observed: 401 Unauthorized/);
    expect(within(preflightFact).getByText(/header authorization: Authorization is never CORS-safelisted/));

    const rootCause = section('Root cause');
    const heading = within(rootCause).getByRole('heading', { name: 'The preflight was rejected by authentication' });
    expect(heading.tagName).toBe('H4');
    expect(within(rootCause).getByText(/answered 401 Unauthorized without CORS headers/)).toBeInTheDocument();
    // The other diagnoses follow, each with severity, rule id and doc path.
    const others = within(rootCause).getByRole('list', { name: 'Other findings' });
    expect(within(others).getByRole('heading', { name: 'No Access-Control-Allow-Origin header' })).toBeInTheDocument();
    expect(within(others).getByText('allow-origin-missing')).toBeInTheDocument();
    expect(within(others).getByText('src/engine/rules/allow-origin-missing.md')).toBeInTheDocument();
    expect(within(rootCause).getByText('src/engine/rules/preflight-rejected-by-auth.md')).toBeInTheDocument();

    const consoleSection = section('What the browser console says');
    expect(within(consoleSection).getByText(c.exchange.console.chromium ?? '')).toBeInTheDocument();
    expect(within(consoleSection).getByText(/Reason: CORS header .Access-Control-Allow-Origin. missing/));
    expect(
      within(consoleSection)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['Chrome', 'Firefox']);

    const evidence = section('Evidence');
    const columns = within(evidence)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(columns.slice(0, 3)).toEqual(['Header', 'Preflightentry 11', 'Real requestentry 12']);
    const acao = evidenceRow('Access-Control-Allow-Origin');
    const preflightCell = cell(acao, 'Preflight');
    const requestCell = cell(acao, 'Real request');
    expect(preflightCell).toHaveTextContent('(missing)');
    expect(preflightCell).toHaveTextContent('expected: http://127.0.0.1:8001');
    expect(preflightCell).toHaveAttribute('data-severity', 'error');
    expect(requestCell).not.toHaveTextContent('(missing)');
    // The preflight's status is the evidence too; credentials show as present, not by value.
    const preflightStatus = cell(evidenceRow('Response status'), 'Preflight');
    expect(preflightStatus).toHaveTextContent('401 Unauthorized');
    expect(preflightStatus).toHaveTextContent('expected: 2xx');
    const auth = evidenceRow('Authorization');
    expect(cell(auth, 'Preflight')).toHaveTextContent('(missing)');
    expect(cell(auth, 'Real request')).toHaveTextContent('sent: Bearer credentials, 13 characters (value hidden)');
    expect(within(evidence).queryByText(/tok123/)).toBeNull();
    // The other headers are in the collapsible part.
    expect(within(evidence).getByText(/^All headers \(\d+ more\)$/)).toBeInTheDocument();
    expect(within(evidence).getAllByRole('rowheader', { name: 'User-Agent' })).toHaveLength(1);

    const pre = timelineStep('Preflight');
    expect(pre).toHaveTextContent('OPTIONS');
    expect(pre).toHaveTextContent('401 Unauthorized');
    expect(pre).toHaveTextContent('Origin sent: http://127.0.0.1:8001');
    expect(within(pre).getByText('/c-preflight-401').tagName).toBe('STRONG');
    expect(timelineStep('Real request')).toHaveTextContent(/PUT.*not sent/);
    expect(timelineStep('Real request')).toHaveTextContent(/took \d/);

    const learn = section('Learn');
    expect(within(learn).getByText(/needed a preflight \(OPTIONS\) because of the PUT method/)).toBeInTheDocument();
    expect(within(learn).getByRole('heading', { name: 'What is a preflight?' })).toBeInTheDocument();
    expect(within(learn).getByText('src/engine/rules/preflight-trigger.md')).toBeInTheDocument();
  });

  it('k (real request 500): problem with the real response, the error hid the real problem', () => {
    const k = fromFixture('chromium-156/getHAR.har', '/k-500-no-cors');
    show(k);
    expect(within(section('Summary')).getByText('Problem with the real response')).toBeInTheDocument();
    expect(
      within(section('Root cause')).getByRole('heading', { name: 'An error response hid the real problem' }),
    ).toBeInTheDocument();
    const acao = evidenceRow('Access-Control-Allow-Origin');
    expect(cell(acao, 'Preflight')).not.toHaveTextContent('(missing)');
    expect(cell(acao, 'Real request')).toHaveTextContent('(missing)');
    expect(timelineStep('Preflight')).toHaveTextContent('204');
    expect(timelineStep('Real request')).toHaveTextContent('500');
  });

  it('x (connection refused): not a CORS problem, no response', () => {
    const x = fromFixture('chromium-156/getHAR.har', '/x-refused');
    show(x);
    expect(within(section('Summary')).getByText('Not a CORS problem')).toBeInTheDocument();
    expect(within(section('Summary')).getByText('Preflight').nextElementSibling).toHaveTextContent('not needed');
    expect(within(section('Root cause')).getByRole('heading', { name: 'Not a CORS error' })).toBeInTheDocument();
    expect(timelineStep('Real request')).toHaveTextContent(/no response \(net::ERR_CONNECTION_REFUSED\)/);
    // No preflight column for a request that needed none.
    expect(within(section('Evidence')).queryByRole('columnheader', { name: /^Preflight/ })).toBeNull();
  });

  it('a (allowed PUT): allowed, nothing to fix, why it was preflighted', () => {
    const a = fromFixture('chromium-156/getHAR.har', '/a-put-ok');
    show(a);
    expect(within(section('Summary')).getByText('Allowed')).toBeInTheDocument();
    expect(within(section('Root cause')).getByText(/No problem/)).toBeInTheDocument();
    expect(within(section('Fix')).getByText('Nothing to fix.')).toBeInTheDocument();
    expect(within(section('Fix')).queryByRole('combobox')).toBeNull();
    expect(within(section('What the browser console says')).getByText(/Neither browser prints/)).toBeInTheDocument();
    expect(timelineStep('Preflight')).toHaveTextContent('204');
    expect(timelineStep('Real request')).toHaveTextContent('200');
  });

  it('n2 (cross-origin redirect): the redirect hop has its own column and sends Origin null', () => {
    const n2 = fromFixture('chromium-156/getHAR.har', '/n2-redirect-xorigin-target-no-acao');
    show(n2);
    const [redirectColumn] = within(section('Evidence')).getAllByRole('columnheader', { name: /^After redirect 1/ });
    expect(redirectColumn).toHaveTextContent('After redirect 1entry 32');
    const acao = evidenceRow('Access-Control-Allow-Origin');
    expect(cell(acao, 'Real request')).toHaveTextContent('http://127.0.0.1:8001');
    // The root cause and the failed check each name what would pass: both are shown.
    expect(cell(acao, 'After redirect 1')).toHaveTextContent('(missing)expected: * or null');
    expect(cell(evidenceRow('Origin'), 'After redirect 1')).toHaveTextContent('null');
    expect(timelineStep('Real request')).toHaveTextContent('302');
    expect(timelineStep('Redirect 1')).toHaveTextContent(/Origin sent: null \(tainted by a cross-origin redirect\)/);
  });

  it('Fix: generic fixes once, then the chosen stack; the selector switches the snippet', () => {
    const c = fromFixture('chromium-156/getHAR.har', '/c-preflight-401');
    const { copy } = show(c);
    const fix = section('Fix');
    const generic = c.exchange.diagnoses.filter((d) => d.severity !== 'info').flatMap((d) => d.fixes);
    expect(within(fix).getAllByRole('listitem')).toHaveLength(new Set(generic).size);

    const select = within(fix).getByRole('combobox', { name: 'Server stack' });
    // Nothing detected: Express first, as the CLI does; every stack with a fix can be chosen.
    expect(select).toHaveValue('express');
    expect(within(select).getAllByRole('option')).toHaveLength(18);
    const fixesOf = (stack: string) =>
      c.exchange.diagnoses.flatMap((d) => d.stackFixes).filter((f) => f.stack === stack && f.topic === 'allow-origin');
    const codeBlock = (code: string) => (_: string, el: Element | null) =>
      el?.tagName === 'CODE' && el.textContent === code;
    const [express] = fixesOf('express');
    const [nginx] = fixesOf('nginx');
    if (!express || !nginx) throw new Error('fixture lacks stack fixes');
    expect(within(fix).getByText(codeBlock(express.code))).toBeInTheDocument();
    expect(within(fix).queryByText(codeBlock(nginx.code))).toBeNull();

    fireEvent.change(select, { target: { value: 'nginx' } });
    expect(select).toHaveValue('nginx');
    expect(within(fix).getByText(codeBlock(nginx.code))).toBeInTheDocument();
    expect(within(fix).queryByText(codeBlock(express.code))).toBeNull();

    fireEvent.click(within(fix).getByRole('button', { name: 'Copy nginx code: allow origin' }));
    expect(copy).toHaveBeenCalledWith(nginx.code);
  });

  it('Fix: detected stacks come first, marked and expanded', () => {
    const detected = fromEntries([
      entry({
        requestHeaders: { Origin: PAGE, Cookie: 'sid=1' },
        responseHeaders: { 'X-Powered-By': 'Express', Server: 'nginx', 'Access-Control-Allow-Origin': '*' },
      }),
    ]);
    show(detected);
    const fix = section('Fix');
    const select = within(fix).getByRole('combobox', { name: 'Server stack' });
    expect(select).toHaveValue('express');
    const options = within(select).getAllByRole('option');
    expect(options.slice(0, 2).map((o) => o.textContent)).toEqual(['Express (cors) (detected)', 'nginx (detected)']);
    expect(within(fix).getByText('X-Powered-By: Express')).toBeInTheDocument();
    // Both detected stacks are shown; choosing another keeps them and adds it.
    expect(
      within(fix)
        .getAllByRole('heading', { level: 5 })
        .map((h) => h.textContent),
    ).toEqual(['Express (cors)detected', 'nginxdetected']);
    fireEvent.change(select, { target: { value: 'django' } });
    expect(
      within(fix)
        .getAllByRole('heading', { level: 5 })
        .map((h) => h.textContent),
    ).toEqual(['Django (django-cors-headers)', 'Express (cors)detected', 'nginxdetected']);
  });

  it('Copy buttons hand the exact curl commands to copy()', () => {
    const c = fromFixture('chromium-156/getHAR.har', '/c-preflight-401');
    const { copy } = show(c);
    const curl = section('Reproduce with curl');
    expect(c.exchange.curl.preflight).not.toBeNull();
    expect(within(curl).getByText(c.exchange.curl.preflight ?? '')).toBeInTheDocument();
    fireEvent.click(within(curl).getByRole('button', { name: 'Copy preflight curl command' }));
    expect(copy).toHaveBeenLastCalledWith(c.exchange.curl.preflight);
    fireEvent.click(within(curl).getByRole('button', { name: 'Copy request curl command' }));
    expect(copy).toHaveBeenLastCalledWith(c.exchange.curl.request);
    expect(copy).toHaveBeenCalledTimes(2);
    expect(
      within(curl)
        .getAllByRole('status')
        .map((s) => s.textContent),
    ).toEqual(['Copied', 'Copied']);
  });

  it('is accessible: labelled sections in order, headed tables, named buttons', () => {
    const c = fromFixture('chromium-156/getHAR.har', '/c-preflight-401');
    const { container } = show(c);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('PUT http://127.0.0.1:8002/c-preflight-401');
    expect(
      screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby') && r.querySelector('h3')?.textContent),
    ).toEqual([
      'Summary',
      'Root cause',
      'What the browser console says',
      'Evidence',
      'Timeline',
      'Fix',
      'Reproduce with curl',
      'Learn',
    ]);
    expect(container.querySelectorAll('th:not([scope])')).toHaveLength(0);
    for (const button of screen.getAllByRole('button')) expect(button).toHaveAccessibleName();
    expect(container.querySelectorAll('a')).toHaveLength(0);
  });
});

describe('DetailView on the Firefox 153 capture', () => {
  it('shows Firefox wording first and where Chromium differs', () => {
    const d = fromFixture('firefox-153/getHAR.har', '/d-preflight-301');
    show(d, 'firefox');
    const consoleSection = section('What the browser console says');
    expect(
      within(consoleSection)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['Firefox', 'Chrome']);
    expect(within(consoleSection).getByText(d.exchange.console.firefox ?? '')).toBeInTheDocument();
    expect(within(consoleSection).getByText('Browsers differ:')).toBeInTheDocument();
    expect(within(consoleSection).getByText(/Chromium reports PreflightDisallowedRedirect/)).toBeInTheDocument();
    expect(within(section('Summary')).getByText('Preflight problem')).toBeInTheDocument();
    expect(timelineStep('Preflight')).toHaveTextContent('301');
    expect(timelineStep('Real request')).toHaveTextContent('not sent');
  });

  it("an imported Chromium capture shows Chrome's wording first, even in Firefox", () => {
    const c = fromFixture('chromium-156/getHAR.har', '/c-preflight-401');
    show(c, 'firefox');
    const terms = within(section('What the browser console says')).getAllByRole('term');
    expect(terms.map((t) => t.textContent)).toEqual(['Chrome', 'Firefox']);
  });

  it('undecided: both verdicts, with and without credentials', () => {
    const undecided = fromEntries([entry({ producer: 'firefox', responseHeaders: allow() })], 'firefox');
    expect(undecided.exchange.outcome).toBe('unknown');
    show(undecided, 'firefox');
    const summary = section('Summary');
    expect(within(summary).getByText('Undecided')).toBeInTheDocument();
    const alternatives = within(summary).getByRole('list', { name: 'Verdict under each credentials assumption' });
    expect(
      within(alternatives)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Without credentials: allowed', 'With credentials: blocked by CORS (InvalidAllowCredentials)']);
    expect(within(section('Root cause')).getByText(/^Undecided:/)).toBeInTheDocument();
  });
});

describe('DetailView with hostile or odd captures', () => {
  it('renders markup, 1 MB values and bidi overrides as inert, visible text', () => {
    const big = 'v'.repeat(1_000_000);
    const hostile = fromEntries([
      entry({
        url: 'https://api.example/data?<img src=x onerror=alert(2)>',
        requestHeaders: { Origin: PAGE, 'X-<script>alert(3)</script>': 'x' },
        responseHeaders: {
          'Access-Control-Allow-Origin': '<img src=x onerror=alert(1)>',
          Vary: big,
          'X-Note': 'abc\u202Edef',
        },
      }),
    ]);
    const { container } = show(hostile);
    expect(container.querySelector('img, script, iframe, a')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();

    expect(cell(evidenceRow('Access-Control-Allow-Origin'), 'Real request')).toHaveTextContent(
      '<img src=x onerror=alert(1)>',
    );
    expect(within(section('Evidence')).getByRole('rowheader', { name: 'X-<script>alert(3)</script>' }));

    // The bidi override is shown as its escape, never applied.
    expect(container.textContent).not.toContain('\u202E');
    expect(within(section('Evidence')).getByText('abc\\u202edef')).toBeInTheDocument();

    // The 1 MB value is cut, with a toggle that shows it all.
    expect((container.textContent ?? '').length).toBeLessThan(200_000);
    const varyCell = cell(evidenceRow('Vary'), 'Real request');
    const more = within(varyCell).getByRole('button', { name: /show all \(1,000,000 characters\)/ });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    expect(varyCell.textContent).toContain(big);
    expect(within(varyCell).getByRole('button', { name: 'show less' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('tolerates raw entries with missing or odd fields', () => {
    const real = fromEntries([
      entry({
        method: 'PUT',
        at: 0,
        requestHeaders: { Origin: PAGE, 'X-Custom': '1' },
        status: 0,
        error: 'net::ERR_FAILED',
      }),
      preflight({ at: 2, status: 404, requestedHeaders: ['x-custom'] }),
    ]);
    const odd = [
      { request: { headers: 'not a list' }, response: { status: 'two hundred', headers: [null, 7, { name: 5 }] } },
      { startedDateTime: 'yesterday', time: -1, request: { headers: [{ name: 'Origin', value: 42 }] } },
    ] as unknown as RawHarEntry[];
    show({ exchange: real.exchange, entries: odd });
    expect(within(section('Summary')).getByText('Preflight problem')).toBeInTheDocument();
    expect(section('Evidence')).toHaveTextContent('42');
    expect(section('Timeline')).not.toHaveTextContent(/took|at \+/);
  });

  it('starts fresh when another exchange is shown', () => {
    const c = fromFixture('chromium-156/getHAR.har', '/c-preflight-401');
    const k = fromFixture('chromium-156/getHAR.har', '/k-500-no-cors');
    const { rerender, copy } = show(c);
    fireEvent.change(screen.getByRole('combobox', { name: 'Server stack' }), { target: { value: 'nginx' } });
    rerender(<DetailView exchange={k.exchange} entries={k.entries} browser="chrome" copy={copy} />);
    expect(screen.getByRole('combobox', { name: 'Server stack' })).toHaveValue('express');
    expect(screen.getByRole('heading', { name: 'An error response hid the real problem' })).toBeInTheDocument();
  });
});
