import { COL, ROW_WIDTH, type RecordBatch } from "../ingest/pipeline/record-sink";

/**
 * Whether any row of the batch starts before `since` (an ISO instant; null: nothing seen yet), and
 * the batch's latest start. The SQLite sink's first batch that goes back in time sends the job to
 * staging (sqlite-staged-rows.ts).
 */
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
