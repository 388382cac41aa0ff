import type { EncodedGroup, RowGroupCutter } from "./parquet-row-groups";
import type { SqliteExportReader } from "./sqlite-export-reader";

/** Most ids one span covers, in row groups' worth: bounds a span's work when the scope's ids are sparse. */
const MAX_SPAN_GROUPS = 16;

/**
 * Id spans over [lo, hi] that each hold about one row group of the scope's `count` rows, assuming
 * the rows are spread evenly (a case's ids are dense unless other cases' loads interleaved).
 */
export function exportSpans(lo: number, hi: number, count: number, rowGroupRows: number): Array<{ from: number; to: number }> {
  if (hi < lo || count === 0) return [];
  const density = count / (hi - lo + 1);
  const width = Math.min(Math.max(rowGroupRows, Math.round(rowGroupRows / density)), rowGroupRows * MAX_SPAN_GROUPS);
  const spans: Array<{ from: number; to: number }> = [];
  for (let from = lo; from <= hi; from += width) spans.push({ from, to: Math.min(from + width - 1, hi) });
  return spans;
}

/** Ids read at a time: one row group's rows plus one page are in memory whatever the span's width. */
const READ_PAGE_IDS = 2048;

/**
 * Reads the span's rows into `cutter` a page at a time, full row groups going to `out`. The caller
 * flushes the cutter: after each span in an encoder thread, once at the end in one thread.
 */
export function encodeSpan(reader: SqliteExportReader, cutter: RowGroupCutter, span: { from: number; to: number }, out: EncodedGroup[]): void {
  for (let from = span.from; from <= span.to; from += READ_PAGE_IDS) cutter.push(reader.read(from, Math.min(from + READ_PAGE_IDS - 1, span.to)), out);
}
