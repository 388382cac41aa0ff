import fs from "node:fs";
import type { ByteRange, RangeEnd, RangeReader, SourceRow } from "../types";
import { createChunkDecoder } from "./decode-chunks";
import { RecordReader } from "./record-reader";
import { createRowFilter } from "./row-filter";
import { rowsInPieces, SOURCE_BATCH_ROWS } from "./row-pieces";
import type { TextHead } from "./text-source";

const READ_BYTES = 1 << 20;
const PROBE_BYTES = 64 * 1024;

/**
 * Byte-range access to a delimited text file, for parallel parsing. Only for encodings where a
 * line-end byte is never part of another character (UTF-8, Windows-1252); UTF-16 gets none.
 */
export function textRangeReader(filePath: string, size: number, head: TextHead, maxLineLength: number): RangeReader | undefined {
  if (head.encoding.encoding.startsWith("utf-16")) return undefined;
  const sep = head.dialect.lineEnding === "\r" ? 0x0d : 0x0a;
  const dataStart = head.encoding.bomLength;

  async function boundaryAt(offset: number): Promise<number> {
    if (offset <= dataStart) return dataStart;
    const handle = await fs.promises.open(filePath, "r");
    try {
      const buf = Buffer.alloc(PROBE_BYTES);
      for (let at = offset - 1; at < size; at += PROBE_BYTES) {
        const { bytesRead } = await handle.read(buf, 0, PROBE_BYTES, at);
        if (bytesRead === 0) break;
        const i = buf.subarray(0, bytesRead).indexOf(sep);
        if (i !== -1) return at + i + 1;
      }
      return size;
    } finally {
      await handle.close();
    }
  }

  async function* rows(range: ByteRange, out: RangeEnd): AsyncGenerator<SourceRow[]> {
    const decoder = createChunkDecoder(head.encoding);
    // Later ranges hold no preamble or header: their line 1 is data (repeated headers and footers are still dropped).
    const filter = createRowFilter(range.first ? head.layout : { ...head.layout, dataStartLine: 0 });
    const batch: SourceRow[] = [];
    const reader = new RecordReader(head.dialect, { maxLineLength }, (r) => {
      const row = filter.accept(r);
      if (row) batch.push(row);
    });
    const stop = range.end ?? size;
    let at = range.start;
    const handle = await fs.promises.open(filePath, "r");
    try {
      const buf = Buffer.alloc(READ_BYTES);
      // The range itself, then (only while a record is still open) on line by line past its end.
      while (at < size && (at < stop || reader.midRecord)) {
        const want = at < stop ? Math.min(READ_BYTES, stop - at) : PROBE_BYTES;
        const { bytesRead } = await handle.read(buf, 0, want, at);
        if (bytesRead === 0) break;
        let piece = buf.subarray(0, bytesRead);
        if (at >= stop) {
          const nl = piece.indexOf(sep);
          if (nl !== -1) piece = piece.subarray(0, nl + 1);
        }
        at += piece.length;
        yield* rowsInPieces(reader, decoder.decode(piece), batch);
      }
      reader.push(decoder.end());
      if (at >= size) reader.end();
      out.end = at;
      out.lines = reader.linesRead;
      for (let i = 0; i < batch.length; i += SOURCE_BATCH_ROWS) yield batch.slice(i, i + SOURCE_BATCH_ROWS);
    } finally {
      await handle.close();
    }
  }

  return { dataStart, boundaryAt, rows };
}
