// The hostile scenario: a cross-origin API whose response is full of the values of test/support/hostile-values.ts
// (markup, script, a bidi override, C1 controls, a very long value) and a URL query of the same, plus an "attacker"
// server that any injected element would fetch from. Both run on origins of their own, apart from servers.ts, so the
// exact request logs of the other scenarios stay as they are. The test fires the request after the regular scenarios
// were read, selects its row, and checks in the panel's document that everything rendered as inert text.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOSTILE_VALUES } from '../../support/hostile-values';

export const HOSTILE_PATH = '/api/hostile';
/** Chromium refuses response headers over 256 KiB in total (ERR_RESPONSE_HEADERS_TOO_BIG): the longest value is 200 k. */
export const LONG_VALUE_LENGTH = 200_000;

export interface HostileRequest {
  method: string;
  url: string;
  origin: string | undefined;
}

export interface HostileServers {
  hostileOrigin: string;
  attackerOrigin: string;
  /** The URL the page fetches (before the browser's own percent-encoding). */
  rawUrl: string;
  /** The same URL as the browser sends and captures it. */
  url: string;
  /** What the response carries, for the assertions. */
  values: {
    allowOrigin: string;
    debug: string;
    longValue: string;
  };
  /** Requests the hostile API received. */
  apiLog: HostileRequest[];
  /** Requests the attacker received: an injected <img>, <script>, <iframe>… would land here. Must stay empty. */
  attackerLog: HostileRequest[];
  close(): Promise<void>;
}

export async function startHostileServers(): Promise<HostileServers> {
  const servers: Server[] = [];
  const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> => {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const entry = (req: IncomingMessage): HostileRequest => ({
    method: req.method ?? '',
    url: req.url ?? '',
    origin: req.headers.origin,
  });

  const attackerLog: HostileRequest[] = [];
  const attackerOrigin = await listen((req, res) => {
    attackerLog.push(entry(req));
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });

  // A payload that, if it ever became markup, would fetch from the attacker and mark the panel's document.
  const mark = `window.__pwned=1;document.documentElement.setAttribute('data-pwned','1')`;
  const allowOrigin = `<img src=${attackerOrigin}/pixel onerror="${mark}">`;
  // Node's http server only sends header values of \t, \x20-\x7e and \x80-\xff: the bidi override (U+202E) goes as
  // its UTF-8 bytes E2 80 AE, and \x9b (the C1 control sequence introducer) as one byte. Browsers decode header bytes
  // one per character, never as UTF-8: Firefox as Latin-1 (so the panel gets the C1 controls U+0080 and U+009B),
  // Chromium as windows-1252 (U+20AC and U+203A). A raw U+202E cannot reach the panel through a header or a URL.
  const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
  const debugShown = [
    HOSTILE_VALUES.scriptTag,
    HOSTILE_VALUES.svgOnload,
    `<iframe src="${attackerOrigin}/frame"></iframe>`,
    `<script src="${attackerOrigin}/script.js"></script>`,
    HOSTILE_VALUES.javascriptUrl,
    HOSTILE_VALUES.bidiOverride,
  ].join(' ');
  const debug = `${debugShown}\t\u009b31m`;
  const server = `nginx <svg onload="${mark}"><image href="${attackerOrigin}/svg-image"/></svg> \u202egnp.exe`;
  // A 200 k header value of markup in a header the evidence table shows by default.
  const unit = `<b onmouseover="${mark}">x</b>`;
  const longValue = unit.repeat(Math.ceil(LONG_VALUE_LENGTH / unit.length)).slice(0, LONG_VALUE_LENGTH);

  const apiLog: HostileRequest[] = [];
  const hostileOrigin = await listen((req, res) => {
    apiLog.push(entry(req));
    if ((req.url ?? '').split('?')[0] !== HOSTILE_PATH || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'access-control-allow-origin': allowOrigin,
      'x-debug': utf8Bytes(debugShown) + debug.slice(debugShown.length),
      server: utf8Bytes(server),
      'access-control-expose-headers': longValue,
    });
    res.end(JSON.stringify({ scenario: 'hostile' }));
  });

  // The query: markup, a bidi override, CR/LF, NUL, ANSI escapes. The browser percent-encodes what a URL cannot hold:
  // the panel gets the URL as the browser sent it. CR/LF go percent-encoded: the URL parser would drop raw ones, and
  // Chromium refuses to send a URL that had both a newline and "<" (its dangling-markup mitigation).
  const rawUrl =
    `${hostileOrigin}${HOSTILE_PATH}?html=${HOSTILE_VALUES.imgOnerror.replace('src=x', `src=${attackerOrigin}/query-pixel`)}` +
    `&bidi=${HOSTILE_VALUES.bidiOverride}&crlf=${encodeURIComponent(HOSTILE_VALUES.crlfInjection)}&nul=${HOSTILE_VALUES.nul}` +
    `&ansi=${HOSTILE_VALUES.ansiEscapes}`;
  const url = new URL(rawUrl).href;

  return {
    hostileOrigin,
    attackerOrigin,
    rawUrl,
    url,
    values: { allowOrigin, debug: debugShown, longValue },
    apiLog,
    attackerLog,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/** Evaluated in the page: fetches the hostile URL and resolves with what the page saw. */
export function fetchHostileExpression(rawUrl: string): string {
  return `fetch(${JSON.stringify(rawUrl)}).then(
    async (response) => ({ ok: true, status: response.status, error: null, text: await response.text() }),
    (error) => ({ ok: false, status: null, error: String(error) }),
  )`;
}

/** What the hostile check reads in the panel's document (see `hostileCheckExpression`). */
export interface HostileCheck {
  /** `window.__pwned` is set, or the payload's `data-pwned` attribute is on the document element. */
  pwned: boolean;
  /** Elements that would load or run something: img, iframe, object, embed, frame, image, video, audio, link. */
  loaders: string[];
  /** <script> elements not loaded from the extension's own files. */
  foreignScripts: string[];
  /** <svg> elements anywhere in the panel. */
  svgCount: number;
  /** Elements with an event-handler attribute (onerror, onload, onmouseover…). */
  withHandlers: string[];
  /** Elements with a src/href/… attribute pointing at the attacker. */
  pointingAtAttacker: string[];
  /** The whole panel's textContent: its length, and whether it holds each probe literally. */
  textLength: number;
  /** The text around the bidi and C1 probes, for failure messages. */
  samples: string[];
  contains: Record<string, boolean>;
  /** Raw bidi overrides and C0/C1 controls (tab and newline apart) in the panel's text. */
  rawControls: string[];
  /** "show all (N characters)" buttons. */
  showAll: string[];
  /** Size of the list and of the detail pane; the viewport; the document's scroll width. */
  list: { width: number; height: number } | null;
  detail: { width: number; height: number; right: number } | null;
  viewport: { width: number; height: number };
  scrollWidth: number;
  rowCount: number;
  /** The detail's title and lead heading. */
  title: string;
  rootCause: string | null;
  /** The row of the hostile request: its outcome and whether it is selected. */
  row: { outcome: string | null; selected: boolean; verdict: string } | null;
}

/**
 * A DOM expression, evaluated in the panel page: `doc` names its document, `win` its window (its own JavaScript
 * globals, where an injected handler would have set `__pwned`).
 */
export function hostileCheckExpression(
  doc: string,
  win: string,
  attackerOrigin: string,
  url: string,
  probes: Record<string, string>,
): string {
  return `(() => {
    const doc = ${doc};
    const win = ${win};
    const all = [...doc.querySelectorAll('*')];
    const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className : '');
    const size = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return { width: r.width, height: r.height, right: r.right }; };
    const text = doc.body.textContent;
    const probes = ${asciiJson(probes)};
    const row = [...doc.querySelectorAll('[role=option]')].find((r) => r.querySelector('.cd-row__url')?.getAttribute('title') === ${JSON.stringify(url)});
    const verdict = row?.querySelector('.cd-row__verdict');
    const badge = verdict?.querySelector('.cd-badge');
    const list = size(doc.querySelector('.cd-list'));
    return {
      pwned: typeof win.__pwned !== 'undefined' || doc.documentElement.hasAttribute('data-pwned'),
      loaders: all.filter((el) => ['img', 'iframe', 'frame', 'object', 'embed', 'image', 'video', 'audio', 'link', 'source'].includes(el.localName) && !(el.localName === 'link' && el.getAttribute('href')?.startsWith('/'))).map(describe),
      foreignScripts: [...doc.scripts].filter((s) => !s.src.startsWith(doc.location.origin + '/')).map((s) => s.src || s.textContent.slice(0, 80)),
      svgCount: doc.querySelectorAll('svg').length,
      withHandlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map(describe),
      pointingAtAttacker: all.filter((el) => ['src', 'href', 'xlink:href', 'srcset', 'data', 'action', 'formaction', 'poster', 'background'].some((name) => el.getAttribute(name)?.includes(${JSON.stringify(attackerOrigin)}))).map(describe),
      textLength: text.length,
      samples: [...new Set([...text.matchAll(/.{0,30}(moc\\.rekcatta|gnp\\.exe|31m).{0,10}/g)].map((m) => m[0]))],
      contains: Object.fromEntries(Object.entries(probes).map(([name, probe]) => [name, text.includes(probe)])),
      rawControls: [...new Set(text.match(/[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/g) ?? [])].map((c) => c.charCodeAt(0).toString(16)),
      showAll: [...doc.querySelectorAll('button.cd-more')].map((b) => b.textContent),
      list: list && { width: list.width, height: list.height },
      detail: size(doc.querySelector('.cd-detail')),
      viewport: { width: win.innerWidth, height: win.innerHeight },
      scrollWidth: doc.documentElement.scrollWidth,
      rowCount: doc.querySelectorAll('[role=option]').length,
      title: doc.querySelector('.cd-detail h2')?.textContent ?? '',
      rootCause: doc.querySelector('.cd-detail .cd-lead__title')?.textContent ?? null,
      row: row ? { outcome: row.getAttribute('data-outcome'), selected: row.getAttribute('aria-selected') === 'true', verdict: verdict ? [...verdict.childNodes].filter((n) => n !== badge).map((n) => n.textContent).join('').trim() : '' } : null,
    };
  })()`;
}

/** JSON with every non-ASCII character escaped: Firefox's frame script (a data: URL) does not decode it as UTF-8. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Opens the "All headers" disclosure of the evidence (as a user would, to read X-Debug and Server). */
export function openAllHeadersExpression(doc: string): string {
  return `(() => {
    const details = ${doc}.querySelector('.cd-detail .cd-all-headers');
    if (!details) return false;
    details.open = true;
    return details.open;
  })()`;
}

/** Clicks the first "show all" button whose label mentions `count` characters; true if there was one. */
export function clickShowAllExpression(doc: string, count: number): string {
  return `(() => {
    const label = ${JSON.stringify(count.toLocaleString('en-US'))} + ' characters';
    const button = [...${doc}.querySelectorAll('button.cd-more')].find((b) => b.textContent.includes(label));
    if (!button) return false;
    button.click();
    return true;
  })()`;
}

/** The strings the panel's text must hold literally (or, for `longValueWhole`, only once expanded). */
export function hostileProbes(servers: HostileServers): Record<string, string> {
  const { values } = servers;
  return {
    allowOriginMarkup: values.allowOrigin,
    imgMarkup: `<img src=${servers.attackerOrigin}/pixel`,
    scriptTag: HOSTILE_VALUES.scriptTag,
    svgOnload: HOSTILE_VALUES.svgOnload,
    iframeMarkup: `<iframe src="${servers.attackerOrigin}/frame"></iframe>`,
    // The bytes of U+202E and \x9b as Firefox decodes them, its C1 controls shown as escapes by the panel…
    firefoxBidiBytes: 'https://app.example\u00e2\\u0080\u00ae/moc.rekcatta',
    firefoxServerBidiBytes: '\u00e2\\u0080\u00aegnp.exe',
    firefoxC1: '\t\\u009b31m',
    // …and as Chromium does (windows-1252: no control left).
    chromiumBidiBytes: 'https://app.example\u00e2\u20ac\u00ae/moc.rekcatta',
    chromiumServerBidiBytes: '\u00e2\u20ac\u00aegnp.exe',
    chromiumC1: '\t\u203a31m',
    urlQuery: `?html=%3Cimg%20src=${servers.attackerOrigin}/query-pixel%20onerror=%22window.__pwned%20=%201%22%3E`,
    longValueStart: values.longValue.slice(0, 1000),
    longValueWhole: values.longValue,
  };
}
