import type pg from "pg";
import type { RowError } from "../schemas/record";
import { RECORD_FIELDS, RECORD_FIELD_NAMES } from "../schemas/record-fields";
import { RECORD_COLUMNS, ROW_WIDTH, type JobSummaryFacts, type RecordBatch, type RecordSink } from "../ingest/pipeline/record-sink";
import { copyRows } from "./pg-copy";
import { caseTargetKey, refreshCaseTargetsPg, type CaseTarget } from "./pg-gaps";
import { linkNearDuplicatesPg, lockCaseLinks } from "./pg-post-load";
import { purgeJobPg } from "./pg-purge-job";
import { meetsGapThreshold } from "../ingest/timeline-gaps";
import { nearDuplicateStrategySql } from "./near-duplicate-strategy";
import { loadConfig } from "../config";
import { log } from "../log";

const ERROR_COLUMNS = ["job_id", "line", "field", "code", "message", "raw"] as const;
/** Raw text kept per error row (as in the SQLite sink). */
const MAX_RAW = 4000;

/**
 * Bulk loader for PostgreSQL into one case: each batch is COPYed into a session-local staging
 * table, then one set-based INSERT … SELECT moves it into call_records with the job's case id,
 * skipping content keys the case already holds (from this file or any other of the case, by any
 * worker) through ON CONFLICT (case_id, content_hash): the same file loads fully into another
 * case. DISTINCT ON keeps the first line of an in-file duplicate, as the SQLite sink does; ORDER
 * BY hash makes concurrent loaders take index locks in the same order (no deadlocks) and makes the
 * insert ~30 % faster (STACK-NOTES).
 */
export class PgRecordSink implements RecordSink {
  private carrier: string | null = null;
  private staged = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly jobId: string,
    private readonly caseId: number,
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
        `INSERT INTO call_records (job_id, case_id, carrier, ${RECORD_COLUMNS.join(", ")})
         SELECT DISTINCT ON (content_hash) $1, $2::int, $3, ${RECORD_COLUMNS.join(", ")} FROM pg_temp.staging_records
          ORDER BY content_hash, line
         ON CONFLICT (case_id, content_hash) DO NOTHING`,
        [this.jobId, this.caseId, this.carrier],
      );
      await this.client.query("COMMIT"); // staging is ON COMMIT DELETE ROWS: empty for the next batch
      return res.rowCount ?? 0;
    } catch (err) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  }

  async insertErrors(errors: RowError[]): Promise<void> {
    await copyRows(
      this.client,
      "ingestion_errors",
      ERROR_COLUMNS,
      errors.map((e) => [this.jobId, e.line, e.field, e.code, e.message, e.raw.length > MAX_RAW ? `${e.raw.slice(0, MAX_RAW)}… (${e.raw.length} characters)` : e.raw]),
    );
  }

  /** Each insertRecords is its own transaction. */
  async commit(): Promise<void> {}

  /**
   * A retried (or crashed and re-delivered) job starts clean: its earlier partial load is purged
   * first — records, errors, links other jobs' records hold to them — and the contacts and gaps of
   * its targets in the case are recomputed without it (pg-purge-job.ts).
   */
  async begin(carrier: string | null): Promise<void> {
    this.carrier = carrier;
    const { rows } = await this.client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM call_records WHERE job_id = $1) AS any`, [this.jobId]);
    if (rows[0]?.any) await purgeJobPg(this.client, this.jobId);
    else await this.client.query(`DELETE FROM ingestion_errors WHERE job_id = $1`, [this.jobId]);
  }

  /**
   * Post-load, per case: near-duplicate links to the case's records and the configured strategy
   * (under the case's link lock, one transaction), then contacts and timeline gaps of each
   * target the job touched, recomputed across every file of that target in the case. The gaps
   * reported for the job's quality score are those inside its own time span of each target: the
   * silence between two monthly deliveries is the case's, not a flaw of either file.
   */
  async finish(): Promise<JobSummaryFacts> {
    const t0 = performance.now();
    const strategy = loadConfig().nearDuplicateStrategy;
    const touched = new Map<string, CaseTarget>();
    let linkedNearDuplicates = 0;
    await this.client.query("BEGIN");
    try {
      // keep_first writes only this job's records: linkers of one case run side by side. The other
      // strategies also rewrite other jobs' records: one linker of the case at a time (no deadlocks).
      await lockCaseLinks(this.client, this.caseId, strategy === "keep_first" ? "shared" : "exclusive");
      linkedNearDuplicates = await linkNearDuplicatesPg(this.client, this.jobId);
      if (linkedNearDuplicates > 0) {
        // keep_longest may turn another target's primary into a duplicate: that target's counts change too.
        if (strategy === "keep_longest") for (const t of await this.primaryTargets()) touched.set(caseTargetKey(t), t);
        for (const sql of nearDuplicateStrategySql(strategy, "$1")) {
          await this.client.query(sql, sql.includes("$1") ? [this.jobId] : []);
        }
      }
      await this.client.query("COMMIT");
    } catch (err) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw err;
    }
    const t1 = performance.now();
    const spans = await this.jobSpans();
    for (const s of spans) touched.set(caseTargetKey(s), { caseId: s.caseId, target: s.target });
    const found = await refreshCaseTargetsPg(this.client, touched.values());
    let gaps = 0;
    // The quality score counts the silences the default rule reports: a job's score does not move with an analyst's threshold.
    for (const s of spans) gaps += (found.get(caseTargetKey(s)) ?? []).filter((g) => meetsGapThreshold(g) && g.from >= s.first && g.to <= s.last).length;
    const ms = (a: number, b: number) => Math.round(b - a);
    log.debug(
      { jobId: this.jobId, caseId: this.caseId, linksMs: ms(t0, t1), contactsAndGapsMs: ms(t1, performance.now()), targets: touched.size, linkedNearDuplicates },
      "post-load timings",
    );
    return { gaps, linkedNearDuplicates };
  }

  async close(): Promise<void> {
    this.client.release();
    await this.onClose();
  }

  private async ensureStaging(): Promise<void> {
    if (this.staged) return;
    await this.client.query(`CREATE TEMP TABLE IF NOT EXISTS staging_records (${STAGING_COLUMNS}) ON COMMIT DELETE ROWS`);
    this.staged = true;
  }

  /** Each target of the job's records, with the first and last start time the job has there. */
  private async jobSpans(): Promise<(CaseTarget & { first: string; last: string })[]> {
    const { rows } = await this.client.query<{ target: string; first: string; last: string }>(
      `SELECT COALESCE(target, '') AS target, MIN(start_time) AS first, MAX(start_time) AS last FROM call_records WHERE job_id = $1 GROUP BY 1`,
      [this.jobId],
    );
    return rows.map((r) => ({ caseId: this.caseId, ...r }));
  }

  /** The targets of the records the job's linked records point at (before the strategy runs). */
  private async primaryTargets(): Promise<CaseTarget[]> {
    const { rows } = await this.client.query<{ target: string }>(
      `SELECT DISTINCT COALESCE(p.target, '') AS target FROM call_records d JOIN call_records p ON p.id = d.duplicate_of
        WHERE d.job_id = $1 AND d.duplicate_of IS NOT NULL`,
      [this.jobId],
    );
    return rows.map((r) => ({ caseId: this.caseId, target: r.target }));
  }
}

/** The staging table's columns: the hash, the line, then the record field table's, typed as in call_records. */
const STAGING_COLUMNS = ["content_hash TEXT", "line INTEGER", ...RECORD_FIELD_NAMES.map((f) => `${f} ${RECORD_FIELDS[f].pg}`)].join(", ");

/** The batch's records as rows, in RECORD_COLUMNS order (the staging table's). */
function* batchRows({ count, values }: RecordBatch): Generator<RecordBatch["values"]> {
  for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) yield values.slice(at, at + ROW_WIDTH);
}
