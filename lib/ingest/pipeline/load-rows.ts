import type { JobCounts, Stage } from "../../schemas/job";
import type { RowBatch } from "./build-batches";
import type { RecordSink } from "./record-sink";

export interface LoadOptions {
  /** Called after every batch; the caller throttles. */
  onBatch?: (stage: Stage, bytesProcessed: number, counts: JobCounts) => void;
  /** Checked between batches: a cancelled job stops at the next batch boundary. */
  isCancelled?: () => boolean;
}

/** Rows per commit while batches keep arriving (per-commit WAL work dominates small transactions). */
const COMMIT_ROWS = 10_000;

export class CancelledError extends Error {
  constructor() {
    super("The job was cancelled.");
  }
}

/**
 * Writes every batch into the sink, one transaction per batch. Counts reconcile by construction:
 * each row read is either rejected (error table), or valid and then inserted or a duplicate (its
 * content hash already stored — from this file or an earlier one).
 */
export async function loadRows(batches: AsyncIterable<RowBatch>, sink: RecordSink, opts: LoadOptions = {}): Promise<JobCounts> {
  const counts: JobCounts = { rows: 0, inserted: 0, duplicates: 0, rejected: 0 };
  let uncommitted = 0;
  // Valid rows of batches the sink holds until its commit (insertRecords returned null).
  let held = 0;
  const settle = (inserted: number | void) => {
    if (typeof inserted !== "number") return;
    counts.inserted += inserted;
    counts.duplicates += held - inserted;
    held = 0;
  };
  for await (const batch of batches) {
    if (opts.isCancelled?.()) throw new CancelledError();
    const inserted = batch.count > 0 ? await sink.insertRecords(batch) : 0;
    if (batch.errors.length > 0) await sink.insertErrors(batch.errors);
    counts.rows += batch.rows;
    if (inserted === null) held += batch.count;
    else {
      counts.inserted += inserted;
      counts.duplicates += batch.count - inserted;
    }
    counts.duplicates += batch.stored ?? 0;
    counts.rejected += batch.errors.length;
    uncommitted += batch.rows;
    // Commit ~10,000 rows at a time, and always before waiting for the next batch (never hold the
    // write lock while a producer is busy), unless the sink sets its own cadence (commitEvery).
    // Progress is reported on commits: what it counts is stored.
    if (uncommitted >= (sink.commitEvery ?? COMMIT_ROWS) || (!batch.moreReady && sink.commitEvery === undefined)) {
      settle(await sink.commit());
      uncommitted = 0;
      opts.onBatch?.("load", batch.bytesRead, { ...counts });
    }
  }
  settle(await sink.commit(true));
  return counts;
}
