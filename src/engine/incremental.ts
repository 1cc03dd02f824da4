// IncrementalDiagnoser: diagnose() for a capture that grows one entry at a time, as the DevTools panel sees a busy
// page (entries arrive in any order: a preflight often after its real request). Adding an entry costs what it
// changes, not the size of the capture:
//
// - Pairing is kept per group (pairing.ts): the requests of one URL + method with their preflights, the redirects
//   to one URL with that URL's requests. A new entry joins its groups, which redo the greedy matching only from the
//   first seeker it can affect and only until the result is the same as before.
// - Only the exchanges whose entries changed pairing are rebuilt (an exchange is keyed by its first request, or by
//   its preflight when the request is missing).
// - An exchange's report also reads capture-wide facts (other responses of the same server, cookies sent to the
//   same host, the server's stacks). Every such read is recorded while the report is built, with the callback a
//   rule searched a list with; a new entry invalidates a report only when it would change what was read: a `find`
//   that found nothing and would now find the new entry, a `filter` the new entry passes, a value that changed.
//
// The result is, at every moment, exactly what diagnose() gives for the same entries in the same order
// (test/engine/incremental.test.ts checks it on real and generated captures fed in shuffled orders).
//
// Use: `add()` entries as they arrive; `flush()` returns the reports that changed since the last flush (and the
// ids of those gone), for a view that keeps its own list; `exchanges()` / `report()` give the whole result.
import { detectBrowser, profileFor, type BrowserProfile } from './cors/browsers';
import { GrowingCaptureFacts, type CaptureFacts } from './capture-facts';
import { cookieHost, type CookieIndex, type DeclaredCredentials } from './credentials';
import { describeInput, diagnoseExchange, isListed, summarize, type CaptureContext } from './diagnose';
import {
  buildExchange,
  buildPreflightOnlyExchange,
  chainFrom,
  firstIndex,
  preflightKey,
  redirectTarget,
  requestKey,
} from './exchanges';
import { isPreflight } from './har/entry-facts';
import { normalizeEntry, normalizePages, type Entry, type PageInfo } from './har/normalize';
import type { ParsedHar } from './har/parse';
import { readEntry } from './har/prepared';
import type { RawHarEntry, RawHarLog } from './har/types';
import type { Exchange } from './model';
import { byStart, PreflightGroup, RedirectGroup } from './pairing';
import type { ExchangeReport, Report } from './report';

export interface IncrementalOptions {
  /** The tool version written in the report. */
  version: string;
  /** Report every exchange, not only cross-origin and failed ones (diagnose's `all`). */
  all?: boolean;
  /** The input's name in the report (default "live"). */
  file?: string;
  /**
   * The log's fields other than its entries: `creator` (and `browser`) say whose CORS rules apply, `pages` give
   * the page URLs. Entries given here are ignored: add them with add().
   */
  log?: Partial<RawHarLog>;
  /** The credentials mode of every request, when the producer knows it (see HarInput.credentials). */
  credentials?: DeclaredCredentials;
}

export interface ExchangeChanges {
  /** Reports that are new or were recomputed since the last flush, in report order. */
  readonly updated: readonly ExchangeReport[];
  /** Ids of exchanges that are no longer in the report (merged into another, or no longer listed). */
  readonly removed: readonly string[];
}

/** A recorded read of capture-wide facts, and what would make its answer change. */
interface Read {
  readonly kind: 'any' | 'find' | 'findIndex' | 'some' | 'every' | 'filter';
  /** The answer: found (find, findIndex, some), or all passed (every). */
  readonly hit?: boolean;
  readonly test?: (entry: Entry, index: number, list: readonly Entry[]) => unknown;
}

const ANY: Read = { kind: 'any' };

interface ExchangeState {
  /** Its first request, or its preflight when the request is not in the capture. */
  readonly key: Entry;
  readonly exchange: Exchange;
  /** Every entry of the exchange: each hop's request and preflight. */
  readonly members: readonly Entry[];
  /** Null when the exchange is not listed (same-origin and successful, without `all`). */
  readonly report: ExchangeReport | null;
  /** What building the report read, by scope (see IncrementalDiagnoser.appended). */
  readonly reads: Map<string, Read[]>;
  /** Its place in the report: the index of its first entry (firstIndex). */
  readonly first: number;
  /** It was rebuilt or removed since: no longer the exchange of its key. */
  superseded: boolean;
}

/** Everything that reset() forgets. */
class Capture {
  readonly entries: Entry[] = [];
  readonly skipped: ParsedHar['skipped'] = [];
  readonly facts: GrowingCaptureFacts;
  readonly cookies = new Map<string, Entry[]>();
  readonly preflightGroups = new Map<string, PreflightGroup>();
  readonly redirectGroups = new Map<string, RedirectGroup>();
  /** Requests whose URL + method has no preflight yet, and requests of URLs no redirect points to yet. */
  readonly requestsByKey = new Map<string, Entry[]>();
  readonly requestsByUrl = new Map<string, Entry[]>();
  readonly states = new Map<Entry, ExchangeState>();
  readonly memberOf = new Map<Entry, ExchangeState>();
  /** Exchange keys to rebuild at the next flush. */
  readonly dirty = new Set<Entry>();
  /** Scope → the exchanges whose report read it. */
  readonly readers = new Map<string, Set<ExchangeState>>();
  readonly updated = new Map<string, ExchangeState>();
  readonly removed = new Set<string>();
  /** The listed exchanges in report order as of the last exchanges(); some may have been rebuilt since. */
  listed: ExchangeState[] = [];
  /** Listed exchanges built since the last exchanges(). */
  fresh: ExchangeState[] = [];
  /** An exchange of `listed` was rebuilt or removed since the last exchanges(). */
  stale = false;

  constructor(pages: readonly PageInfo[]) {
    this.facts = new GrowingCaptureFacts(pages);
  }
}

export class IncrementalDiagnoser {
  private readonly file: string;
  private readonly log: RawHarLog;
  private readonly pages: readonly PageInfo[];
  private readonly browser: BrowserProfile;
  private capture: Capture;

  constructor(private readonly options: IncrementalOptions) {
    this.file = options.file ?? 'live';
    this.log = { ...options.log, entries: [] };
    this.pages = normalizePages(this.log);
    const creator = typeof this.log.creator?.name === 'string' ? this.log.creator.name : null;
    const browserName = typeof this.log.browser?.name === 'string' ? this.log.browser.name : null;
    this.browser = profileFor(detectBrowser(creator, browserName).name);
    this.capture = new Capture(this.pages);
  }

  /** Forgets every entry (a navigation in the inspected page). Reports given out so far are all removed. */
  reset(): void {
    const old = this.capture;
    this.capture = new Capture(this.pages);
    for (const id of old.removed) this.capture.removed.add(id);
    for (const state of old.states.values()) if (state.report) this.capture.removed.add(state.report.id);
  }

  /** The number of entries added. */
  get size(): number {
    return this.capture.entries.length;
  }

  /** Adds the capture's next entry (its index is the number of entries before it), as a HAR producer wrote it. */
  add(raw: RawHarEntry | unknown): void {
    const c = this.capture;
    const index = c.entries.length;
    const entry = normalizeEntry(readEntry(raw, index, c.skipped), index);
    c.entries.push(entry);
    this.addFacts(entry);
    this.pair(entry);
  }

  addAll(raws: Iterable<RawHarEntry | unknown>): void {
    for (const raw of raws) this.add(raw);
  }

  /** Recomputes the exchanges the entries added since the last flush touched; returns what changed. */
  flush(): ExchangeChanges {
    this.recompute();
    const c = this.capture;
    const updated = [...c.updated.values()]
      .flatMap((state) => (state.report ? [state] : []))
      .sort((a, b) => firstIndex(a.exchange) - firstIndex(b.exchange))
      .map((state) => state.report as ExchangeReport);
    const removed = [...c.removed];
    c.updated.clear();
    c.removed.clear();
    return { updated, removed };
  }

  /** Every listed exchange's report, in report order: diagnose()'s `exchanges` for the same entries. */
  exchanges(): ExchangeReport[] {
    this.recompute();
    return this.listed().map((state) => state.report as ExchangeReport);
  }

  /** The whole report: what diagnose() gives for a HAR of the log and the entries added, in the order added. */
  report(): Report {
    const exchanges = this.exchanges();
    const c = this.capture;
    return {
      tool: 'cors-doctor',
      version: this.options.version,
      inputs: [describeInput(this.file, this.log, c.entries, c.skipped)],
      exchanges,
      summary: summarize(exchanges),
    };
  }

  /**
   * The listed exchanges in report order. Kept from one call to the next: only the exchanges built since are sorted,
   * then merged in, so that a report of a big capture after a few new entries costs no sort of all of it.
   */
  private listed(): ExchangeState[] {
    const c = this.capture;
    if (c.fresh.length === 0 && !c.stale) return c.listed;
    const kept = c.stale ? c.listed.filter((state) => !state.superseded) : c.listed;
    const fresh = c.fresh.filter((state) => !state.superseded).sort((a, b) => a.first - b.first);
    // New entries mostly make exchanges that come last: everything before the first of them is kept as is.
    const firstFresh = fresh[0]?.first ?? Infinity;
    let i = sortedIndex(kept, firstFresh);
    const merged = kept.slice(0, i);
    for (const state of fresh) {
      for (; i < kept.length && (kept[i] as ExchangeState).first < state.first; i++)
        merged.push(kept[i] as ExchangeState);
      merged.push(state);
    }
    for (; i < kept.length; i++) merged.push(kept[i] as ExchangeState);
    c.listed = merged;
    c.fresh = [];
    c.stale = false;
    return merged;
  }

  // --- Capture-wide facts, and the reports that read them ---

  private addFacts(entry: Entry): void {
    const c = this.capture;
    const change = c.facts.add(entry);
    this.appended('E', entry, c.facts.entries);
    if (entry.url !== '') {
      this.appended(`U:${entry.url}`, entry, c.facts.byUrl.get(entry.url) ?? []);
      this.changed('U:*');
    }
    if (change.server !== null) {
      this.appended(`S:${change.server}`, entry, c.facts.byServer.get(change.server) ?? []);
      this.changed('S:*');
      if (change.corsChanged) {
        this.changed(`A:${change.server}`);
        this.changed('A:*');
      }
      if (change.stacksChanged) this.changed(`K:${change.server}`);
    }
    const host = cookieHost(entry);
    if (host) {
      let list = c.cookies.get(host);
      if (!list) c.cookies.set(host, (list = []));
      list.push(entry);
      this.appended(`C:${host}`, entry, list);
      this.changed('C:*');
    }
  }

  /** `entry` was appended to the list `scope` names: invalidate the reports whose reads of it it changes. */
  private appended(scope: string, entry: Entry, list: readonly Entry[]): void {
    const c = this.capture;
    const readers = c.readers.get(scope);
    if (!readers) return;
    for (const state of readers) {
      if (c.dirty.has(state.key)) continue;
      if ((state.reads.get(scope) ?? []).some((read) => affects(read, entry, list))) c.dirty.add(state.key);
    }
  }

  /** The value `scope` names changed: invalidate every report that read it. */
  private changed(scope: string): void {
    const c = this.capture;
    for (const state of c.readers.get(scope) ?? []) c.dirty.add(state.key);
  }

  private context(reads: Map<string, Read[]>): CaptureContext {
    const record = (scope: string, read: Read) => {
      const list = reads.get(scope);
      if (list) list.push(read);
      else reads.set(scope, [read]);
    };
    const facts = this.capture.facts;
    const tracked: CaptureFacts = {
      get entries() {
        return trackList(facts.entries, 'E', record);
      },
      pages: facts.pages,
      corsByServer: new TrackedMap('A:', facts.corsByServer, record),
      byServer: new TrackedMap('S:', facts.byServer, record, (list, key) => trackList(list, `S:${key}`, record)),
      byUrl: new TrackedMap('U:', facts.byUrl, record, (list, key) => trackList(list, `U:${key}`, record)),
      serverStacks(server: string) {
        record(`K:${server}`, ANY);
        return facts.serverStacks(server);
      },
    };
    const cookies: CookieIndex = new TrackedMap('C:', this.capture.cookies, record, (list, key) =>
      trackList(list, `C:${key}`, record),
    );
    return { browser: this.browser, cookies, facts: tracked, credentials: this.options.credentials };
  }

  // --- Pairing ---

  private pair(entry: Entry): void {
    const c = this.capture;
    const touched = new Set<Entry>([entry]);
    const merge = (changed: ReadonlySet<Entry>) => changed.forEach((e) => touched.add(e));
    if (isPreflight(entry)) {
      const key = preflightKey(entry);
      let group = c.preflightGroups.get(key);
      if (!group) {
        group = new PreflightGroup();
        moveInto(group.seekers, c.requestsByKey, key);
        c.preflightGroups.set(key, group);
      }
      merge(group.addCandidate(entry));
    } else if (entry.url !== '') {
      const key = requestKey(entry);
      const preflights = c.preflightGroups.get(key);
      if (preflights) merge(preflights.addSeeker(entry));
      else push(c.requestsByKey, key, entry);
      const redirects = c.redirectGroups.get(entry.url);
      if (redirects) merge(redirects.addCandidate(entry));
      else push(c.requestsByUrl, entry.url, entry);
      const target = redirectTarget(entry);
      if (target !== null) {
        let group = c.redirectGroups.get(target);
        if (!group) {
          group = new RedirectGroup();
          moveInto(group.candidates, c.requestsByUrl, target);
          c.redirectGroups.set(target, group);
        }
        merge(group.addSeeker(entry));
      }
    }
    for (const e of touched) this.touch(e);
  }

  /** `entry`'s pairing changed: rebuild the exchange that held it and the one that holds it now. */
  private touch(entry: Entry): void {
    const c = this.capture;
    const old = c.memberOf.get(entry);
    if (old) c.dirty.add(old.key);
    if (isPreflight(entry)) {
      const request = c.preflightGroups.get(preflightKey(entry))?.owner.get(entry);
      const key = request ? this.headOf(request) : entry;
      if (key) c.dirty.add(key);
    } else if (entry.url !== '') {
      const head = this.headOf(entry);
      if (head) c.dirty.add(head);
    }
  }

  private preflightOf(request: Entry): Entry | undefined {
    return this.capture.preflightGroups.get(requestKey(request))?.match.get(request);
  }

  private nextHop(request: Entry): Entry | undefined {
    const target = redirectTarget(request);
    return target === null ? undefined : this.capture.redirectGroups.get(target)?.match.get(request);
  }

  private previousHop(request: Entry): Entry | undefined {
    return this.capture.redirectGroups.get(request.url)?.owner.get(request);
  }

  /** The first request of `request`'s redirect chain; null inside a redirect loop (no exchange, as in diagnose). */
  private headOf(request: Entry): Entry | null {
    const seen = new Set<Entry>();
    let head = request;
    for (let previous = this.previousHop(head); previous; previous = this.previousHop(head)) {
      if (seen.has(previous)) return null;
      seen.add(head);
      head = previous;
    }
    return head;
  }

  // --- Rebuilding exchanges ---

  private recompute(): void {
    const c = this.capture;
    for (const key of c.dirty) this.rebuild(key);
    c.dirty.clear();
  }

  private rebuild(key: Entry): void {
    const c = this.capture;
    const old = c.states.get(key);
    if (old) {
      for (const scope of old.reads.keys()) c.readers.get(scope)?.delete(old);
      for (const member of old.members) if (c.memberOf.get(member) === old) c.memberOf.delete(member);
      c.states.delete(key);
      old.superseded = true;
      if (old.report) c.stale = true;
    }
    const built = this.exchangeAt(key);
    const listed = built !== null && (this.options.all || isListed(built.exchange));
    if (!listed && old?.report) {
      c.updated.delete(old.report.id);
      c.removed.add(old.report.id);
    }
    if (!built) return;
    const reads = new Map<string, Read[]>();
    const report = listed ? diagnoseExchange(built.exchange, this.context(reads)) : null;
    const state: ExchangeState = {
      key,
      exchange: built.exchange,
      members: built.members,
      report,
      reads,
      first: firstIndex(built.exchange),
      superseded: false,
    };
    c.states.set(key, state);
    for (const member of state.members) c.memberOf.set(member, state);
    for (const scope of reads.keys()) {
      let readers = c.readers.get(scope);
      if (!readers) c.readers.set(scope, (readers = new Set()));
      readers.add(state);
    }
    if (report) {
      c.removed.delete(report.id);
      c.updated.set(report.id, state);
      c.fresh.push(state);
    }
  }

  /** The exchange `key` starts now, or null when it starts none (a continuation, or a paired preflight). */
  private exchangeAt(key: Entry): { exchange: Exchange; members: Entry[] } | null {
    if (isPreflight(key)) {
      const owned = this.capture.preflightGroups.get(preflightKey(key))?.owner.has(key);
      return owned ? null : { exchange: buildPreflightOnlyExchange(0, key), members: [key] };
    }
    if (key.url === '' || this.previousHop(key)) return null;
    const chain = chainFrom(key, { get: (request) => this.nextHop(request) });
    const preflights = {
      get: (request: Entry) => this.preflightOf(request),
      has: (request: Entry) => this.preflightOf(request) !== undefined,
    };
    const exchange = buildExchange(0, chain, preflights, this.pages);
    const members = chain.flatMap((request) => {
      const preflight = this.preflightOf(request);
      return preflight ? [request, preflight] : [request];
    });
    return { exchange, members };
  }
}

/** Would appending `entry` to `list` change the answer `read` got? */
function affects(read: Read, entry: Entry, list: readonly Entry[]): boolean {
  if (read.kind === 'any' || !read.test) return true;
  let passes: boolean;
  try {
    passes = Boolean(read.test(entry, list.length - 1, list));
  } catch {
    return true;
  }
  switch (read.kind) {
    case 'filter':
      return passes;
    case 'every':
      return read.hit === true && !passes;
    default:
      // find, findIndex, some: a list that had a match keeps its first one.
      return read.hit === false && passes;
  }
}

type Search = (entry: Entry, index: number, list: readonly Entry[]) => unknown;

/** `list` as a rule sees it, recording how it was read under `scope`. */
function trackList(
  list: readonly Entry[],
  scope: string,
  record: (scope: string, read: Read) => void,
): readonly Entry[] {
  let readAll = false;
  return new Proxy(list, {
    get(target, property) {
      switch (property) {
        case 'find':
        case 'findIndex':
        case 'some':
        case 'every':
        case 'filter':
          return (test: Search, thisArg?: unknown) => {
            const bound: Search = (entry, index, array) => test.call(thisArg, entry, index, array);
            const result: unknown = (target[property] as (t: Search) => unknown).call(target, bound);
            const hit =
              property === 'find' ? result !== undefined : property === 'findIndex' ? result !== -1 : Boolean(result);
            // Appending cannot change a search that found its match, nor an `every` that already failed: only
            // the others need watching.
            if (property === 'filter' || (property === 'every' ? hit : !hit)) {
              record(scope, { kind: property, hit, test: bound });
            }
            return result;
          };
      }
      // Any other use (length, indexing, iteration, map, …) depends on every element.
      if (!readAll) {
        readAll = true;
        record(scope, ANY);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A capture-wide map as a rule sees it. Reading a key is recorded under `prefix + key`: as a list read when `list`
 * wraps the value (the list then records how it is searched), else as reading the value. Anything else (size,
 * iteration) is recorded under `prefix + "*"`.
 */
class TrackedMap<V, W = V> implements ReadonlyMap<string, W> {
  constructor(
    private readonly prefix: string,
    private readonly map: ReadonlyMap<string, V>,
    private readonly record: (scope: string, read: Read) => void,
    private readonly list?: (value: V, key: string) => W,
  ) {}

  get(key: string): W | undefined {
    const value = this.map.get(key);
    if (value === undefined || !this.list) {
      this.record(this.prefix + key, ANY);
      return value as W | undefined;
    }
    return this.list(value, key);
  }

  has(key: string): boolean {
    this.record(this.prefix + key, ANY);
    return this.map.has(key);
  }

  get size(): number {
    return this.whole().size;
  }

  forEach(callback: (value: W, key: string, map: ReadonlyMap<string, W>) => void): void {
    this.whole().forEach((value, key) => callback(value, key, this));
  }

  entries(): MapIterator<[string, W]> {
    return this.whole().entries();
  }

  keys(): MapIterator<string> {
    return this.whole().keys();
  }

  values(): MapIterator<W> {
    return this.whole().values();
  }

  [Symbol.iterator](): MapIterator<[string, W]> {
    return this.entries();
  }

  private whole(): Map<string, W> {
    this.record(`${this.prefix}*`, ANY);
    const list = this.list;
    return new Map([...this.map].map(([key, value]) => [key, list ? list(value, key) : (value as unknown as W)]));
  }
}

/** How many of `states` (in report order) come before an exchange whose first entry is `first`. */
function sortedIndex(states: readonly ExchangeState[], first: number): number {
  let low = 0;
  let high = states.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((states[middle] as ExchangeState).first < first) low = middle + 1;
    else high = middle;
  }
  return low;
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Moves the entries waiting under `key` into a new group's list, in start order. */
function moveInto(target: Entry[], waiting: Map<string, Entry[]>, key: string): void {
  for (const entry of waiting.get(key) ?? []) target.push(entry);
  target.sort(byStart);
  waiting.delete(key);
}
