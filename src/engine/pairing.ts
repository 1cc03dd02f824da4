// The matchings exchanges are built from, one group at a time: the real requests of one URL + method with the
// preflights for them, and the redirects to one URL with the requests of that URL. Within a group, the seekers
// (requests, redirects) take in start order the nearest free candidate they accept; groups never share an entry,
// so each is solved on its own.
//
// Candidates are kept sorted by start time: finding the nearest is a binary search and a short walk over the
// candidates within reach, whatever the size of the group (10k requests to one URL stay linear).
//
// A group also takes entries one at a time (the incremental diagnoser, src/engine/incremental.ts), in any order:
// it redoes the greedy pass from the first seeker the new entry can affect, and stops as soon as every later
// seeker sees the same free candidates as before, so an entry costs what it changes, not the size of its group.
import { parseRequestedHeaders } from './cors/header-lists';
import { isSafelistedMethod, unsafeRequestHeaders } from './cors/safelist';
import type { Header, HeaderList } from './har/headers';
import type { Entry } from './har/normalize';

/** A preflight starts 1–96 ms after its real request in the measured captures; allow generous skew either way. */
export const PREFLIGHT_BEFORE_MS = 2_000;
export const PREFLIGHT_AFTER_MS = 30_000;
/** A redirect's next hop starts right after the 3xx; allow for clock rounding. */
export const REDIRECT_SKEW_MS = 50;

export function startOf(entry: Entry): number {
  return entry.startedMs ?? 0;
}

/**
 * Start order: start time (a missing one counts as 0); entries that start in the same millisecond by what they
 * are, so that pairing does not depend on their order in the file; identical ones by position in the file.
 */
export function byStart(a: Entry, b: Entry): number {
  return startOf(a) - startOf(b) || byContent(a, b) || a.index - b.index;
}

/** A total order on what an entry says (everything a verdict reads), without building anything. */
function byContent(a: Entry, b: Entry): number {
  return (
    compare(a.method, b.method) ||
    compare(a.url, b.url) ||
    a.status - b.status ||
    compare(a.statusText, b.statusText) ||
    byHeaders(a.requestHeaders, b.requestHeaders) ||
    byHeaders(a.responseHeaders, b.responseHeaders) ||
    a.requestCookieCount - b.requestCookieCount ||
    compare(String(a.error), String(b.error)) ||
    compare(a.redirectUrl ?? '', b.redirectUrl ?? '') ||
    compare(a.resourceType ?? '', b.resourceType ?? '') ||
    compare(a.initiator?.url ?? '', b.initiator?.url ?? '') ||
    compare(a.pageref ?? '', b.pageref ?? '') ||
    compare(a.fromCache ?? '', b.fromCache ?? '') ||
    Number(a.timingsEmpty) - Number(b.timingsEmpty)
  );
}

function byHeaders(a: HeaderList, b: HeaderList): number {
  if (a.size !== b.size) return a.size - b.size;
  const linesA = a.all;
  const linesB = b.all;
  for (let i = 0; i < linesA.length; i++) {
    const x = linesA[i] as Header;
    const y = linesB[i] as Header;
    const order = compare(x.name, y.name) || compare(x.value, y.value);
    if (order) return order;
  }
  return 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

abstract class PairingGroup {
  /** Requests or redirects, in start order. */
  readonly seekers: Entry[] = [];
  /** Preflights or redirect targets, in start order. */
  readonly candidates: Entry[] = [];
  /** Seeker → the candidate it took. */
  readonly match = new Map<Entry, Entry>();
  /** Candidate → the seeker that took it. */
  readonly owner = new Map<Entry, Entry>();
  /** How long before a seeker a candidate may start and still be within its reach. */
  protected abstract readonly reachBefore: number;

  /**
   * The candidate `seeker` takes, among those `free` says are not taken yet: in the first pass only a candidate
   * made for it (a preflight that lists exactly its headers), in the second any it accepts.
   */
  protected abstract choose(seeker: Entry, free: (candidate: Entry) => boolean, exact: boolean): Entry | null;

  /** Batch: with all seekers and candidates in place (in any order), matches every seeker. */
  solve(): void {
    this.seekers.sort(byStart);
    this.candidates.sort(byStart);
    this.run(0, null);
  }

  /** Incremental: adds a seeker; returns the seekers and candidates whose match changed. */
  addSeeker(seeker: Entry): Set<Entry> {
    const at = insertSorted(this.seekers, seeker);
    return this.run(at, new Set());
  }

  /** Incremental: adds a candidate; returns the seekers and candidates whose match changed. */
  addCandidate(candidate: Entry): Set<Entry> {
    insertSorted(this.candidates, candidate);
    // Before the run the new candidate is the one difference: taken (absent) before, free now.
    return this.run(this.firstReaching(candidate), new Set([candidate]));
  }

  /** The first seeker (position) that could take `candidate` rather than what it holds. */
  protected abstract firstReaching(candidate: Entry): number;

  /**
   * The greedy pass from seeker `from` on. A candidate counts as taken when a seeker before the current one holds
   * it; later seekers' old matches are stale until their turn. Seekers that start in the same millisecond take
   * their turn together: first each takes a candidate made for it, then the others take what is left, so which of
   * two simultaneous requests is first in the file does not decide which gets the preflight. `diff` (incremental
   * only) holds the candidates whose taken state differs from the previous pass at this point: once none of them
   * is within reach of the remaining seekers, those decide exactly as before, and the pass stops.
   */
  private run(from: number, diff: Set<Entry> | null): Set<Entry> {
    const changed = new Set<Entry>();
    const seekers = this.seekers;
    let i = from;
    // Start at the first of the seekers that start with seeker `from`: they take their turn together.
    while (i > 0 && i < seekers.length && startOf(seekers[i - 1] as Entry) === startOf(seekers[i] as Entry)) i--;
    const first = i;
    while (i < seekers.length) {
      const start = startOf(seekers[i] as Entry);
      if (diff && i > first && this.settled(diff, seekers[i] as Entry)) break;
      let end = i + 1;
      while (end < seekers.length && startOf(seekers[end] as Entry) === start) end++;
      const turn = seekers.slice(i, end);
      const old = turn.map((seeker) => this.match.get(seeker) ?? null);
      turn.forEach((seeker, k) => {
        const held = old[k];
        if (held && this.owner.get(held) === seeker) this.owner.delete(held);
      });
      const taking = new Set(turn);
      const picks: (Entry | null)[] = turn.map(() => null);
      for (const exact of [true, false]) {
        turn.forEach((seeker, k) => {
          if (picks[k]) return;
          const pick = this.choose(
            seeker,
            (c) => {
              const holder = this.owner.get(c);
              return holder === undefined || (!taking.has(holder) && byStart(holder, seeker) > 0);
            },
            exact,
          );
          if (pick) {
            picks[k] = pick;
            this.owner.set(pick, seeker);
          }
        });
      }
      turn.forEach((seeker, k) => {
        const pick = picks[k] ?? null;
        const was = old[k] ?? null;
        if (pick) this.match.set(seeker, pick);
        else this.match.delete(seeker);
        if (pick !== was && diff) {
          changed.add(seeker);
          for (const c of [was, pick]) {
            if (!c) continue;
            changed.add(c);
            if (!diff.delete(c)) diff.add(c);
          }
        }
      });
      i = end;
    }
    return changed;
  }

  private settled(diff: ReadonlySet<Entry>, next: Entry): boolean {
    const reach = startOf(next) - this.reachBefore;
    for (const c of diff) if (startOf(c) >= reach) return false;
    return true;
  }
}

/** The real requests for one URL and method, and the preflights whose Access-Control-Request-Method names it. */
export class PreflightGroup extends PairingGroup {
  protected readonly reachBefore = PREFLIGHT_BEFORE_MS;
  private readonly requestInfo = new Map<Entry, { wanted: string; needsPreflight: boolean }>();
  private readonly requestedOf = new Map<Entry, string>();

  protected choose(request: Entry, free: (preflight: Entry) => boolean, exact: boolean): Entry | null {
    let info = this.requestInfo.get(request);
    if (!info) {
      const wanted = unsafeRequestHeaders(request.requestHeaders)
        .map((h) => h.name)
        .join(',');
      info = { wanted, needsPreflight: !isSafelistedMethod(request.method) || wanted !== '' };
      this.requestInfo.set(request, info);
    }
    const { wanted, needsPreflight } = info;
    // The browser lists exactly the request's unsafe header names; prefer that match, but a preflight whose list
    // differs (headers the HAR does not show, or provisional headers) is still the best evidence available.
    // A request that needed no preflight takes one only on an exact match (XHR upload listeners force one).
    if (exact) {
      return nearest(
        this.candidates,
        request,
        PREFLIGHT_BEFORE_MS,
        PREFLIGHT_AFTER_MS,
        (p) => free(p) && this.requested(p) === wanted,
      );
    }
    return needsPreflight ? nearest(this.candidates, request, PREFLIGHT_BEFORE_MS, PREFLIGHT_AFTER_MS, free) : null;
  }

  protected firstReaching(preflight: Entry): number {
    return lowerBound(this.seekers, startOf(preflight) - PREFLIGHT_AFTER_MS);
  }

  private requested(preflight: Entry): string {
    let names = this.requestedOf.get(preflight);
    if (names === undefined) {
      names = parseRequestedHeaders(preflight.requestHeaders.get('access-control-request-headers')).join(',');
      this.requestedOf.set(preflight, names);
    }
    return names;
  }
}

/** The redirects (3xx) whose target is one URL, and the requests for that URL that may be their next hop. */
export class RedirectGroup extends PairingGroup {
  protected readonly reachBefore = REDIRECT_SKEW_MS;
  /** The farthest any redirect ever was from the hop it took: a new request farther than that changes nothing. */
  private farthest = 0;

  protected choose(redirect: Entry, free: (request: Entry) => boolean, exact: boolean): Entry | null {
    // Any request of the target URL is made for it: one pass is enough.
    if (!exact) return null;
    const pick = nearest(this.candidates, redirect, REDIRECT_SKEW_MS, Infinity, (c) => c !== redirect && free(c));
    if (pick) this.farthest = Math.max(this.farthest, Math.abs(startOf(pick) - startOf(redirect)));
    return pick;
  }

  protected firstReaching(request: Entry): number {
    // Redirects that took a nearer request keep it; one that took none could take this one from any distance.
    let first = lowerBound(this.seekers, startOf(request) - this.farthest);
    for (let i = 0; i < first; i++) {
      if (!this.match.has(this.seekers[i] as Entry)) {
        first = i;
        break;
      }
    }
    return first;
  }
}

/**
 * The candidate closest in start time to `anchor` among those `accept`s, no more than `before` ms before it and
 * `after` ms after it; ties go to the one that started first. `candidates` is in start order.
 */
function nearest(
  candidates: readonly Entry[],
  anchor: Entry,
  before: number,
  after: number,
  accept: (candidate: Entry) => boolean,
): Entry | null {
  const start = startOf(anchor);
  const at = lowerBound(candidates, start);
  let right: Entry | null = null;
  for (let i = at; i < candidates.length; i++) {
    const c = candidates[i] as Entry;
    if (startOf(c) - start > after) break;
    if (accept(c)) {
      right = c;
      break;
    }
  }
  let left: Entry | null = null;
  for (let i = at - 1; i >= 0; i--) {
    const c = candidates[i] as Entry;
    const cStart = startOf(c);
    if (start - cStart > before) break;
    // Among equal start times, the earliest entry: keep walking the run of equal starts.
    if (left && cStart !== startOf(left)) break;
    if (accept(c)) left = c;
  }
  if (!left || !right) return left ?? right;
  const toLeft = start - startOf(left);
  const toRight = startOf(right) - start;
  // As near on both sides: the one that started first (not the first in the file, which may be in any order).
  return toLeft <= toRight ? left : right;
}

/** The first position in `entries` (start order) whose start is at or after `start`. */
function lowerBound(entries: readonly Entry[], start: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(entries[mid] as Entry) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `entry` in start order; returns its position. */
function insertSorted(entries: Entry[], entry: Entry): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStart(entries[mid] as Entry, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  entries.splice(lo, 0, entry);
  return lo;
}
