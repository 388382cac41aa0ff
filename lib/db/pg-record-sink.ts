import type pg from "pg";
import type { RowError } from "../schemas/record";
import { RECORD_FIELDS, RECORD_FIELD_NAMES } from "../schemas/record-fields";
import { RECORD_COLUMNS, type JobSummaryFacts, type RecordBatch, type RecordSink } from "../ingest/pipeline/record-sink";
import { copyRows } from "./pg-copy";
import { copyRecordsDirect, UNIQUE_VIOLATION } from "./pg-direct-copy";
import { finishPgLoad } from "./pg-finish-load";
import { writeJobDevicesPg } from "./pg-record-devices";
import { DeviceRuns } from "./record-device-runs";
import { PgLoadScanner } from "./pg-load-scan";
import { feedScanner, heldRows, storedRowsOf, withoutStoredHashes, type StoredRow } from "./pg-held-rows";
import { purgeJobPg } from "./pg-purge-job";
import { log } from "../log";
import { jobDeletedError } from "../ingest/types";

const ERROR_COLUMNS = ["job_id", "line", "field", "code", "message", "raw"] as const;
/** Raw text kept per error row (as in the SQLite sink). */
const MAX_RAW = 4000;
/**
 * Rows per COPY + INSERT (one transaction). Measured on a 1M-row file (docs/benchmarks.md): the
 * pipeline's 500-row batches each paid a transaction, a COPY and the staging table's truncation
 * at commit; past ~20,000 rows a flush gains nothing more and holds more rows in memory.
 */
export const PG_FLUSH_ROWS = Number(process.env.SWITCHYARD_PG_FLUSH_ROWS) || 20_000;
/** Flushes go straight into call_records (pg-direct-copy.ts) unless this says 0 (for comparisons). */
const PG_DIRECT_COPY = process.env.SWITCHYARD_PG_DIRECT !== "0";
/**
 * Rows per flush while the flushes come back entirely stored (a re-upload): such a flush is only
 * probed and dropped, and 20,000 rows held for it outlived the worker's 8 MB semi-spaces (promoted,
 * then collected by the old generation's collector). A flush with any new row goes back to
 * PG_FLUSH_ROWS: an overlapping delivery's new rows are not COPYed a few hundred at a time.
 */
const PG_PROBE_ROWS = 2_500;
/** After a direct COPY met a stored content key, this many flushes go through staging before the next try. */
const STAGED_AFTER_CONFLICT = 9;

/**
 * Bulk loader for PostgreSQL into one case. Batches are held until PG_FLUSH_ROWS rows, then
 * COPYed straight into call_records with the job's case id (pg-direct-copy.ts: one row per content
 * key, sorted by hash, ids from the sequence), inside a savepoint. When that meets a content key
 * the case already holds (from this file further back, or any other file of the case, by any
 * worker) the flush is redone through the staging path: COPY into a session-local staging table,
 * then one set-based INSERT … SELECT … ON CONFLICT (case_id, content_hash) DO NOTHING, with
 * DISTINCT ON keeping the first line of a key and ORDER BY hash making concurrent inserts take
 * index locks in the same order (no deadlocks; ~30 % faster, STACK-NOTES). Either way the flush
 * knows the ids and lines it stored, so while the file arrives in time order the post-load
 * accumulators (near-duplicate window, contacts, gaps: pg-load-scan.ts) are fed from the rows in
 * memory and finish() reads nothing back. The job row is checked once per flush (holdJob), where a
 * foreign key checked it per row (migration 0013).
 *
 * A flush runs while insertRecords returns and loadRows takes the batches for the next one (the
 * next flush on the same connection waits for it); with a spare connection (a lane: the default,
 * pg-open-sink.ts) two flushes run at once; their ids, taken from the sequence by each, may then
 * interleave, as any two jobs' always could: nothing here reads ids as file order (the scanner
 * links a near-duplicate to the record fed before it; device runs start anew where a value's ids
 * stop rising). Flushes are fed to the scanner and counted in the order they were started.
 * loadRows commits every `commitEvery` rows; commit() waits for every flush and returns the new
 * rows among them. Before a flush, rows the case already holds are dropped (pg-held-rows.ts: a
 * re-upload sends nothing) while flushes keep finding ≥ 10 % of them; while they find all of them,
 * a flush (then only a probe) starts every PG_PROBE_ROWS rows.
 * Two flushes of one file in flight at once may hold the same content key (an in-file duplicate):
 * either line may then be the one stored (the other conflicts, as against another file).
 */
export class PgRecordSink implements RecordSink {
  readonly commitEvery = PG_FLUSH_ROWS * 5;
  private carrier: string | null = null;
  private held: RecordBatch[] = [];
  private heldCount = 0;
  /** Flushes started and not yet fed, oldest first. */
  private inflight: { lane: Lane; done: Promise<Flushed> }[] = [];
  private next = 0;
  /** Flushes to send without probing for stored hashes first (withoutStored): none at first, 9 after a flush of mostly new rows. */
  private skipProbes = 0;
  /** The last probe found all of its flush stored: flushes are PG_PROBE_ROWS until one holds a new row. */
  private allStored = false;
  /** New rows of flushes fed since the last commit(). */
  private inserted = 0;
  /** Fed while every flush's stored rows come after the previous ones in time; null once not (finish() reads the job back). */
  private scanner: PgLoadScanner | null = new PgLoadScanner();
  /** The stored records' IMEIs and IMSIs with their ids, for record_devices after the load (pg-record-devices.ts). */
  private readonly devices = new DeviceRuns();
  /** Milliseconds spent per step of the load, for the debug log. */
  private readonly loadTimings = { probeMs: 0, directMs: 0, copyMs: 0, insertMs: 0, commitMs: 0, feedMs: 0, waitMs: 0, flushes: 0, conflicts: 0 };
  /** Flushes still to send through staging after a direct COPY met a stored content key. */
  private stagedFlushes = 0;
  private readonly lanes: Lane[];

  constructor(
    private readonly client: pg.PoolClient,
    private readonly jobId: string,
    private readonly caseId: number,
    private readonly onClose: () => Promise<void> = async () => {},
    /** A second connection for the flushes (none: every flush on `client`). */
    spare?: pg.PoolClient,
  ) {
    this.lanes = [{ client, staged: false }, ...(spare ? [{ client: spare, staged: false }] : [])];
  }

  /** Held; every PG_FLUSH_ROWS rows (PG_PROBE_ROWS in a re-upload) a flush starts on the next lane (commit() counts them). */
  async insertRecords(batch: RecordBatch): Promise<null> {
    this.held.push(batch);
    this.heldCount += batch.count;
    if (this.heldCount >= (this.allStored ? PG_PROBE_ROWS : PG_FLUSH_ROWS)) await this.startFlush();
    return null;
  }

  async commit(): Promise<number> {
    if (this.heldCount > 0) await this.startFlush();
    await this.drain(this.inflight.length);
    const n = this.inserted;
    this.inserted = 0;
    return n;
  }

  private async startFlush(): Promise<void> {
    const held = this.held;
    this.held = [];
    this.heldCount = 0;
    const lane = this.lanes[this.next++ % this.lanes.length]!;
    await this.drainLane(lane);
    const done = this.flush(lane, held);
    // Awaited (and its error raised) by drain; never an unhandled rejection meanwhile.
    done.catch(() => {});
    this.inflight.push({ lane, done });
  }

  /** Waits for the oldest `n` flushes in order, feeding and counting each. */
  private async drain(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const f = this.inflight.shift()!;
      const t = performance.now();
      const { stored } = await f.done;
      const t1 = performance.now();
      this.loadTimings.waitMs += t1 - t;
      this.feed(stored);
      this.loadTimings.feedMs += performance.now() - t1;
      this.inserted += stored.length;
    }
  }

  /** Until no flush runs on the lane (its client is then free for another statement). */
  private async drainLane(lane: Lane): Promise<void> {
    const last = this.inflight.map((f) => f.lane).lastIndexOf(lane);
    if (last >= 0) await this.drain(last + 1);
  }

  private async flush(lane: Lane, held: RecordBatch[]): Promise<Flushed> {
    const { client } = lane;
    if (!lane.staged) {
      await client.query(`CREATE TEMP TABLE IF NOT EXISTS staging_records (${STAGING_COLUMNS}) ON COMMIT DELETE ROWS`);
      lane.staged = true;
    }
    const lt = this.loadTimings;
    const tp = performance.now();
    const fresh = this.skipProbes-- <= 0 ? await this.withoutStored(client, held) : held;
    lt.probeMs += performance.now() - tp;
    if (fresh.every((b) => b.count === 0)) return { stored: [] };
    // No WAL flush per batch: a crash can lose only the last batches of a load that is not finished
    // yet, and an unfinished job is rerun from scratch anyway (begin() clears it). The job's outcome
    // is committed later with the default synchronous commit, which flushes the WAL up to it and so
    // every batch before it. The INSERT sorts the flush by hash: 20,000 rows are ~5 MB, past the
    // default work_mem (4 MB), where EXPLAIN showed an external merge on disk.
    await client.query("BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '32MB'");
    try {
      await this.holdJob(client);
      const stored = (await this.copyDirect(client, fresh)) ?? (await this.copyStaged(client, fresh));
      const t1 = performance.now();
      await client.query("COMMIT"); // staging is ON COMMIT DELETE ROWS: empty for the next flush
      lt.commitMs += performance.now() - t1;
      lt.flushes++;
      return { stored };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  }

  /**
   * What the job_id foreign key did per row, once per flush (migration 0013): the job row is
   * locked as the key check locked it, so the job cannot be deleted (nor its records purged by the
   * delete trigger) until the flush commits; a job deleted before it stops the load here.
   */
  private async holdJob(client: pg.PoolClient): Promise<void> {
    const { rowCount } = await client.query(`SELECT 1 FROM ingestion_jobs WHERE id = $1 FOR KEY SHARE`, [this.jobId]);
    if (!rowCount) throw jobDeletedError();
  }

  /**
   * The flush straight into call_records (pg-direct-copy.ts), inside a savepoint; null when a row
   * met a content key already stored (the savepoint is undone and the next STAGED_AFTER_CONFLICT
   * flushes go through staging, which skips such rows).
   */
  private async copyDirect(client: pg.PoolClient, fresh: RecordBatch[]): Promise<StoredRow[] | null> {
    if (!PG_DIRECT_COPY || this.stagedFlushes-- > 0) return null;
    const t0 = performance.now();
    await client.query("SAVEPOINT direct");
    try {
      const stored = await copyRecordsDirect(client, { jobId: this.jobId, caseId: this.caseId, carrier: this.carrier }, fresh);
      await client.query("RELEASE SAVEPOINT direct");
      this.loadTimings.directMs += performance.now() - t0;
      return stored;
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      await client.query("ROLLBACK TO SAVEPOINT direct");
      this.stagedFlushes = STAGED_AFTER_CONFLICT;
      this.loadTimings.conflicts++;
      this.loadTimings.directMs += performance.now() - t0;
      return null;
    }
  }

  /** The flush through the staging table and one INSERT … SELECT … ON CONFLICT DO NOTHING (see the class comment). */
  private async copyStaged(client: pg.PoolClient, fresh: RecordBatch[]): Promise<StoredRow[]> {
    const lt = this.loadTimings;
    const t0 = performance.now();
    await copyRows(client, "pg_temp.staging_records", RECORD_COLUMNS, heldRows(fresh));
    const t1 = performance.now();
    const res = await client.query<[number, number]>({
      text: `INSERT INTO call_records (job_id, case_id, carrier, ${RECORD_COLUMNS.join(", ")})
             SELECT DISTINCT ON (content_hash) $1, $2::int, $3, ${RECORD_COLUMNS.join(", ")} FROM pg_temp.staging_records
              ORDER BY content_hash, line
             ON CONFLICT (case_id, content_hash) DO NOTHING
             RETURNING id, line`,
      values: [this.jobId, this.caseId, this.carrier],
      rowMode: "array",
    });
    lt.copyMs += t1 - t0;
    lt.insertMs += performance.now() - t1;
    return storedRowsOf(fresh, res.rows);
  }

  /** Drops rows the case already holds (withoutStored) while flushes keep finding some. */
  private async withoutStored(client: pg.PoolClient, held: RecordBatch[]): Promise<RecordBatch[]> {
    const { fresh, count, dropped } = await withoutStoredHashes(client, this.caseId, held);
    this.skipProbes = dropped >= count * 0.1 ? 0 : 9;
    this.allStored = count > 0 && dropped === count;
    return fresh;
  }

  /** Feeds the stored rows to the scanner, or gives the scanner up when they go back in time. */
  private feed(stored: StoredRow[]): void {
    for (const { values, at, id } of stored) this.devices.addRow(values, at, id);
    if (this.scanner && !feedScanner(this.scanner, stored)) this.scanner = null;
  }

  async insertErrors(errors: RowError[]): Promise<void> {
    await this.drainLane(this.lanes[0]!);
    await copyRows(
      this.client,
      "ingestion_errors",
      ERROR_COLUMNS,
      errors.map((e) => [this.jobId, e.line, e.field, e.code, e.message, e.raw.length > MAX_RAW ? `${e.raw.slice(0, MAX_RAW)}… (${e.raw.length} characters)` : e.raw]),
    );
  }

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

  /** Near-duplicate links, contacts and gaps (pg-finish-load.ts), from the scan fed while loading when there is one. */
  async finish(): Promise<JobSummaryFacts> {
    await this.commit();
    const lt = this.loadTimings;
    const ms = (v: number) => Math.round(v);
    log.debug(
      {
        jobId: this.jobId,
        probeMs: ms(lt.probeMs),
        directMs: ms(lt.directMs),
        conflicts: lt.conflicts,
        copyMs: ms(lt.copyMs),
        insertMs: ms(lt.insertMs),
        commitMs: ms(lt.commitMs),
        feedMs: ms(lt.feedMs),
        waitMs: ms(lt.waitMs),
        flushes: lt.flushes,
      },
      "pg load timings",
    );
    const d = performance.now();
    const devices = await writeJobDevicesPg(this.client, this.caseId, this.jobId, this.devices);
    log.debug({ jobId: this.jobId, devices, devicesMs: Math.round(performance.now() - d) }, "pg devices timings");
    return finishPgLoad(this.client, this.jobId, this.caseId, this.scanner?.result() ?? null);
  }

  /** Waits for flushes still running (a load stopped early: their errors no longer matter), then lets the connections go. */
  async close(): Promise<void> {
    await Promise.allSettled(this.inflight.map((f) => f.done));
    this.inflight = [];
    for (const lane of this.lanes) lane.client.release();
    await this.onClose();
  }
}

interface Lane {
  client: pg.PoolClient;
  /** Its session's staging table exists. */
  staged: boolean;
}

interface Flushed {
  stored: StoredRow[];
}

/** The staging table's columns: the hash, the line, then the record field table's, typed as in call_records. */
const STAGING_COLUMNS = ["content_hash TEXT", "line INTEGER", ...RECORD_FIELD_NAMES.map((f) => `${f} ${RECORD_FIELDS[f].pg}`)].join(", ");
