// Facts about a whole capture that root-cause rules compare an exchange against, computed once per input.
// The facts only grow: adding the capture's next entry (the incremental diagnoser does, entry by entry) appends to
// every list, so each list stays in capture order, and an answer found in a list (its first match) stays true.
import { originOf } from './cors/origin';
import { discoverStacks, type DetectedStack, type StackId } from './fixes/stacks';
import { isPreflight } from './har/entry-facts';
import type { Entry, PageInfo } from './har/normalize';

export interface CaptureFacts {
  readonly entries: readonly Entry[];
  readonly pages: readonly PageInfo[];
  /**
   * For each server origin: an entry where it answered with Access-Control-Allow-Origin: its first real
   * (non-preflight) response that did, else its first preflight that did. The first, so that the evidence an
   * exchange cites does not move while a live capture grows.
   */
  readonly corsByServer: ReadonlyMap<string, Entry>;
  /** Every entry, by the origin of its URL. */
  readonly byServer: ReadonlyMap<string, readonly Entry[]>;
  /** Every entry, by its URL (without the fragment): what an HTTP cache keys its copies on. */
  readonly byUrl: ReadonlyMap<string, readonly Entry[]>;
  /** The server stacks the responses of `server` reveal, in the order found (see detectStacksWith). */
  serverStacks(server: string): readonly DetectedStack[];
}

export function captureFacts(entries: readonly Entry[], pages: readonly PageInfo[]): CaptureFacts {
  const facts = new GrowingCaptureFacts(pages);
  for (const entry of entries) facts.add(entry);
  return facts;
}

/** What adding one entry changed, for the incremental diagnoser's invalidation. */
export interface FactsChange {
  /** The origin of the entry's URL, whose byServer list it joined (null: unparsable URL). */
  readonly server: string | null;
  /** corsByServer now names another entry for `server`. */
  readonly corsChanged: boolean;
  /** `server` reveals a stack it did not before. */
  readonly stacksChanged: boolean;
}

export class GrowingCaptureFacts implements CaptureFacts {
  readonly entries: Entry[] = [];
  readonly corsByServer = new Map<string, Entry>();
  readonly byServer = new Map<string, Entry[]>();
  readonly byUrl = new Map<string, Entry[]>();
  /** Per server, what its responses reveal; computed on the first question, then kept up to date. */
  private readonly stacks = new Map<string, { found: Map<StackId, string>; list: DetectedStack[] }>();

  constructor(readonly pages: readonly PageInfo[]) {}

  /** Appends the capture's next entry. */
  add(entry: Entry): FactsChange {
    this.entries.push(entry);
    if (entry.url !== '') {
      const sameUrl = this.byUrl.get(entry.url);
      if (sameUrl) sameUrl.push(entry);
      else this.byUrl.set(entry.url, [entry]);
    }
    const server = originOf(entry.url);
    if (!server) return { server, corsChanged: false, stacksChanged: false };
    const list = this.byServer.get(server);
    if (list) list.push(entry);
    else this.byServer.set(server, [entry]);

    let corsChanged = false;
    if (entry.responseHeaders.has('access-control-allow-origin')) {
      // A real response is the stronger evidence that the server's CORS layer answers errors too.
      const known = this.corsByServer.get(server);
      if (!known || (isPreflight(known) && !isPreflight(entry))) {
        this.corsByServer.set(server, entry);
        corsChanged = true;
      }
    }
    const stacks = this.stacks.get(server);
    const stacksChanged = stacks ? addStacks(stacks, entry) : false;
    return { server, corsChanged, stacksChanged };
  }

  serverStacks(server: string): readonly DetectedStack[] {
    let stacks = this.stacks.get(server);
    if (!stacks) {
      stacks = { found: new Map(), list: [] };
      for (const entry of this.byServer.get(server) ?? []) addStacks(stacks, entry);
      this.stacks.set(server, stacks);
    }
    return stacks.list;
  }
}

function addStacks(stacks: { found: Map<StackId, string>; list: DetectedStack[] }, entry: Entry): boolean {
  const before = stacks.found.size;
  if (!discoverStacks(entry.responseHeaders, stacks.found)) return false;
  // Map keeps insertion order: the new discoveries are the last ones.
  [...stacks.found].slice(before).forEach(([stack, evidence]) => stacks.list.push({ stack, evidence }));
  return true;
}
