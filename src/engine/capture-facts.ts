// Facts about a whole capture that root-cause rules compare an exchange against, computed once per input.
import { originOf } from './cors/origin';
import { isPreflight } from './har/entry-facts';
import type { Entry, PageInfo } from './har/normalize';

export interface CaptureFacts {
  readonly entries: readonly Entry[];
  readonly pages: readonly PageInfo[];
  /** For each server origin: an entry where it answered with Access-Control-Allow-Origin. */
  readonly corsByServer: ReadonlyMap<string, Entry>;
  /** Every entry, by the origin of its URL. */
  readonly byServer: ReadonlyMap<string, readonly Entry[]>;
}

export function captureFacts(entries: readonly Entry[], pages: readonly PageInfo[]): CaptureFacts {
  const corsByServer = new Map<string, Entry>();
  const byServer = new Map<string, Entry[]>();
  for (const entry of entries) {
    const origin = originOf(entry.url);
    if (origin) {
      const list = byServer.get(origin);
      if (list) list.push(entry);
      else byServer.set(origin, [entry]);
    }
    if (!entry.responseHeaders.has('access-control-allow-origin')) continue;
    const server = originOf(entry.url);
    // A real (non-preflight) response is the stronger evidence that the server's CORS layer answers errors too.
    if (server && (!corsByServer.has(server) || !isPreflight(entry))) corsByServer.set(server, entry);
  }
  return { entries, pages, corsByServer, byServer };
}
