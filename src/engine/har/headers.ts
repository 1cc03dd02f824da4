export interface Header {
  /** As written in the HAR (casing preserved for display). */
  readonly name: string;
  readonly value: string;
}

/** An ordered header list with case-insensitive lookup; duplicate lines are kept, as browsers see them. */
export class HeaderList {
  readonly all: readonly Header[];
  private readonly byName = new Map<string, string[]>();

  constructor(headers: readonly Header[]) {
    this.all = headers;
    for (const { name, value } of headers) {
      const key = name.toLowerCase();
      const values = this.byName.get(key);
      if (values) values.push(value);
      else this.byName.set(key, [value]);
    }
  }

  static readonly empty = new HeaderList([]);

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** Every line's value for `name`, in order. */
  values(name: string): readonly string[] {
    return this.byName.get(name.toLowerCase()) ?? [];
  }

  /** Fetch's "get": the values of all lines joined by ", ", or null when absent. */
  get(name: string): string | null {
    const values = this.byName.get(name.toLowerCase());
    return values ? values.join(', ') : null;
  }

  /** The name as the HAR wrote it (first occurrence), for evidence and display. */
  displayName(name: string): string {
    const lower = name.toLowerCase();
    return this.all.find((h) => h.name.toLowerCase() === lower)?.name ?? name;
  }

  get size(): number {
    return this.all.length;
  }
}
