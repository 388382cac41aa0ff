import type { RowError } from "../../schemas/record";
import { RECORD_FIELD_NAMES } from "../../schemas/record-fields";
import type { ProgressTick } from "./progress-meter";

/** The stored columns of one record, in the order a RecordBatch lays them out: the hash, the source line, then the field table's. */
export const RECORD_COLUMNS = ["content_hash", "line", ...RECORD_FIELD_NAMES] as const;
export type RecordColumn = (typeof RECORD_COLUMNS)[number];
export const ROW_WIDTH = RECORD_COLUMNS.length;
const at = (c: RecordColumn) => RECORD_COLUMNS.indexOf(c);
/** Offsets into a row of a RecordBatch, for the sinks' own bookkeeping. */
export const COL = {
  hash: at("content_hash"),
  line: at("line"),
  start: at("start_time"),
  duration: at("duration_seconds"),
  caller: at("caller"),
  callee: at("callee"),
  type: at("record_type"),
  target: at("target"),
  callerKind: at("caller_kind"),
  callerRaw: at("caller_raw"),
  calleeKind: at("callee_kind"),
  calleeRaw: at("callee_raw"),
} as const;

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
  /**
   * Inserts the batch (rows whose content hash already exists are skipped); returns how many were new.
   * May join the transaction of earlier batches until commit(). Null: the sink holds the batch
   * until commit(), which then returns how many of the held rows were new (PostgreSQL: one COPY per
   * `commitEvery` rows).
   */
  insertRecords(batch: RecordBatch): Promise<number | null>;
  insertErrors(errors: RowError[]): Promise<void>;
  /**
   * Makes everything inserted so far durable and visible (a no-op where each insert is its own
   * transaction); returns the new rows among held batches, if it holds any. `last`: the load's
   * final commit (a sink may hold rows until then: SQLite stages a file that is not in time order),
   * during which `onInserted` hears how many of the held rows are stored so far.
   */
  commit(last?: boolean, onInserted?: (inserted: number) => void): Promise<number | void>;
  /**
   * Rows per commit, for a sink that wants them in bigger groups than loadRows' default and is not
   * to be committed each time the next batch is not ready yet (that rule keeps SQLite's write lock
   * free while a producer works; PostgreSQL has no such lock, and each commit costs a COPY).
   */
  readonly commitEvery?: number;
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
