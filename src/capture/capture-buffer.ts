// The inspected page's HAR entries, captured from the moment DevTools opens. The devtools page owns one buffer and
// hands it to the panel when the panel is first shown (the panel page only loads then). It:
// - backfills with getHAR() (requests made before the listener was registered) and de-duplicates against live ones;
// - recovers requests Firefox never reports live: a real request blocked at its preflight exists only in getHAR();
// - completes live entries Chromium reported too early: onRequestFinished may fire before the raw headers (CDP's
//   *ExtraInfo events) arrive, leaving only provisional request headers (no Origin) and, for a response that failed
//   the CORS check, status 0; getHAR() has them once they arrive (found by test/e2e/chromium.e2e.test.ts);
// - keeps at most `limit` entries, counting what it dropped; when full, it drops the oldest in a batch (a tenth of the
//   limit), because dropping shifts every entry's position and so costs the panel a full re-diagnosis: once per
//   thousand new requests, not once per request, on a busy page;
// - asks getHAR() only when it may have something to add: a preflight whose real request has not arrived by then, or
//   an entry that arrived incomplete (each tried a few times at most: a request that never got a response stays
//   incomplete); and at most once a second, less often the longer it takes: it returns the whole log, which on a
//   busy page is tens of thousands of entries and seconds of work for DevTools and for this page. Of that log only
//   the entries wanted are copied (see DevtoolsHost.getHar);
// - clears on navigation unless "preserve log" is on.
// Framework-free: the panel subscribes to it; tests drive it with a fake host.
import type { RawHarEntry } from '../engine';
import type { DevtoolsHost, Unsubscribe } from '../platform/devtools-host';

export interface CaptureState {
  readonly entries: readonly RawHarEntry[];
  /** Entries dropped because the buffer was full. */
  readonly dropped: number;
  readonly preserveLog: boolean;
  /** The page had loaded before capture began: earlier requests are lost (suggest a reload). */
  readonly startedLate: boolean;
  /** Navigations since capture began. */
  readonly navigations: number;
}

export interface CaptureOptions {
  /** Most entries kept; the oldest go first. */
  limit?: number;
  /** How many of the oldest entries go at once when the buffer is over its limit (default: a tenth of it). */
  dropBatch?: number;
  /** How long after a preflight its real request may still arrive before getHAR() is asked for it. */
  recoveryDelayMs?: number;
  /** Timer seam for tests. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  /** Clock seam for tests (milliseconds). */
  now?: () => number;
}

export const DEFAULT_LIMIT = 10_000;

/** A recovery waits at least this many times as long as the last getHAR() took, so it takes at most ~1/10 of the time. */
const RECOVERY_COST_FACTOR = 10;

/** How many recoveries try to complete an entry that arrived incomplete. */
const COMPLETION_TRIES = 3;

/** How far apart (ms) a real request and its preflight may start: the request starts first, by up to ~100 ms. */
const PREFLIGHT_WINDOW_MS = 1_000;

export class CaptureBuffer {
  private state: CaptureState = { entries: [], dropped: 0, preserveLog: false, startedLate: false, navigations: 0 };
  private readonly keys = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly stops: Unsubscribe[] = [];
  private generation = 0;
  private recoveryPending = false;
  /** Entries that need a recovery arrived while one was under way. */
  private recoveryWanted = false;
  /** How long the last recovery's getHAR() took. */
  private recoveryCostMs = 0;
  /** Held entries that may still gain data (not isComplete). */
  private readonly incomplete = new Set<RawHarEntry>();
  /** Entries that arrived incomplete: when, and how many recoveries have tried to complete them. */
  private readonly completing = new Map<RawHarEntry, { at: number; tries: number }>();
  /** Preflights not looked at yet, and when they arrived: their real request may exist only in getHAR(). */
  private awaited: { preflight: RawHarEntry; at: number }[] = [];
  private readonly limit: number;
  private readonly dropBatch: number;
  private readonly recoveryDelayMs: number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly now: () => number;

  constructor(
    private readonly host: DevtoolsHost,
    options: CaptureOptions = {},
  ) {
    this.limit = options.limit ?? DEFAULT_LIMIT;
    this.dropBatch = Math.max(1, options.dropBatch ?? Math.floor(this.limit / 10));
    this.recoveryDelayMs = options.recoveryDelayMs ?? 1_000;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts listening, then backfills; entries that arrive during the backfill are kept once. */
  async start(): Promise<void> {
    this.stops.push(
      this.host.onRequestFinished((entry) => {
        if (!this.add([entry])) return; // held already
        const preflight = isPreflightEntry(entry);
        const incomplete = !isComplete(entry);
        const at = this.now();
        if (preflight) this.awaited.push({ preflight: entry, at });
        if (incomplete) this.completing.set(entry, { at, tries: 0 });
        if (preflight || incomplete) this.scheduleRecovery();
      }),
      this.host.onNavigated(() => this.navigated()),
    );
    const generation = this.generation;
    const har = await this.host.getHar();
    if (generation !== this.generation) return; // a navigation made this backfill stale
    this.add(har, true);
    // DevTools records only from when it attached: an empty log at start means the page loaded before that
    // (a page that loads later brings a navigation, which clears this).
    if (har.length === 0 && this.state.navigations === 0) this.update({ startedLate: true });
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  setPreserveLog(preserveLog: boolean): void {
    this.update({ preserveLog });
  }

  /** Empties the buffer (the "Clear" button). */
  clear(): void {
    this.forget();
    this.update({ entries: [], dropped: 0 });
  }

  subscribe = (listener: () => void): Unsubscribe => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CaptureState => this.state;

  private navigated(): void {
    this.generation++;
    const navigations = this.state.navigations + 1;
    if (this.state.preserveLog) {
      this.update({ navigations, startedLate: false });
      return;
    }
    this.forget();
    this.update({ entries: [], dropped: 0, navigations, startedLate: false });
  }

  /** Forgets every entry held. */
  private forget(): void {
    this.keys.clear();
    this.incomplete.clear();
    this.completing.clear();
    this.awaited = [];
  }

  /**
   * Asks getHAR() once things settle: for what Firefox reports only there (a request blocked at its preflight), and
   * for the complete version of an entry Chromium reported before its raw headers arrived.
   */
  private scheduleRecovery(): void {
    if (this.recoveryPending) {
      this.recoveryWanted = true; // again once this one is done: it may not see the entries that came since
      return;
    }
    this.recoveryPending = true;
    this.recoveryWanted = false;
    const generation = this.generation;
    const armed = this.now();
    const done = () => {
      this.recoveryPending = false;
      if (this.recoveryWanted || this.completing.size > 0) this.scheduleRecovery();
    };
    this.setTimer(
      () => {
        if (generation !== this.generation || !this.recoveryNeeded(armed)) {
          done();
          return;
        }
        const started = this.now();
        const incomplete = new Set([...this.incomplete].map(identity));
        // Only what could complete an entry held, or a request never sent that is not held yet.
        const wanted = (candidate: RawHarEntry) =>
          incomplete.has(identity(candidate)) || (isNeverSent(candidate) && !this.keys.has(entryKey(candidate)));
        this.host.getHar(wanted).then(
          (har) => {
            if (generation === this.generation) {
              this.complete(har);
              this.add(har.filter(isNeverSent));
              this.triedCompleting(armed);
            }
            this.recoveryCostMs = this.now() - started;
            done();
          },
          () => {
            this.triedCompleting(armed);
            done();
          },
        );
      },
      Math.max(this.recoveryDelayMs, this.recoveryCostMs * RECOVERY_COST_FACTOR),
    );
  }

  /**
   * Whether getHAR() may add something now: an entry to complete, or a preflight whose real request has not arrived
   * (in Firefox a request blocked at its preflight exists only in getHAR()). Only what arrived before this recovery
   * was `armed` counts: a preflight that has just arrived has its real request still on the way (it is looked at by
   * the next recovery, which is wanted already), and an entry that has just arrived may lack what getHAR() would only
   * have a moment later.
   */
  private recoveryNeeded(armed: number): boolean {
    let due = false;
    for (const [entry, { at }] of this.completing) {
      if (!this.incomplete.has(entry))
        this.completing.delete(entry); // completed, dropped or cleared since
      else if (at <= armed) due = true;
    }
    const preflights = this.awaited.filter(({ at }) => at <= armed).map(({ preflight }) => preflight);
    this.awaited = this.awaited.filter(({ at }) => at > armed);
    return due || this.unanswered(preflights.filter((preflight) => this.keys.has(entryKey(preflight))));
  }

  /** Whether one of `preflights` has no real request held (same URL and method, started about as early). */
  private unanswered(preflights: readonly RawHarEntry[]): boolean {
    if (preflights.length === 0) return false;
    // By URL, what each preflight waits for: the method it asked for, and when it started.
    const waiting = new Map<string, { method: string; start: number }[]>();
    for (const preflight of preflights) {
      const url = String(preflight.request?.url);
      const wanted = { method: requestedMethod(preflight), start: Date.parse(String(preflight.startedDateTime)) };
      const list = waiting.get(url);
      if (list) list.push(wanted);
      else waiting.set(url, [wanted]);
    }
    // Each real request answers one preflight at most. The latest entries are the likeliest answers.
    const entries = this.state.entries;
    for (let i = entries.length - 1; i >= 0 && waiting.size > 0; i--) {
      const entry = entries[i] as RawHarEntry;
      const url = String(entry.request?.url);
      const list = waiting.get(url);
      if (!list || isPreflightEntry(entry)) continue;
      const method = String(entry.request?.method).toUpperCase();
      const start = Date.parse(String(entry.startedDateTime));
      const answered = list.findIndex((w) => w.method === method && Math.abs(w.start - start) <= PREFLIGHT_WINDOW_MS);
      if (answered < 0) continue;
      list.splice(answered, 1);
      if (list.length === 0) waiting.delete(url);
    }
    return waiting.size > 0;
  }

  /** After a recovery `armed` then: entries it tried and left incomplete are tried again, a few times at most. */
  private triedCompleting(armed: number): void {
    for (const [entry, tried] of this.completing) {
      if (!this.incomplete.has(entry)) this.completing.delete(entry);
      else if (tried.at > armed) continue;
      else if (tried.tries + 1 >= COMPLETION_TRIES) this.completing.delete(entry);
      else tried.tries++;
    }
  }

  /** Replaces incomplete entries by their more complete version in `har` (same start, method and URL). */
  private complete(har: readonly RawHarEntry[]): void {
    if (this.incomplete.size === 0 || har.length === 0) return;
    const incomplete = new Map<string, number>();
    this.state.entries.forEach((entry, index) => {
      if (this.incomplete.has(entry)) incomplete.set(identity(entry), index);
    });
    let entries: RawHarEntry[] | null = null;
    for (const candidate of har) {
      const index = incomplete.get(identity(candidate));
      const current = index === undefined ? undefined : this.state.entries[index];
      if (index === undefined || !current || completeness(candidate) <= completeness(current)) continue;
      const key = entryKey(candidate);
      if (key !== entryKey(current) && this.keys.has(key)) continue; // that version is held as another entry
      entries ??= [...this.state.entries];
      entries[index] = candidate;
      this.keys.delete(entryKey(current));
      this.keys.add(key);
      this.incomplete.delete(current);
      if (!isComplete(candidate)) this.incomplete.add(candidate);
    }
    if (entries) this.update({ entries });
  }

  /** Holds the entries of `incoming` not held yet; returns how many. */
  private add(incoming: readonly RawHarEntry[], backfill = false): number {
    const fresh: RawHarEntry[] = [];
    for (const entry of incoming) {
      const key = entryKey(entry);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      fresh.push(entry);
      if (!isComplete(entry)) this.incomplete.add(entry);
    }
    if (fresh.length === 0) return 0;
    // Backfilled entries happened before the live ones already held.
    let entries = backfill ? [...fresh, ...this.state.entries] : [...this.state.entries, ...fresh];
    let dropped = this.state.dropped;
    if (entries.length > this.limit) {
      const dropping = Math.min(entries.length, Math.max(entries.length - this.limit, this.dropBatch));
      for (const gone of entries.slice(0, dropping)) {
        this.keys.delete(entryKey(gone));
        this.incomplete.delete(gone);
      }
      entries = entries.slice(dropping);
      dropped += dropping;
    }
    this.update({ entries, dropped });
    return fresh.length;
  }

  private update(change: Partial<CaptureState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A listener from a panel window that has gone away: forget it.
        this.listeners.delete(listener);
      }
    }
  }
}

function isPreflightEntry(entry: RawHarEntry): boolean {
  const request = entry.request;
  if (!request || String(request.method).toUpperCase() !== 'OPTIONS') return false;
  const headers = Array.isArray(request.headers) ? (request.headers as { name?: unknown }[]) : [];
  return headers.some((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'access-control-request-method');
}

/** The method a preflight asks for (Access-Control-Request-Method). */
function requestedMethod(preflight: RawHarEntry): string {
  const headers = Array.isArray(preflight.request?.headers)
    ? (preflight.request.headers as { name?: unknown; value?: unknown }[])
    : [];
  const header = headers.find(
    (h) => typeof h.name === 'string' && h.name.toLowerCase() === 'access-control-request-method',
  );
  return String(header?.value ?? '').toUpperCase();
}

/**
 * How much of a request the entry shows: a status, and the request headers as sent. Accept-Encoding is added by the
 * browser's network stack to every HTTP request it sends, and is never among the provisional headers Chromium
 * reports before the raw ones arrive.
 */
function completeness(entry: RawHarEntry): number {
  const headers = Array.isArray(entry.request?.headers) ? (entry.request.headers as { name?: unknown }[]) : [];
  const sentHeaders = headers.some((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'accept-encoding');
  return (entry.response?.status ? 2 : 0) + (sentHeaders ? 1 : 0);
}

/** Whether an entry may still gain data: no status, or only provisional request headers. */
function isComplete(entry: RawHarEntry): boolean {
  return completeness(entry) === 3;
}

/** The same request, whatever the version of its entry: start, method and URL. */
function identity(entry: RawHarEntry): string {
  return [entry.startedDateTime, entry.request?.method, entry.request?.url].map(String).join(' ');
}

/** Firefox's getHAR() entry for a request it never sent: status 0 and empty timings. */
function isNeverSent(entry: RawHarEntry): boolean {
  const timings = entry.timings;
  return (
    entry.response?.status === 0 && typeof timings === 'object' && timings !== null && Object.keys(timings).length === 0
  );
}

/** The same request seen through getHAR() and onRequestFinished: same start, method, URL and status. */
function entryKey(entry: RawHarEntry): string {
  return [entry.startedDateTime, entry.request?.method, entry.request?.url, entry.response?.status]
    .map(String)
    .join(' ');
}
