// Reads a HAR too big to hold as one string (V8 strings stop at ~512 MB; a 300 MB capture already costs twice its
// size as a string plus its parsed JSON), entry by entry: the file is read in chunks, a byte scanner finds where
// each value of the HAR's envelope and each element of its entries array begins and ends, and each entry is parsed
// with JSON.parse and normalized at once, so its raw JSON can be dropped. Memory is the normalized entries plus one
// chunk.
//
// Why not a streaming JSON tokenizer (stream-json): it emits a token for every value and assembles objects in
// JavaScript, ~11 MB/s here, five times slower than JSON.parse. Splitting on the structure and letting V8's native
// JSON.parse do each entry reads faster than JSON.parse of the whole file.
import { closeSync, openSync, readSync } from 'node:fs';
import { HarEntryCollector, HarInputError, type PreparedHar } from '../engine';

const CHUNK_BYTES = 8 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Reads the HAR at `file` entry by entry. Throws HarInputError with a one-line reason when it cannot be used. */
export function streamHar(file: string): PreparedHar {
  const fd = openSync(file, 'r');
  try {
    return new EnvelopeReader(new ChunkReader(fd)).read();
  } finally {
    closeSync(fd);
  }
}

/** A window over the file: `buf[pos…end)` is what has been read and not consumed yet. */
class ChunkReader {
  buf = Buffer.allocUnsafe(CHUNK_BYTES);
  pos = 0;
  end = 0;
  /** File offset of buf[0]. */
  offset = 0;
  private eof = false;

  constructor(private readonly fd: number) {}

  /** Reads more, keeping everything from `keep` (≤ pos) on; returns false at the end of the file. */
  more(keep = this.pos): boolean {
    if (this.eof) return false;
    if (keep > 0) {
      this.buf.copyWithin(0, keep, this.end);
      this.offset += keep;
      this.pos -= keep;
      this.end -= keep;
    }
    if (this.end === this.buf.length) {
      // One value longer than the window (a response body in the HAR): grow it.
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    const read = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (read === 0) this.eof = true;
    this.end += read;
    return read > 0;
  }

  /** The byte at `pos`, after whitespace; -1 at the end of the file. */
  peek(): number {
    for (;;) {
      while (this.pos < this.end) {
        const c = this.buf[this.pos] as number;
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
        this.pos++;
      }
      if (!this.more()) return -1;
    }
  }

  /**
   * The next whole JSON value as raw bytes' bounds [start, end) in `buf` (valid until the next read), `pos` moved
   * past it. Only its extent is found here; JSON.parse checks its content.
   */
  value(): [number, number] {
    const first = this.peek();
    if (first === -1) throw this.truncated();
    for (;;) {
      const end = valueEnd(this.buf, this.pos, this.end);
      if (end !== -1 && (end < this.end || !isPrimitiveStart(first) || this.eof)) {
        const start = this.pos;
        this.pos = end;
        return [start, end];
      }
      const start = this.pos;
      if (!this.more(start)) {
        if (isPrimitiveStart(first)) continue; // at the end of the file a number or literal ends there
        throw this.truncated();
      }
    }
  }

  text(start: number, end: number): string {
    return this.buf.toString('utf8', start, end);
  }

  expect(byte: number, what: string): void {
    const c = this.peek();
    if (c !== byte) throw c === -1 ? this.truncated() : this.unexpected(what);
    this.pos++;
  }

  truncated(): HarInputError {
    return new HarInputError(`not valid JSON: the file ends early (truncated?) after ${this.offset + this.end} bytes`);
  }

  unexpected(what: string): HarInputError {
    const c = this.buf[this.pos] as number;
    const shown = c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16)}`;
    return new HarInputError(`not valid JSON: expected ${what} but found ${shown} at byte ${this.offset + this.pos}`);
  }
}

function isPrimitiveStart(c: number): boolean {
  return c !== QUOTE && c !== OPEN_BRACE && c !== OPEN_BRACKET;
}

/** Where the JSON value starting at `buf[start]` ends (exclusive), or -1 when it continues past `limit`. */
function valueEnd(buf: Buffer, start: number, limit: number): number {
  const first = buf[start] as number;
  if (first === QUOTE) return stringEnd(buf, start, limit);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    for (let i = start; i < limit; i++) {
      const c = buf[i] as number;
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c <= 0x20) return i;
    }
    return limit;
  }
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = buf[i] as number;
    if (c === QUOTE) {
      const end = stringEnd(buf, i, limit);
      if (end === -1) return -1;
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The end (exclusive) of the string whose opening quote is at `start`, or -1 when it continues past `limit`. */
function stringEnd(buf: Buffer, start: number, limit: number): number {
  let from = start + 1;
  for (;;) {
    const quote = buf.indexOf(QUOTE, from);
    if (quote === -1 || quote >= limit) return -1;
    let backslashes = 0;
    for (let i = quote - 1; i > start && buf[i] === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * The HAR's envelope: the root, and `log` when it is an object, read key by key. Every value but an `entries`
 * array is kept as its JSON text; `entries` arrays are streamed into collectors and written back as `[]`, so the
 * envelope parses (and is checked, by the collector) exactly like the whole file would.
 */
class EnvelopeReader {
  /** Entries of `log.entries`, of a root-level `entries`, or of a root array; which one counts is decided last. */
  private logEntries: HarEntryCollector | null = null;
  private rootEntries: HarEntryCollector | null = null;

  constructor(private readonly input: ChunkReader) {}

  read(): PreparedHar {
    const input = this.input;
    input.more();
    if (input.buf[0] === 0xef && input.buf[1] === 0xbb && input.buf[2] === 0xbf) input.pos = 3;
    const first = input.peek();
    if (first === -1) throw new HarInputError('the file is empty');
    let envelope: string;
    if (first === OPEN_BRACKET) {
      this.rootEntries = this.entries();
      envelope = '[]';
    } else if (first === OPEN_BRACE) {
      envelope = this.object((key, c) => {
        if (key === 'log' && c === OPEN_BRACE) return this.object((k, v) => this.entriesOf(k, v, 'log'));
        return this.entriesOf(key, c, 'root');
      });
    } else {
      const [start, end] = input.value();
      envelope = input.text(start, end);
    }
    if (input.peek() !== -1) throw input.unexpected('the end of the file');

    let json: unknown;
    try {
      json = JSON.parse(envelope);
    } catch (error) {
      throw new HarInputError(`not valid JSON: ${(error as Error).message}`);
    }
    const log = (json as { log?: unknown } | null)?.log;
    const useLog = !Array.isArray(json) && typeof log === 'object' && log !== null;
    const collector = (useLog ? this.logEntries : this.rootEntries) ?? new HarEntryCollector();
    return collector.finish(json);
  }

  /** `entries: [...]` is streamed (and written as `[]`); anything else is kept as text (null: let the caller). */
  private entriesOf(key: string, c: number, where: 'log' | 'root'): string | null {
    if (key !== 'entries' || c !== OPEN_BRACKET) return null;
    const collector = this.entries();
    if (where === 'log') this.logEntries = collector;
    else this.rootEntries = collector;
    return '[]';
  }

  /**
   * Reads an object, returning its JSON text; `special(key, firstByte)` may read a value itself and return the text
   * to write for it, or return null to have it kept as it is.
   */
  private object(special: (key: string, first: number) => string | null): string {
    const input = this.input;
    input.expect(OPEN_BRACE, '"{"');
    const parts: string[] = [];
    if (input.peek() === CLOSE_BRACE) {
      input.pos++;
      return '{}';
    }
    for (;;) {
      if (input.peek() !== QUOTE) throw input.peek() === -1 ? input.truncated() : input.unexpected('a key');
      const [keyStart, keyEnd] = input.value();
      const keyText = input.text(keyStart, keyEnd);
      let key: string;
      try {
        key = JSON.parse(keyText) as string;
      } catch (error) {
        throw new HarInputError(`not valid JSON: ${(error as Error).message}`);
      }
      input.expect(COLON, '":"');
      const c = input.peek();
      if (c === -1) throw input.truncated();
      let valueText = special(key, c);
      if (valueText === null) {
        const [start, end] = input.value();
        valueText = input.text(start, end);
      }
      parts.push(`${keyText}:${valueText}`);
      const next = input.peek();
      input.pos++;
      if (next === CLOSE_BRACE) return `{${parts.join(',')}}`;
      if (next !== COMMA) {
        input.pos--;
        throw next === -1 ? input.truncated() : input.unexpected('"," or "}"');
      }
    }
  }

  /** Streams an entries array, element by element, into a new collector. */
  private entries(): HarEntryCollector {
    const input = this.input;
    const collector = new HarEntryCollector();
    input.expect(OPEN_BRACKET, '"["');
    if (input.peek() === CLOSE_BRACKET) {
      input.pos++;
      return collector;
    }
    for (;;) {
      const [start, end] = input.value();
      let raw: unknown;
      try {
        raw = JSON.parse(input.text(start, end));
      } catch (error) {
        throw new HarInputError(`not valid JSON: ${(error as Error).message} (in entry ${collector.count})`);
      }
      collector.add(raw);
      const next = input.peek();
      input.pos++;
      if (next === CLOSE_BRACKET) return collector;
      if (next !== COMMA) {
        input.pos--;
        throw next === -1 ? input.truncated() : input.unexpected('"," or "]"');
      }
    }
  }
}
