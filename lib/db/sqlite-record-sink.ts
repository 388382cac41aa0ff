import type Database from "better-sqlite3";
import type { RowError } from "../schemas/record";
import type { HashedRecord, JobSummaryFacts, RecordSink } from "../ingest/pipeline/record-sink";
import { postLoadSqlite, refreshContactsSqlite } from "./sqlite-post-load";
import { log } from "../log";
import { loadConfig } from "../config";

/** Per-row columns; job_id and carrier are the same for the whole job and bound once per statement. */
const ROW_COLUMNS = `content_hash, line, start_time, end_time, duration_seconds, caller, callee, direction, record_type,
   target, dialed_digits, imei, imsi, cell_first, cell_last`;
const ROW_WIDTH = 15;
/** Rows per multi-row INSERT: 50 × 15 parameters stays far below SQLite's limit and amortizes each statement step. */
const ROWS_PER_INSERT = 50;
/** Hashes per duplicate probe. */
const HASHES_PER_PROBE = 500;
const rowValues = (n: number) => Array.from({ length: n }, () => `(@job, @carrier, ${Array(ROW_WIDTH).fill("?").join(", ")})`).join(", ");
const insertSql = (n: number) => `INSERT OR IGNORE INTO call_records (job_id, carrier, ${ROW_COLUMNS}) VALUES ${rowValues(n)}`;
const probeSql = (n: number) => `SELECT content_hash FROM call_records WHERE content_hash IN (${Array(n).fill("?").join(", ")})`;
const INSERT_ERROR = `INSERT INTO ingestion_errors (job_id, line, field, code, message, raw) VALUES (?, ?, ?, ?, ?, ?)`;
/** Raw text kept per error row: enough to see the problem, bounded so a 500,000-character line cannot bloat the table. */
const MAX_RAW = 4000;

/**
 * Bulk loader for the embedded database: prepared multi-row statements, one transaction per batch,
 * `INSERT OR IGNORE` on the unique content hash (so duplicates — within the file or against
 * earlier loads — are skipped by the index, without holding hashes in memory). While batches bring
 * duplicates, stored hashes are probed first so duplicates are never bound and inserted at all.
 * The hash index grows in time order (see hashRecord), which keeps all of this cache-friendly.
 */
export class SqliteRecordSink implements RecordSink {
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly probeMany: Database.Statement;
  private readonly probeRange: Database.Statement;
  private readonly insertError: Database.Statement;
  // Run with .immediate(): a deferred BEGIN that reads (the duplicate probe) and then writes fails
  // at once with SQLITE_BUSY when another worker thread committed in between; IMMEDIATE waits.
  private readonly insertRecordBatch: Database.Transaction<(rows: HashedRecord[]) => number>;
  private readonly insertErrorBatch: Database.Transaction<(errors: RowError[]) => void>;
  private carrier: string | null = null;
  /** Probe for stored hashes before inserting while batches keep bringing duplicates (a re-upload). */
  private expectDuplicates = true;

  constructor(
    private readonly db: Database.Database,
    private readonly jobId: string,
    private readonly ownsConnection = false,
  ) {
    // Checkpoint the WAL every ~40 MB instead of every 4 MB while loading: fewer fsyncs mid-load.
    db.pragma("wal_autocheckpoint = 10000");
    this.insertMany = db.prepare(insertSql(ROWS_PER_INSERT));
    this.insertOne = db.prepare(insertSql(1));
    this.probeMany = db.prepare(probeSql(HASHES_PER_PROBE)).pluck();
    this.probeRange = db.prepare(`SELECT content_hash FROM call_records WHERE content_hash BETWEEN ? AND ? LIMIT ?`).pluck();
    this.insertError = db.prepare(INSERT_ERROR);
    this.insertRecordBatch = db.transaction((rows: HashedRecord[]) => {
      const inserted = this.insertFresh(this.expectDuplicates ? this.withoutStored(rows) : rows);
      // A batch with many duplicates predicts the next one (re-uploads, overlapping files); a first
      // upload stops probing after its first batch.
      this.expectDuplicates = inserted < rows.length * 0.9;
      return inserted;
    });
    this.insertErrorBatch = db.transaction((errors: RowError[]) => {
      for (const e of errors) {
        const raw = e.raw.length > MAX_RAW ? `${e.raw.slice(0, MAX_RAW)}… (${e.raw.length} characters)` : e.raw;
        this.insertError.run(jobId, e.line, e.field, e.code, e.message, raw);
      }
    });
  }

  async insertRecords(rows: HashedRecord[]): Promise<number> {
    return this.insertRecordBatch.immediate(rows);
  }

  /**
   * The rows whose content hash is not stored yet. Hashes start with the record's start time, so a
   * batch's hashes span a narrow key range: one index range scan returns every stored hash in it
   * (a re-upload reads back exactly its own rows, in index order). Only when that range holds many
   * other records (other targets' files of the same period) does it fall back to IN probes. Either
   * way one bound value per row instead of fifteen, touching only the hash index. Duplicates within
   * the batch are left to INSERT OR IGNORE.
   */
  private withoutStored(rows: HashedRecord[]): HashedRecord[] {
    if (rows.length === 0) return rows;
    let lo = rows[0]!.hash;
    let hi = lo;
    for (const { hash } of rows) {
      if (hash < lo) lo = hash;
      else if (hash > hi) hi = hash;
    }
    const limit = rows.length * 2;
    const inRange = this.probeRange.all(lo, hi, limit + 1) as string[];
    const stored = inRange.length <= limit ? new Set(inRange) : this.probeEach(rows);
    return stored.size === 0 ? rows : rows.filter((r) => !stored.has(r.hash));
  }

  private probeEach(rows: HashedRecord[]): Set<string> {
    const stored = new Set<string>();
    const hashes: string[] = new Array(HASHES_PER_PROBE);
    let i = 0;
    for (; i + HASHES_PER_PROBE <= rows.length; i += HASHES_PER_PROBE) {
      for (let k = 0; k < HASHES_PER_PROBE; k++) hashes[k] = rows[i + k]!.hash;
      for (const h of this.probeMany.all(hashes) as string[]) stored.add(h);
    }
    if (i < rows.length) {
      const rest = rows.slice(i).map((r) => r.hash);
      for (const h of this.db.prepare(probeSql(rest.length)).pluck().all(rest) as string[]) stored.add(h);
    }
    return stored;
  }

  private insertFresh(rows: HashedRecord[]): number {
    const named = { job: this.jobId, carrier: this.carrier };
    const values: unknown[] = new Array(ROWS_PER_INSERT * ROW_WIDTH);
    let inserted = 0;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      for (let k = 0; k < ROWS_PER_INSERT; k++) putRow(values, k * ROW_WIDTH, rows[i + k]!);
      inserted += this.insertMany.run(values, named).changes;
    }
    const one: unknown[] = new Array(ROW_WIDTH);
    for (; i < rows.length; i++) {
      putRow(one, 0, rows[i]!);
      inserted += this.insertOne.run(one, named).changes;
    }
    return inserted;
  }

  async insertErrors(errors: RowError[]): Promise<void> {
    this.insertErrorBatch.immediate(errors);
  }

  async begin(carrier: string | null): Promise<void> {
    this.carrier = carrier;
    const targets = this.jobTargets();
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM call_records WHERE job_id = ?`).run(this.jobId);
      this.db.prepare(`DELETE FROM ingestion_errors WHERE job_id = ?`).run(this.jobId);
      this.db.prepare(`DELETE FROM timeline_gaps WHERE job_id = ?`).run(this.jobId);
    }).immediate();
    if (targets.length > 0) refreshContactsSqlite(this.db, targets);
  }

  async finish(): Promise<JobSummaryFacts> {
    const { gaps, linkedNearDuplicates, timings } = postLoadSqlite(this.db, this.jobId, loadConfig().nearDuplicateStrategy);
    log.debug({ jobId: this.jobId, ...timings }, "post-load timings");
    return { gaps, linkedNearDuplicates };
  }

  async close(): Promise<void> {
    if (this.ownsConnection) this.db.close();
  }

  private jobTargets(): string[] {
    const rows = this.db
      .prepare(`SELECT DISTINCT COALESCE(target, '') AS t FROM call_records WHERE job_id = ?`)
      .all(this.jobId) as { t: string }[];
    return rows.map((r) => r.t);
  }
}

/** Writes one row's values at `at`, in ROW_COLUMNS order. */
function putRow(values: unknown[], at: number, { record: r, hash, line }: HashedRecord): void {
  values[at] = hash;
  values[at + 1] = line;
  values[at + 2] = r.start_time;
  values[at + 3] = r.end_time;
  values[at + 4] = r.duration_seconds;
  values[at + 5] = r.caller;
  values[at + 6] = r.callee;
  values[at + 7] = r.direction;
  values[at + 8] = r.record_type;
  values[at + 9] = r.target;
  values[at + 10] = r.dialed_digits;
  values[at + 11] = r.imei;
  values[at + 12] = r.imsi;
  values[at + 13] = r.cell_first;
  values[at + 14] = r.cell_last;
}
