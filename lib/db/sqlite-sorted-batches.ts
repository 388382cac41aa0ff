import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";

/**
 * Rows held by the SQLite sink once a file turns out not to be in time order, and sorted before
 * they are inserted (sqlite-record-sink.ts).
 *
 * Why: three of call_records' indexes lead with the start time (the content hash does too, see
 * hashRecord). A file in time order appends at their right edges; a file in no order sends every
 * row of a 10,000-row commit to a different leaf of each, so every commit rewrote most of those
 * indexes' pages into the WAL: the cost grew with the square of the file (1M rows in no order:
 * 231 s of loading against 9 s in order; docs/benchmarks.md). Sorting a group of rows by content
 * hash (= by start time) before inserting it makes each index walk forward once per group: the
 * pages a group touches are read and written in order, once.
 */

/** Whether any row of the batch starts before `since` (an ISO instant; null: nothing seen yet), and the batch's latest start. */
export function batchStartOrder(batch: RecordBatch, since: string | null): { backwards: boolean; latest: string | null } {
  let latest = since;
  let backwards = false;
  for (let at = COL.start; at < batch.count * ROW_WIDTH; at += ROW_WIDTH) {
    const start = batch.values[at] as string;
    if (latest === null || start >= latest) latest = start;
    else backwards = true;
  }
  return { backwards, latest };
}

/** The held batches' rows as one batch, sorted by content hash (start time first). */
export function sortedByHash(held: readonly RecordBatch[]): RecordBatch {
  let count = 0;
  for (const b of held) count += b.count;
  const flat: RecordValue[] = new Array(count * ROW_WIDTH);
  let o = 0;
  for (const { count: n, values } of held) for (let i = 0; i < n * ROW_WIDTH; i++) flat[o++] = values[i]!;
  const order = sortOrder(flat, count);
  const values: RecordValue[] = new Array(count * ROW_WIDTH);
  o = 0;
  for (let i = 0; i < count; i++) {
    const from = order[i]! * ROW_WIDTH;
    for (let c = 0; c < ROW_WIDTH; c++) values[o++] = flat[from + c]!;
  }
  return { count, values };
}

/** Row positions 0…count-1 sorted by hash. */
function sortOrder(flat: RecordValue[], count: number): ArrayLike<number> {
  // The hash's first 10 characters are the start second in hex: sorting numbers (second × 2^20 +
  // position, exact below 2^53) is ~5× faster than comparing strings. Rows of the same second keep
  // their order, which is all the indexes need. Out of that range: compare the strings.
  const keys = new Float64Array(count);
  let numeric = count < 2 ** 20;
  for (let i = 0; i < count && numeric; i++) {
    const second = parseInt((flat[i * ROW_WIDTH + COL.hash] as string).slice(0, 10), 16);
    if (!(second >= 0 && second < 2 ** 33)) numeric = false;
    keys[i] = second * 2 ** 20 + i;
  }
  if (numeric) {
    keys.sort();
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = keys[i]! % 2 ** 20;
    return order;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => {
    const x = flat[a * ROW_WIDTH + COL.hash] as string;
    const y = flat[b * ROW_WIDTH + COL.hash] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
