// Measurements taken inside the panel page (bench/panel.ts evaluates them over CDP): a script that installs
// `window.__bench`, then calls into it. Times are the panel's own performance.now(), so no CDP round trip is in them.
// Selectors are the panel's (src/panel/components): rows are [role=option] in .cd-list, 40 px each; the summary line
// is .cd-summary; the details of the selected row are .cd-detail with an h2.

/** What one interaction took: until the DOM showed the result, and until the next frame after it. */
export interface Sample {
  domMs: number;
  frameMs: number;
}

export interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
}

export const INSTALL_PROBES = `(() => {
  if (window.__bench) return true;
  const ROW = 40;
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({ at: e.startTime, ms: e.duration }))))
    .observe({ type: 'longtask', buffered: true });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // The next frame, then the task after it: the frame that shows the change has been produced. A window that draws
  // no frames (hidden) would never call back: give up after a second.
  const nextFrame = () =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, 1000);
      requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
    });
  const until = async (test, timeoutMs) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = test();
      if (value) return value;
      if (performance.now() > deadline) return null;
      await sleep(0);
    }
  };
  const list = () => document.querySelector('.cd-list[role=listbox]');
  const rows = () => [...document.querySelectorAll('.cd-list [role=option]')];
  const top = (row) => Number(/translateY\\(([\\d.]+)px\\)/.exec(row.style.transform)?.[1] ?? NaN);
  const count = () => Number(/^(\\d+) cross-origin requests/.exec(document.querySelector('.cd-summary')?.textContent ?? '')?.[1] ?? NaN);
  const detailTitle = () => document.querySelector('.cd-detail h2')?.textContent ?? '';
  /** The list shows \`n\` rows: the summary counts them and the scroll area is as tall as n rows. */
  const shows = (n) => count() === n && (list()?.firstElementChild?.getBoundingClientRect().height ?? 0) === n * ROW && rows().length > 0;
  /** A rendered row covers the top of the viewport at the list's scroll position. */
  const rendered = () => {
    const l = list();
    const first = Math.floor(l.scrollTop / ROW) * ROW;
    return rows().some((r) => top(r) === first);
  };
  const random = (() => { let s = 42; return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296); })();

  window.__bench = {
    count,
    shows,
    longTasksSince(at) {
      const mine = longTasks.filter((t) => t.at >= at);
      return { count: mine.length, totalMs: mine.reduce((s, t) => s + t.ms, 0), maxMs: Math.max(0, ...mine.map((t) => t.ms)) };
    },
    now: () => performance.now(),
    async chooseFilter(label) {
      // The panel renders once the devtools page has handed its capture over.
      const input = await until(() => [...document.querySelectorAll('[role=radiogroup] label')].find((l) => l.textContent.trim() === label)?.querySelector('input'), 10000);
      if (input && !input.checked) input.click();
      await nextFrame();
      return input?.checked === true;
    },
    /** Scrolls to a random place, then clicks a row in the middle of the viewport: \`samples\` times. */
    async select(samples) {
      const out = [];
      for (let i = 0; i < samples; i++) {
        const l = list();
        l.scrollTop = Math.floor(random() * (l.scrollHeight - l.clientHeight));
        await until(rendered, 5000);
        await nextFrame();
        const candidates = rows().filter((r) => r.getAttribute('aria-selected') !== 'true' && top(r) >= l.scrollTop && top(r) < l.scrollTop + l.clientHeight - ROW);
        const row = candidates[Math.floor(candidates.length / 2)];
        if (!row) continue;
        const url = row.querySelector('.cd-row__url')?.getAttribute('title') ?? '';
        const started = performance.now();
        row.click();
        if (!(await until(() => detailTitle().endsWith(url), 10000))) throw new Error('no detail for ' + url);
        const dom = performance.now();
        await nextFrame();
        out.push({ domMs: dom - started, frameMs: performance.now() - started });
      }
      return out;
    },
    /** Moves the selection down with the arrow key, \`samples\` times, from the selected row. */
    async arrowDown(samples) {
      const out = [];
      const l = list();
      l.focus();
      for (let i = 0; i < samples; i++) {
        const before = detailTitle();
        const started = performance.now();
        l.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        if (!(await until(() => detailTitle() !== before, 10000))) throw new Error('ArrowDown changed nothing');
        const dom = performance.now();
        await nextFrame();
        out.push({ domMs: dom - started, frameMs: performance.now() - started });
      }
      return out;
    },
    /** Scrolls by \`stepPx\` at a time from the top, \`steps\` times; each until the rows at the new place render. */
    async scroll(steps, stepPx) {
      const l = list();
      l.scrollTop = 0;
      await until(rendered, 5000);
      await nextFrame();
      const out = [];
      for (let i = 0; i < steps; i++) {
        const started = performance.now();
        l.scrollTop += stepPx;
        if (!(await until(rendered, 5000))) throw new Error('rows did not render at ' + l.scrollTop);
        const dom = performance.now();
        await nextFrame();
        out.push({ domMs: dom - started, frameMs: performance.now() - started });
      }
      return out;
    },
    /** Jumps to random places in the list, \`samples\` times. */
    async jump(samples) {
      const l = list();
      const out = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        l.scrollTop = Math.floor(random() * (l.scrollHeight - l.clientHeight));
        if (!(await until(rendered, 5000))) throw new Error('rows did not render at ' + l.scrollTop);
        const dom = performance.now();
        await nextFrame();
        out.push({ domMs: dom - started, frameMs: performance.now() - started });
      }
      return out;
    },
    /** How many elements the page has: a virtualized list keeps this small whatever the number of rows. */
    elements: () => document.getElementsByTagName('*').length,
    dropNotice: () => document.querySelector('.cd-notice--dropped')?.textContent ?? null,
    capture() {
      const state = window.__corsDoctorCapture?.getState();
      return state ? { entries: state.entries.length, dropped: state.dropped } : null;
    },
  };
  return true;
})()`;

export const call = (method: string, ...args: unknown[]): string =>
  `window.__bench.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
