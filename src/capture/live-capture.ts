// The entries of the inspected page, as the panel sees them: a getHAR() backfill (the panel page loads only when
// first shown, after requests were made) merged with live onRequestFinished entries, without duplicates, and
// cleared on navigation. Framework-free: the panel subscribes to it, tests drive it with a fake host.
import type { RawHarEntry } from '../engine';
import type { DevtoolsHost, Unsubscribe } from '../platform/devtools-host';

export class LiveCapture {
  private entries: readonly RawHarEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly stops: Unsubscribe[] = [];
  private generation = 0;

  constructor(private readonly host: DevtoolsHost) {}

  /** Starts listening, then backfills; entries that arrive during the backfill are kept, once. */
  async start(): Promise<void> {
    this.stops.push(
      this.host.onRequestFinished((entry) => this.add([entry])),
      this.host.onNavigated(() => this.reset()),
    );
    const generation = this.generation;
    const har = await this.host.getHar();
    // A navigation during the backfill makes it stale.
    if (generation === this.generation) this.add(har, true);
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  subscribe = (listener: () => void): Unsubscribe => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getEntries = (): readonly RawHarEntry[] => this.entries;

  private add(incoming: readonly RawHarEntry[], backfill = false): void {
    const seen = new Set(this.entries.map(entryKey));
    const fresh = incoming.filter((entry) => {
      const key = entryKey(entry);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    // Backfilled entries happened before the live ones already held.
    this.entries = backfill ? [...fresh, ...this.entries] : [...this.entries, ...fresh];
    this.emit();
  }

  private reset(): void {
    this.generation++;
    this.entries = [];
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The same request seen through getHAR() and onRequestFinished: same start time, method, URL and status. */
function entryKey(entry: RawHarEntry): string {
  return [entry.startedDateTime, entry.request?.method, entry.request?.url, entry.response?.status]
    .map(String)
    .join(' ');
}
