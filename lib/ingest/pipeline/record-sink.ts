import type { RowError } from "../../schemas/record";
import type { ProgressTick } from "./progress-meter";

/** The stored columns of one record, in the order a RecordBatch lays them out. */
export const RECORD_COLUMNS = [
  "content_hash", "line", "start_time", "end_time", "duration_seconds", "caller", "callee", "direction",
  "record_type", "target", "dialed_digits", "imei", "imsi", "cell_first", "cell_last",
] as const;
export const ROW_WIDTH = RECORD_COLUMNS.length;
/** Offsets into a row of a RecordBatch, for the sinks' own bookkeeping. */
export const COL = { hash: 0, line: 1, start: 2, duration: 4, caller: 5, callee: 6, type: 8, target: 9 } as const;

export type RecordValue = string | number | null;

/**
 * Valid, hashed records in one flat array, ROW_WIDTH values per record in RECORD_COLUMNS order.
 * Flat on purpose: a batch crosses a thread boundary (structured clone copies a flat array of
 * primitives several times faster than as many objects) and binds straight into SQL parameters.
 */
export interface RecordBatch {
  count: number;
  values: RecordValue[];
}

export interface JobSummaryFacts {
  gaps: number;
  linkedNearDuplicates: number;
}

/**
 * Where a running job puts its rows. One implementation per database (better-sqlite3 prepared
 * statements; COPY on PostgreSQL). The pipeline knows nothing else about storage.
 */
export interface RecordSink {
  /** Inserts the batch (rows whose content hash already exists are skipped); returns how many were new. May join the transaction of earlier batches until commit(). */
  insertRecords(batch: RecordBatch): Promise<number>;
  insertErrors(errors: RowError[]): Promise<void>;
  /** Makes everything inserted so far durable and visible (a no-op where each insert is its own transaction). */
  commit(): Promise<void>;
  /**
   * The job's latest progress, for sinks that store it with their next commit (SQLite: the loader
   * holds the write lock nearly all the time, so nobody else can write the job row meanwhile).
   */
  noteProgress?(tick: ProgressTick): void;
  /** Before the first batch: removes what an earlier attempt of this job loaded (a retry starts clean) and notes the carrier stored with each record. */
  begin(carrier: string | null): Promise<void>;
  /** After the last batch: near-duplicate links, contacts, timeline gaps. */
  finish(): Promise<JobSummaryFacts>;
  close(): Promise<void>;
}
