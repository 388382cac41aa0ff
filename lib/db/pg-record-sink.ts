import type pg from "pg";
import type { RowError } from "../schemas/record";
import { RECORD_COLUMNS, ROW_WIDTH, type JobSummaryFacts, type RecordBatch, type RecordSink } from "../ingest/pipeline/record-sink";
import { copyRows } from "./pg-copy";
import { detectGapsPg } from "./pg-gaps";
import { linkNearDuplicatesPg, refreshContactsPg } from "./pg-post-load";
import { nearDuplicateStrategySql } from "./near-duplicate-strategy";
import { loadConfig } from "../config";

const ERROR_COLUMNS = ["job_id", "line", "field", "code", "message", "raw"] as const;
/** Raw text kept per error row (as in the SQLite sink). */
const MAX_RAW = 4000;

/**
 * Bulk loader for PostgreSQL: each batch is COPYed into a session-local staging table, then one
 * set-based INSERT … SELECT moves it into call_records, skipping hashes already stored (from this
 * file or any other, by any worker) through ON CONFLICT. DISTINCT ON keeps the first line of an
 * in-file duplicate, as the SQLite sink does; ORDER BY hash makes concurrent loaders take index
 * locks in the same order (no deadlocks) and makes the insert ~30 % faster (STACK-NOTES).
 */
export class PgRecordSink implements RecordSink {
  private carrier: string | null = null;
  private staged = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly jobId: string,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async insertRecords(batch: RecordBatch): Promise<number> {
    await this.ensureStaging();
    // No WAL flush per batch: a crash can lose only the last batches of a load that is not finished
    // yet, and an unfinished job is rerun from scratch anyway (begin() clears it). The job's outcome
    // is committed later with the default synchronous commit, which flushes the WAL up to it and so
    // every batch before it.
    await this.client.query("BEGIN; SET LOCAL synchronous_commit = off");
    try {
      await copyRows(this.client, "pg_temp.staging_records", RECORD_COLUMNS, batchRows(batch));
      const res = await this.client.query(
        `INSERT INTO call_records (job_id, carrier, ${RECORD_COLUMNS.join(", ")})
         SELECT DISTINCT ON (content_hash) $1, $2, ${RECORD_COLUMNS.join(", ")} FROM pg_temp.staging_records
          ORDER BY content_hash, line
         ON CONFLICT (content_hash) DO NOTHING`,
        [this.jobId, this.carrier],
      );
      await this.client.query("COMMIT"); // staging is ON COMMIT DELETE ROWS: empty for the next batch
      return res.rowCount ?? 0;
    } catch (err) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  }

  async insertErrors(errors: RowError[]): Promise<void> {
    await copyRows(this.client, "ingestion_errors", ERROR_COLUMNS, errors.map((e) => [
      this.jobId, e.line, e.field, e.code, e.message, e.raw.length > MAX_RAW ? `${e.raw.slice(0, MAX_RAW)}… (${e.raw.length} characters)` : e.raw,
    ]));
  }

  /** Each insertRecords is its own transaction. */
  async commit(): Promise<void> {}

  /** A retried (or crashed and re-delivered) job starts clean: its earlier partial load is removed first. */
  async begin(carrier: string | null): Promise<void> {
    this.carrier = carrier;
    const targets = await this.jobTargets();
    await this.client.query("BEGIN");
    try {
      await this.client.query(`DELETE FROM call_records WHERE job_id = $1`, [this.jobId]);
      await this.client.query(`DELETE FROM ingestion_errors WHERE job_id = $1`, [this.jobId]);
      await this.client.query(`DELETE FROM timeline_gaps WHERE job_id = $1`, [this.jobId]);
      await this.client.query("COMMIT");
    } catch (err) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw err;
    }
    if (targets.length > 0) await refreshContactsPg(this.client, targets);
  }

  async finish(): Promise<JobSummaryFacts> {
    const linkedNearDuplicates = await linkNearDuplicatesPg(this.client, this.jobId);
    if (linkedNearDuplicates > 0) {
      for (const sql of nearDuplicateStrategySql(loadConfig().nearDuplicateStrategy, "$1")) {
        await this.client.query(sql, sql.includes("$1") ? [this.jobId] : []);
      }
    }
    await refreshContactsPg(this.client, await this.jobTargets());
    const gaps = await detectGapsPg(this.client, this.jobId);
    return { gaps, linkedNearDuplicates };
  }

  async close(): Promise<void> {
    this.client.release();
    await this.onClose();
  }

  private async ensureStaging(): Promise<void> {
    if (this.staged) return;
    await this.client.query(
      `CREATE TEMP TABLE IF NOT EXISTS staging_records (
         content_hash TEXT, line INTEGER, start_time TEXT, end_time TEXT, duration_seconds INTEGER, caller TEXT, callee TEXT,
         direction TEXT, record_type TEXT, target TEXT, dialed_digits TEXT, imei TEXT, imsi TEXT, cell_first TEXT, cell_last TEXT
       ) ON COMMIT DELETE ROWS`,
    );
    this.staged = true;
  }

  private async jobTargets(): Promise<string[]> {
    const { rows } = await this.client.query<{ t: string }>(`SELECT DISTINCT COALESCE(target, '') AS t FROM call_records WHERE job_id = $1`, [this.jobId]);
    return rows.map((r) => r.t);
  }
}

/** The batch's records as rows, in RECORD_COLUMNS order (the staging table's). */
function* batchRows({ count, values }: RecordBatch): Generator<RecordBatch["values"]> {
  for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) yield values.slice(at, at + ROW_WIDTH);
}
