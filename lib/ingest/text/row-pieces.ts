import type { SourceRow } from "../types";
import type { RecordReader } from "./record-reader";

/** Characters handed to the record reader at a time. */
const PIECE_CHARS = 64 * 1024;
/** Source rows per yielded array: a few hundred, so they are consumed while still young. */
export const SOURCE_BATCH_ROWS = 500;

/**
 * Feeds one decoded chunk to the reader a piece at a time and yields the parsed rows as soon as a
 * few hundred are in. Pushing a whole 1 MB chunk at once parsed ~10,000 rows (cells, raw text,
 * row objects) before the first was normalized: all of them outlived the young generation and
 * were copied into the old one, and the producers spent over a third of their time in GC.
 * `rows` is the reader's output array; it is emptied in place as rows are handed on.
 */
export function* rowsInPieces(reader: RecordReader, text: string, rows: SourceRow[]): Generator<SourceRow[]> {
  for (let at = 0; at < text.length; at += PIECE_CHARS) {
    reader.push(at === 0 && text.length <= PIECE_CHARS ? text : text.slice(at, at + PIECE_CHARS));
    if (rows.length >= SOURCE_BATCH_ROWS) yield rows.splice(0, rows.length);
  }
}
