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
/**
 * Before waiting for a batch that is not ready, commit when the last wait took this long (a slow
 * producer: OCR, a big workbook's first sheet) or the transaction is this old: the write lock is
 * then never held through a long wait, nor for long at all. Short waits (producers nearly keeping
 * up) no longer end a transaction each: with 50 interleaved targets every commit rewrote each
 * target's leaf of the (case, target, start) index, and committing before every short wait made
 * 1M rows load in 9.5–10.0 s instead of 7.2–7.6 s (docs/benchmarks.md, 2026-12-04).
 */
const SLOW_WAIT_MS = 20;
const MAX_OPEN_MS = 250;

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
  // When the current transaction's first batch came, and how long the loop last waited for a batch.
  let openedAt = 0;
  let lastWait = 0;
  let waitFrom = performance.now();
  let bytesRead = 0;
  for await (const batch of batches) {
    bytesRead = batch.bytesRead;
    lastWait = performance.now() - waitFrom;
    if (opts.isCancelled?.()) throw new CancelledError();
    if (uncommitted === 0) openedAt = performance.now();
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
    // Commit ~10,000 rows at a time, and before a wait for the next batch that may be long (see
    // SLOW_WAIT_MS), unless the sink sets its own cadence (commitEvery). Progress is reported on
    // commits: what it counts is stored.
    const waitAhead = !batch.moreReady && (lastWait >= SLOW_WAIT_MS || performance.now() - openedAt >= MAX_OPEN_MS);
    if (uncommitted >= (sink.commitEvery ?? COMMIT_ROWS) || (waitAhead && sink.commitEvery === undefined)) {
      settle(await sink.commit());
      uncommitted = 0;
      opts.onBatch?.("load", batch.bytesRead, { ...counts });
    }
    waitFrom = performance.now();
  }
  // A sink that held rows inserts them now (SQLite: a file not in time order, seconds for 1M rows):
  // progress keeps moving while it does.
  settle(await sink.commit(true, (inserted) => opts.onBatch?.("load", bytesRead, { ...counts, inserted: counts.inserted + inserted })));
  return counts;
}
