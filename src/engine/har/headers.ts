export interface Header {
  /** As written in the HAR (casing preserved for display). */
  readonly name: string;
  readonly value: string;
}

const NO_VALUES: readonly string[] = Object.freeze([]);

/**
 * An ordered header list with case-insensitive lookup; duplicate lines are kept, as browsers see them.
 *
 * A big capture holds two lists per entry for hundreds of thousands of entries, so a list is two arrays (names as
 * written, values) and nothing else until asked: no map (a lookup scans its ~20 lower-cased names, as fast as hashing
 * the name), no Header objects until `all` is read.
 */
export class HeaderList {
  private lines: readonly Header[] | null;
  private nameList: readonly string[] | null;
  private valueList: readonly string[] | null;
  /** Lower-cased names; the names array itself when they all are lower-case already (HTTP/2 captures). */
  private lower: readonly string[] | null = null;

  constructor(headers: readonly Header[]) {
    this.lines = headers;
    this.nameList = null;
    this.valueList = null;
  }

  /** A list from its names (as written) and values, line by line. */
  static fromLines(names: readonly string[], values: readonly string[]): HeaderList {
    const list = new HeaderList(NO_LINES);
    list.lines = null;
    list.nameList = names;
    list.valueList = values;
    return list;
  }

  static readonly empty = new HeaderList([]);

  /** Every line, in order. */
  get all(): readonly Header[] {
    if (this.lines === null) {
      const names = this.nameList as readonly string[];
      const values = this.valueList as readonly string[];
      this.lines = names.map((name, i) => ({ name, value: values[i] as string }));
    }
    return this.lines;
  }

  has(name: string): boolean {
    return this.indexOf(name.toLowerCase()) !== -1;
  }

  /** Every line's value for `name`, in order. */
  values(name: string): readonly string[] {
    const key = name.toLowerCase();
    const names = this.lowerNames();
    let found: string[] | null = null;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === key) (found ??= []).push(this.valueAt(i));
    }
    return found ?? NO_VALUES;
  }

  /** Fetch's "get": the values of all lines joined by ", ", or null when absent. */
  get(name: string): string | null {
    const key = name.toLowerCase();
    const names = this.lowerNames();
    let joined: string | null = null;
    for (let i = 0; i < names.length; i++) {
      if (names[i] !== key) continue;
      const value = this.valueAt(i);
      joined = joined === null ? value : `${joined}, ${value}`;
    }
    return joined;
  }

  /** The name as the HAR wrote it (first occurrence), for evidence and display. */
  displayName(name: string): string {
    const i = this.indexOf(name.toLowerCase());
    return i === -1 ? name : this.nameAt(i);
  }

  get size(): number {
    return this.lines ? this.lines.length : (this.nameList as readonly string[]).length;
  }

  private nameAt(i: number): string {
    return this.lines ? (this.lines[i] as Header).name : ((this.nameList as readonly string[])[i] as string);
  }

  private valueAt(i: number): string {
    return this.valueList ? (this.valueList[i] as string) : ((this.lines as readonly Header[])[i] as Header).value;
  }

  private indexOf(key: string): number {
    const names = this.lowerNames();
    for (let i = 0; i < names.length; i++) if (names[i] === key) return i;
    return -1;
  }

  private lowerNames(): readonly string[] {
    if (this.lower === null) {
      const size = this.size;
      const lower = new Array<string>(size);
      let changed = false;
      for (let i = 0; i < size; i++) {
        const name = this.nameAt(i);
        const lowered = name.toLowerCase();
        lower[i] = lowered;
        if (lowered !== name) changed = true;
      }
      this.lower = changed || !this.nameList ? lower : this.nameList;
    }
    return this.lower;
  }
}

const NO_LINES: readonly Header[] = Object.freeze([]);
