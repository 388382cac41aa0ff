import type { CopyValue } from "./pg-copy";

/** Bytes a chunk holds before it is handed to the COPY stream: one round trip per ~1 MB. */
const CHUNK_BYTES = 1 << 20;
/**
 * A chunk's buffer: room for the row that crosses CHUNK_BYTES (chunks are handed on at the end of
 * a row), so that row does not copy the whole chunk into a bigger buffer. Only a longer row does.
 */
const CAPACITY = CHUNK_BYTES + (64 << 10);
/** No buffer yet: the first byte written allocates one (a chunk handed on is never written again). */
const NONE = Buffer.alloc(0);

/**
 * Rows of `COPY … (FORMAT csv)` written straight into byte buffers: NULL is an empty unquoted
 * field, every string is quoted (an empty string stays an empty string), a quote is doubled and a
 * NUL dropped (PostgreSQL text cannot hold it; a damaged carrier file can). Building each field as
 * a JS string and each line by concatenation made ~20 short-lived strings a record: on a 1M-row
 * tower dump the PostgreSQL loader thread spent 45 % of its CPU in garbage collection
 * (docs/architecture.md, "COPY bytes, not strings").
 */
export class CsvEncoder {
  private buf: Buffer = NONE;
  private at = 0;
  private rowStart = true;

  /** One field of the current row. */
  field(v: CopyValue): void {
    if (!this.rowStart) this.byte(44); // ,
    this.rowStart = false;
    if (v === null || v === undefined) return;
    if (typeof v === "number") return this.ascii(String(v));
    // Worst case: every UTF-16 unit 3 bytes, or a quote doubled, plus the two quotes.
    this.reserve(3 * v.length + 2);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = 34;
    for (let k = 0; k < v.length; k++) {
      const c = v.charCodeAt(k);
      if (c >= 128) {
        // The rest as UTF-8 (a lone surrogate becomes U+FFFD, as a string written to the stream did).
        at += buf.write(
          v
            .slice(k)
            .replace(/\u0000/g, "")
            .replace(/"/g, '""'),
          at,
          "utf8",
        );
        break;
      }
      if (c === 0) continue;
      if (c === 34) buf[at++] = 34;
      buf[at++] = c;
    }
    buf[at++] = 34;
    this.at = at;
  }

  /** Ends the current row. */
  endRow(): void {
    this.byte(10);
    this.rowStart = true;
  }

  /** The bytes written so far once they fill a chunk (a fresh buffer takes their place), else null. */
  takeFull(): Buffer | null {
    return this.at >= CHUNK_BYTES ? this.take() : null;
  }

  /** Whatever is written and not taken yet (null when nothing). */
  takeRest(): Buffer | null {
    return this.at > 0 ? this.take() : null;
  }

  private take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    // The stream may still hold the chunk it was given: never write into it again.
    this.buf = NONE;
    this.at = 0;
    return out;
  }

  private byte(b: number): void {
    this.reserve(1);
    this.buf[this.at++] = b;
  }

  private ascii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < s.length; k++) buf[at++] = s.charCodeAt(k);
    this.at = at;
  }

  /** Room for `n` more bytes: a chunk past CHUNK_BYTES is fine (takeFull hands it on), an overflow is not. */
  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(CAPACITY, this.buf.length * 2, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

/** One row per item, written by `writeRow` (its fields; the row's end is written here), as COPY csv chunks of ~CHUNK_BYTES. */
export function* csvChunks<T>(items: Iterable<T>, writeRow: (enc: CsvEncoder, item: T) => void): Generator<Buffer> {
  const enc = new CsvEncoder();
  for (const item of items) {
    writeRow(enc, item);
    enc.endRow();
    const full = enc.takeFull();
    if (full) yield full;
  }
  const rest = enc.takeRest();
  if (rest) yield rest;
}

/** A row given as its values. */
export function writeValues(enc: CsvEncoder, row: readonly CopyValue[]): void {
  for (let c = 0; c < row.length; c++) enc.field(row[c]);
}
