// The lab page: an index of every scenario, with a button to fire it and a sentence on what is wrong, useful to
// learners on its own; and the runner the conformance tests drive (`window.lab.run(id)`). The same server, on a second
// port, is the page's other origin of the same site: its /frame.html fetches on the lab page's behalf.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LabOrigins, LabRequest, LabScenario } from '../scenario';

/** What the page's fetch() returned, as the page saw it. */
export interface PageOutcome {
  url: string;
  ok: boolean;
  status: number | null;
  type: string | null;
  error: string | null;
}

export const READY_TITLE = 'CORS lab';

/** A scenario's request as the page makes it: its URL and fetch() init. */
export function requestUrl(scenario: LabScenario, request: LabRequest, origins: LabOrigins): string {
  return `${origins[request.server]}/${scenario.id}${request.path}`;
}

export function pageHandler(
  scenarios: readonly LabScenario[],
  origins: () => LabOrigins,
  setUp: (scenario: LabScenario) => string,
) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') return html(indexHtml(scenarios, origins(), setUp));
    if (path === '/frame.html') return html(frameHtml(origins().page));
    if (path === '/session') return void res.writeHead(204, { 'cache-control': 'no-store' }).end();
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
}

function indexHtml(scenarios: readonly LabScenario[], origins: LabOrigins, setUp: (s: LabScenario) => string): string {
  const plan = scenarios.map((s) => ({
    id: s.id,
    requests: s.requests.map((r) => ({
      url: requestUrl(s, r, origins),
      from: r.from ?? 'page',
      init: { method: r.method, headers: r.headers, body: r.body, credentials: r.credentials, mode: r.mode },
    })),
  }));
  const groups = [...new Set(scenarios.map((s) => s.stack))];
  const cards = (stack: string) =>
    scenarios
      .filter((s) => s.stack === stack)
      .map(
        (s) => `<article id="${escape(s.id)}" class="${s.expect.outcome}">
  <h3>${escape(s.title)}</h3>
  <p>${escape(s.problem)}</p>
  <p class="expect">Browser: <b>${escape(OUTCOME_WORDS[s.expect.outcome])}</b>${differences(s)}${
    s.expect.rule ? ` · CORS Doctor names <code>${escape(s.expect.rule)}</code>` : ''
  } · ${s.requests.map((r) => `${escape(r.method ?? 'GET')}${r.from === 'alt' ? ' (from the other origin)' : ''}`).join(', then ')}</p>
  <button type="button" data-run="${escape(s.id)}">Fire</button> <output></output>
  <details><summary>Server set-up</summary><pre>${escape(setUp(s))}</pre></details>
</article>`,
      )
      .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${READY_TITLE}</title><link rel="icon" href="data:,">
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 1rem 1.5rem; color: #1d2330; }
  article { border: 1px solid #d8dce6; border-left: 5px solid #8a93a6; border-radius: 6px; padding: .5rem 1rem; margin: .75rem 0; }
  article.allowed { border-left-color: #1a7f37; } article.blocked { border-left-color: #cf222e; }
  article.failed-not-cors { border-left-color: #bf8700; }
  h3 { margin: .2rem 0; font-size: 1.05rem; } .expect { color: #4b5568; font-size: .9rem; }
  pre { background: #f4f6fa; padding: .5rem; overflow-x: auto; font-size: .8rem; }
  output { font-family: ui-monospace, monospace; font-size: .85rem; }
  code { font-size: .85rem; }
</style></head>
<body>
<h1>CORS lab</h1>
<p>${scenarios.length} real servers' answers, right and wrong: Express with <code>cors</code>, Fastify with
<code>@fastify/cors</code>, and nginx in front of them. This page is <code>${escape(origins.page)}</code>; the APIs are
other origins of the same machine. Open DevTools, select the <b>CORS</b> panel, then fire a scenario (or
<button type="button" id="run-all">fire them all</button>) and read why the browser allowed or blocked it.</p>
<p>Requests "with cookies" send the cookie <code>lab_session</code>, set by this page.</p>
${groups.map((stack) => `<h2>${escape(stack === 'none' ? 'No server' : stack)}</h2>\n${cards(stack)}`).join('\n')}
<iframe id="alt" src="${escape(origins.alt)}/frame.html" title="the other origin" hidden></iframe>
<script>${runnerScript(plan, origins.alt)}</script>
</body></html>`;
}

/** Where a browser treats the scenario otherwise, as measured. */
function differences(s: LabScenario): string {
  return (['chromium', 'firefox'] as const)
    .map((browser) => {
      const differs = s.expect[browser];
      if (!differs?.outcome) return '';
      const name = browser === 'chromium' ? 'Chromium' : 'Firefox';
      return ` (in ${name} ${escape(OUTCOME_WORDS[differs.outcome])}: ${escape(differs.why)})`;
    })
    .join('');
}

const OUTCOME_WORDS = { allowed: 'allowed', blocked: 'blocked', 'failed-not-cors': 'fails, not because of CORS' };

function runnerScript(plan: unknown, altOrigin: string): string {
  return `
// A session cookie for the lab's host, shown to the capture by one same-origin call: cookies are per host, whatever
// the port, so from then on a request to an API without a Cookie header was made without credentials.
document.cookie = 'lab_session=lab-demo-session; path=/';
const session = fetch('/session').then((response) => response.arrayBuffer());
const plan = ${safeJson(plan)};
const altOrigin = ${safeJson(altOrigin)};
const frame = document.getElementById('alt');
const frameReady = new Promise((resolve) => window.addEventListener('message', function ready(event) {
  if (event.origin === altOrigin && event.data === 'ready') { window.removeEventListener('message', ready); resolve(); }
}));
async function direct(url, init) {
  try {
    const response = await fetch(url, init);
    await response.text();
    return { url, ok: true, status: response.status, type: response.type, error: null };
  } catch (error) {
    return { url, ok: false, status: null, type: null, error: String(error) };
  }
}
let calls = 0;
async function viaFrame(url, init) {
  await frameReady;
  const id = ++calls;
  return new Promise((resolve) => {
    window.addEventListener('message', function answer(event) {
      if (event.origin !== altOrigin || event.data?.id !== id) return;
      window.removeEventListener('message', answer);
      resolve(event.data.outcome);
    });
    frame.contentWindow.postMessage({ id, url, init }, altOrigin);
  });
}
async function run(id) {
  const scenario = plan.find((s) => s.id === id);
  if (!scenario) throw new Error('no scenario ' + id);
  const outcomes = [];
  for (const { url, from, init } of scenario.requests) {
    outcomes.push(await (from === 'alt' ? viaFrame(url, init) : direct(url, init)));
  }
  const output = document.querySelector('#' + CSS.escape(id) + ' output');
  if (output) output.textContent = outcomes.map((o) => o.ok ? (o.type === 'opaque' ? 'opaque response (status 0)' : 'HTTP ' + o.status) : o.error).join(' → ');
  return outcomes;
}
window.lab = { run, ready: Promise.all([frameReady, session]).then(() => true), ids: plan.map((s) => s.id) };
document.addEventListener('click', (event) => {
  const id = event.target.closest('[data-run]')?.dataset.run;
  if (id) void run(id);
  if (event.target.id === 'run-all') void (async () => {
    await window.lab.ready;
    for (const s of plan) await run(s.id);
    document.body.dataset.ranAll = 'true';
  })();
});
`;
}

function frameHtml(pageOrigin: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>other origin</title></head><body><script>
const pageOrigin = ${safeJson(pageOrigin)};
window.addEventListener('message', async (event) => {
  if (event.origin !== pageOrigin) return;
  const { id, url, init } = event.data;
  let outcome;
  try {
    const response = await fetch(url, init);
    await response.text();
    outcome = { url, ok: true, status: response.status, type: response.type, error: null };
  } catch (error) {
    outcome = { url, ok: false, status: null, type: null, error: String(error) };
  }
  parent.postMessage({ id, outcome }, pageOrigin);
});
parent.postMessage('ready', pageOrigin);
</script></body></html>`;
}

/** JSON that cannot end the script element it is embedded in. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
