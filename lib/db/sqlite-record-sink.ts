import type Database from "better-sqlite3";
import type { RowError } from "../schemas/record";
import { COL, RECORD_COLUMNS, ROW_WIDTH, type JobSummaryFacts, type RecordBatch, type RecordSink, type RecordValue } from "../ingest/pipeline/record-sink";
import { postLoadSqlite } from "./sqlite-post-load";
import { purgeJobSqlite } from "./sqlite-purge-job";
import { JobScanner } from "./sqlite-job-scan";
import { GroupCommit } from "./sqlite-group-commit";
import { StoredHashProbe, withoutHashes } from "./sqlite-stored-hashes";
import { batchStartOrder } from "./sqlite-start-order";
import { StagedRows } from "./sqlite-staged-rows";
import { DeviceIdCollector } from "./sqlite-record-devices";
import { log } from "../log";
import { loadConfig } from "../config";
import { jobDeletedError } from "../ingest/types";
import { CancelledError } from "../ingest/pipeline/load-rows";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import { JOB_PROGRESS_SQL, jobProgressParams } from "./job-progress-sql";

/** Per-row columns; job_id, case_id and carrier are the same for the whole job and bound once per statement. */
const ROW_COLUMNS = RECORD_COLUMNS.join(", ");
/** Rows per multi-row INSERT: 50 × 15 parameters stays far below SQLite's limit and amortizes each statement step. */
const ROWS_PER_INSERT = 50;
const rowValues = (n: number) => Array.from({ length: n }, () => `(@job, @case, @carrier, ${Array(ROW_WIDTH).fill("?").join(", ")})`).join(", ");
const insertSql = (n: number) => `INSERT OR IGNORE INTO call_records (job_id, case_id, carrier, ${ROW_COLUMNS}) VALUES ${rowValues(n)}`;
/**
 * The columns up to the party companions (kind, raw, repaired): rows whose companions are all
 * empty — every party a plain phone number, nothing repaired: nearly every row of a carrier file —
 * are inserted without them (their defaults are null and false). Binding seven nulls per row cost
 * ~5 % of a million-row load on the one writer thread.
 */
const LEAN_WIDTH = RECORD_COLUMNS.indexOf("caller_kind");
const leanValues = (n: number) => Array.from({ length: n }, () => `(@job, @case, @carrier, ${Array(LEAN_WIDTH).fill("?").join(", ")})`).join(", ");
const insertLeanSql = (n: number) => `INSERT OR IGNORE INTO call_records (job_id, case_id, carrier, ${RECORD_COLUMNS.slice(0, LEAN_WIDTH).join(", ")}) VALUES ${leanValues(n)}`;
/** Rows per commit when the staged rows go in (as loadRows' COMMIT_ROWS for an ordered file). */
const STAGED_COMMIT_ROWS = 10_000;
const INSERT_ERROR = `INSERT INTO ingestion_errors (job_id, line, field, code, message, raw) VALUES (?, ?, ?, ?, ?, ?)`;
/** Raw text kept per error row: enough to see the problem, bounded so a 500,000-character line cannot bloat the table. */
const MAX_RAW = 4000;

/**
 * Bulk loader for the embedded database: prepared multi-row statements, transactions of ~10,000 rows,
 * `INSERT OR IGNORE` on the content key, unique per case (so duplicates — within the file or against
 * earlier loads into the same case — are skipped by the index, without holding hashes in memory;
 * the same file loaded into another case is stored again, for that case). While batches bring
 * duplicates, stored hashes are probed first so duplicates are never bound and inserted at all.
 * The hash index grows in time order (see hashRecord), which keeps all of this cache-friendly.
 */
export class SqliteRecordSink implements RecordSink {
  private readonly insertMany: Database.Statement;
  private readonly insertManyLean: Database.Statement;
  /** Reused parameter array of insertManyLean (the statement runs synchronously). */
  private readonly leanParams: RecordValue[] = new Array(ROWS_PER_INSERT * LEAN_WIDTH);
  private readonly insertOne: Database.Statement;
  private readonly probe: StoredHashProbe;
  private readonly insertError: Database.Statement;
  private readonly group: GroupCommit;
  private carrier: string | null = null;
  /** Probe for stored hashes before inserting while batches keep bringing duplicates (a re-upload). */
  private expectDuplicates = true;
  /**
   * The post-load scan, built while inserting as long as the file arrives in time order and every
   * row is new (then each statement's ids are consecutive and known); null once either fails, and
   * finish() scans the table instead. A time-ordered 1M-row file saves a 2-second scan.
   */
  private scanner: JobScanner | null = new JobScanner();
  /**
   * Null while the file arrives in time order. Once a row starts before one already inserted, the
   * sink stages every row of the job (those it had inserted too) and inserts them all at the last
   * commit, sorted by start time (sqlite-staged-rows.ts): the time-led indexes are then walked
   * forward once, as for an ordered file, instead of rewritten at random by every commit.
   */
  private staged: StagedRows | null = null;
  /** Records this job had inserted before it turned out not to be in order, moved to `staged`: loadRows counted them already. */
  private moved = 0;
  /** The latest start time inserted while the file was in order. */
  private latestStart: string | null = null;
  /** The job's IMEIs and IMSIs with their record ids, for record_devices at finish(). */
  private devices = new DeviceIdCollector();
  /** Progress to store with the next commit (see noteProgress). */
  private progress: ProgressTick | null = null;
  private readonly writeProgress: Database.Statement;
  /** Throws when the job was deleted or cancelled (own connection only; see jobStillLoading). */
  private readonly checkJob: (() => void) | null;

  constructor(
    private readonly db: Database.Database,
    private readonly jobId: string,
    /** The job's case: every record carries it, and duplicates are only those of this case. */
    private readonly caseId: number,
    private readonly ownsConnection = false,
  ) {
    // Checkpoint the WAL every ~40 MB instead of every 4 MB while loading: fewer fsyncs mid-load.
    db.pragma("wal_autocheckpoint = 10000");
    // A connection of its own skips the per-row foreign-key probe of ingestion_jobs (a few % of the
    // insert time); jobStillLoading checks the one parent once per commit instead, inside the write
    // transaction, so a job deleted mid-load (cancel, then delete) still gets no orphan rows, and a
    // job cancelled mid-load commits nothing more after the cancel (its purge then finds all there is).
    if (ownsConnection) db.pragma("foreign_keys = OFF");
    // Its sorts (a recount of a tower dump's ~1M contacts, JobScanner's MAX_TALLIES) spill to
    // temporary files past the page cache's size instead of growing in memory.
    if (ownsConnection) db.pragma("temp_store = FILE");
    this.insertMany = db.prepare(insertSql(ROWS_PER_INSERT));
    this.insertManyLean = db.prepare(insertLeanSql(ROWS_PER_INSERT));
    this.insertOne = db.prepare(insertSql(1));
    this.probe = new StoredHashProbe(db, this.caseId);
    this.insertError = db.prepare(INSERT_ERROR);
    this.writeProgress = db.prepare(JOB_PROGRESS_SQL);
    const checkJob = ownsConnection ? jobStillLoading(db, jobId) : null;
    this.checkJob = checkJob;
    this.group = new GroupCommit(db, undefined, () => {
      checkJob?.();
      this.storeProgress();
    });
  }

  async insertRecords(batch: RecordBatch): Promise<number | null> {
    if (this.staged === null) {
      const { backwards, latest } = batchStartOrder(batch, this.latestStart);
      this.latestStart = latest;
      if (backwards) this.startStaging();
    }
    if (this.staged !== null) {
      // Stored rows are dropped as they arrive (a re-upload then stages and inserts nothing);
      // loadRows counts every row of a staged batch, and the last commit() says how many were new.
      const fresh = this.expectDuplicates ? this.withoutStored(batch) : batch;
      this.expectDuplicates = fresh.count < batch.count * 0.9;
      if (fresh.count > 0) this.staged.add(fresh);
      return null;
    }
    return this.insertNow(batch);
  }

  /**
   * The file went back in time: what this job inserted so far moves to the staging database (it
   * is usually a batch or two: a file in no order goes back at once), so the last commit inserts
   * the whole job in time order and the scanner and device runs start afresh.
   */
  private startStaging(): void {
    this.group.commit();
    const staged = new StagedRows();
    this.staged = staged;
    const mine = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM call_records WHERE job_id = ? ORDER BY id`).raw(true);
    this.moved = staged.addAll(mine.iterate(this.jobId) as IterableIterator<RecordValue[]>);
    if (this.moved > 0) this.group.run(() => this.db.prepare(`DELETE FROM call_records WHERE job_id = ?`).run(this.jobId));
    this.scanner = new JobScanner();
    this.devices = new DeviceIdCollector();
  }

  private insertNow(batch: RecordBatch): number {
    return this.group.run(() => {
      const inserted = this.insertFresh(this.expectDuplicates ? this.withoutStored(batch) : batch);
      // A batch with many duplicates predicts the next one (re-uploads, overlapping files); a first
      // upload stops probing after its first batch.
      this.expectDuplicates = inserted < batch.count * 0.9;
      return inserted;
    });
  }

  /** The rows whose content hash is not stored yet (StoredHashProbe); duplicates within the batch are left to INSERT OR IGNORE. */
  private withoutStored(batch: RecordBatch): RecordBatch {
    const stored = this.probe.stored(batch.count, batch.values);
    return stored.size === 0 ? batch : withoutHashes(batch.count, batch.values, stored);
  }

  private insertFresh({ count, values }: RecordBatch): number {
    const named = { job: this.jobId, case: this.caseId, carrier: this.carrier };
    const span = ROWS_PER_INSERT * ROW_WIDTH;
    let inserted = 0;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= count; i += ROWS_PER_INSERT) {
      const at = i * ROW_WIDTH;
      const { changes, lastInsertRowid } = leanRows(values, at, ROWS_PER_INSERT)
        ? this.insertManyLean.run(this.leanSlice(values, at), named)
        : this.insertMany.run(values.slice(at, at + span), named);
      inserted += changes;
      this.noteIds(values, at, ROWS_PER_INSERT, changes, Number(lastInsertRowid));
    }
    for (; i < count; i++) {
      const at = i * ROW_WIDTH;
      const { changes, lastInsertRowid } = this.insertOne.run(values.slice(at, at + ROW_WIDTH), named);
      inserted += changes;
      this.noteIds(values, at, 1, changes, Number(lastInsertRowid));
    }
    return inserted;
  }

  /** The leading LEAN_WIDTH values of ROWS_PER_INSERT rows from `at`, in the reused parameter array. */
  private leanSlice(values: RecordValue[], at: number): RecordValue[] {
    const out = this.leanParams;
    let o = 0;
    for (let r = 0; r < ROWS_PER_INSERT; r++, at += ROW_WIDTH) for (let k = 0; k < LEAN_WIDTH; k++) out[o++] = values[at + k]!;
    return out;
  }

  /** One statement's rows and their ids (known when every row was new) to the device collector and the scanner. */
  private noteIds(values: RecordValue[], at: number, rows: number, changes: number, lastId: number): void {
    if (changes === rows) this.devices.addRows(values, at, rows, lastId);
    else this.devices.lose();
    this.scanInserted(values, at, rows, changes, lastId);
  }

  /** Feeds one statement's rows to the scanner, or gives the scanner up (see `scanner`). */
  private scanInserted(values: RecordValue[], at: number, rows: number, changes: number, lastId: number): void {
    const scanner = this.scanner;
    if (!scanner) return;
    if (changes !== rows) {
      this.scanner = null;
      return;
    }
    let id = lastId - rows + 1;
    for (let end = at + rows * ROW_WIDTH; at < end; at += ROW_WIDTH, id++) {
      const start = values[at + COL.start] as string;
      const previous = scanner.lastStart;
      if (previous !== null && start < previous) {
        this.scanner = null;
        return;
      }
      const caller = values[at + COL.caller] as string | null;
      const callee = values[at + COL.callee] as string | null;
      scanner.add(id, caller, callee, values[at + COL.type] as string, start, values[at + COL.duration] as number | null, values[at + COL.target] as string | null, false, {
        callerId: caller ?? (values[at + COL.callerRaw] as string | null),
        calleeId: callee ?? (values[at + COL.calleeRaw] as string | null),
        callerKind: values[at + COL.callerKind] as string | null,
        calleeKind: values[at + COL.calleeKind] as string | null,
      });
    }
  }

  async insertErrors(errors: RowError[]): Promise<void> {
    this.group.run(() => {
      for (const e of errors) {
        const raw = e.raw.length > MAX_RAW ? `${e.raw.slice(0, MAX_RAW)}… (${e.raw.length} characters)` : e.raw;
        this.insertError.run(this.jobId, e.line, e.field, e.code, e.message, raw);
      }
    });
  }

  async begin(carrier: string | null): Promise<void> {
    this.carrier = carrier;
    // What an earlier attempt loaded goes, with its share of the case's contacts, gaps and links.
    purgeJobSqlite(this.db, this.jobId);
  }

  /**
   * Commits. While staging, returns nothing (loadRows keeps counting the staged batches' rows) until
   * the last commit, which inserts every staged row in time order and returns how many were new.
   */
  async commit(last = false, onInserted?: (inserted: number) => void): Promise<number | void> {
    const staged = this.staged;
    if (staged === null || !last) return this.group.commit();
    this.staged = null;
    try {
      return (await this.insertStaged(staged, onInserted)) - this.moved;
    } finally {
      staged.close();
    }
  }

  /** Inserts the staged rows in time order, committing and reporting (new rows beyond the moved ones) every STAGED_COMMIT_ROWS. */
  private async insertStaged(staged: StagedRows, onInserted?: (inserted: number) => void): Promise<number> {
    let inserted = 0;
    let uncommitted = 0;
    for await (const batch of staged.sorted()) {
      inserted += this.group.run(() => this.insertFresh(batch));
      uncommitted += batch.count;
      if (uncommitted >= STAGED_COMMIT_ROWS) {
        this.group.commit();
        uncommitted = 0;
        onInserted?.(Math.max(0, inserted - this.moved));
      }
    }
    this.group.commit();
    return inserted;
  }

  /**
   * Keeps the tick for the next commit, which stores it with the rows it counts. The server's own
   * progress writes (progress-writer.ts) never wait for the write lock and so are nearly always
   * skipped while this loader holds it: without this, a page or API call opened mid-load saw no
   * rows read until the end.
   */
  noteProgress(tick: ProgressTick): void {
    this.progress = tick;
  }

  private storeProgress(): void {
    const tick = this.progress;
    if (!tick) return;
    this.progress = null;
    this.writeProgress.run(jobProgressParams(this.jobId, tick));
  }

  async finish(): Promise<JobSummaryFacts> {
    // loadRows' last commit() inserted the staged rows; none may be left unaccounted for.
    if (this.staged !== null) throw new Error("SqliteRecordSink.finish() with staged rows: commit(true) first");
    this.group.commit();
    // A job cancelled since its last commit gets no post-load: it ends as cancelled (and is purged).
    this.checkJob?.();
    // The post-load writes (gaps, links, contacts) are few: the foreign keys guard them again.
    if (this.ownsConnection) this.db.pragma("foreign_keys = ON");
    const d = performance.now();
    const devices = this.db.transaction(() => this.devices.write(this.db, this.caseId, this.jobId)).immediate();
    const devicesMs = Math.round(performance.now() - d);
    const { gaps, linkedNearDuplicates, timings } = postLoadSqlite(this.db, this.jobId, this.caseId, loadConfig().nearDuplicateStrategy, this.scanner?.result());
    // Flush the load's WAL here, in the loader's thread: otherwise the server's next write (the
    // job's outcome, on the main thread) runs the autocheckpoint and copies up to ~40 MB of pages
    // on the event loop. PASSIVE: never waits for readers.
    const t = performance.now();
    this.db.pragma("wal_checkpoint(PASSIVE)");
    log.debug({ jobId: this.jobId, devices, devicesMs, ...timings, checkpointMs: Math.round(performance.now() - t) }, "post-load timings");
    return { gaps, linkedNearDuplicates };
  }

  async close(): Promise<void> {
    // Still open only when loading stopped early (a failure, a cancel): what was not committed is dropped.
    this.group.rollback();
    this.staged?.close();
    if (this.ownsConnection) this.db.close();
  }
}

/**
 * The per-commit check that stands in for the foreign key, inside the write transaction: throws
 * when the job row is gone (job_deleted) or the job was cancelled (the commit is rolled back, and
 * the load ends as cancelled): nothing is stored for a job after its cancel is.
 */
function jobStillLoading(db: Database.Database, jobId: string): () => void {
  const status = db.prepare(`SELECT status FROM ingestion_jobs WHERE id = ?`).pluck();
  return () => {
    const s = status.get(jobId) as string | undefined;
    if (s === undefined) throw jobDeletedError();
    if (s === "cancelled") throw new CancelledError();
  };
}

/** Whether the party companions (kinds, raw values, repaired) of `rows` rows from `at` are all empty. */
function leanRows(values: RecordValue[], at: number, rows: number): boolean {
  for (let r = 0; r < rows; r++, at += ROW_WIDTH) {
    for (let k = LEAN_WIDTH; k < ROW_WIDTH; k++) {
      const v = values[at + k];
      if (v !== null && v !== 0) return false;
    }
  }
  return true;
}
