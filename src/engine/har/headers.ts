export interface Header {
  /** As written in the HAR (casing preserved for display). */
  readonly name: string;
  readonly value: string;
}

const NO_VALUES: readonly string[] = Object.freeze([]);

/**
 * An ordered header list with case-insensitive lookup; duplicate lines are kept, as browsers see them.
 *
 * A capture holds two lists per entry and a big HAR hundreds of thousands of entries, so a list keeps no map: a
 * lookup scans its ~20 lower-cased names (built on the first lookup, one array; V8 hands back an already lower-case
 * name as is), which is as fast as hashing the name and keeps a list at a tenth of the memory.
 */
export class HeaderList {
  readonly all: readonly Header[];
  private lower: readonly string[] | null = null;

  constructor(headers: readonly Header[]) {
    this.all = headers;
  }

  static readonly empty = new HeaderList([]);

  has(name: string): boolean {
    return this.indexOf(name.toLowerCase()) !== -1;
  }

  /** Every line's value for `name`, in order. */
  values(name: string): readonly string[] {
    const key = name.toLowerCase();
    const names = this.names();
    let values: string[] | null = null;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === key) (values ??= []).push((this.all[i] as Header).value);
    }
    return values ?? NO_VALUES;
  }

  /** Fetch's "get": the values of all lines joined by ", ", or null when absent. */
  get(name: string): string | null {
    const key = name.toLowerCase();
    const names = this.names();
    let joined: string | null = null;
    for (let i = 0; i < names.length; i++) {
      if (names[i] !== key) continue;
      const value = (this.all[i] as Header).value;
      joined = joined === null ? value : `${joined}, ${value}`;
    }
    return joined;
  }

  /** The name as the HAR wrote it (first occurrence), for evidence and display. */
  displayName(name: string): string {
    const i = this.indexOf(name.toLowerCase());
    return i === -1 ? name : (this.all[i] as Header).name;
  }

  get size(): number {
    return this.all.length;
  }

  private indexOf(key: string): number {
    const names = this.names();
    for (let i = 0; i < names.length; i++) if (names[i] === key) return i;
    return -1;
  }

  private names(): readonly string[] {
    if (this.lower === null) {
      const names = new Array<string>(this.all.length);
      for (let i = 0; i < names.length; i++) names[i] = (this.all[i] as Header).name.toLowerCase();
      this.lower = names;
    }
    return this.lower;
  }
}
