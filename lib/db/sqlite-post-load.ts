import type Database from "better-sqlite3";
import { detectGapsSqlite, writeGapsSqlite } from "./sqlite-gaps";
import { scanJob, type JobScan } from "./sqlite-job-scan";
import { nearDuplicateStrategySql, type NearDuplicateStrategy } from "./near-duplicate-strategy";
import { forgetContactCoverage, mergeContactsFromScan, refreshContactsSqlite, writeContactsFromScan } from "./sqlite-contacts";

export interface PostLoadFacts {
  linkedNearDuplicates: number;
  gaps: number;
  /** Milliseconds per step, for the debug log. */
  timings: { scanMs: number; linksMs: number; contactsMs: number; gapsMs: number; contactsMerged: number };
}

/**
 * Everything after the last batch, from one ordered scan of the job's records (scanJob):
 *
 * - Near-duplicates: records that repeat a call already stored — the same call reported by two
 *   carriers or as two switch legs: same parties and type, start within ±2 s, duration within ±1 s.
 *   The earlier record stays primary; the later one points at it through duplicate_of, and
 *   contacts and timelines skip linked records so nothing is counted twice. Within the job: the
 *   scan's 2-second window. Against other jobs: an indexed lookup per record, but only when another
 *   job's records overlap this job's time span.
 * - Contacts, per target, exactly as a recount of every stored record would give them: the scan's
 *   tallies when this job holds every record of the target; the stored contacts plus the scan's
 *   tallies when contact_coverage proves they count everything but this job (sqlite-contacts.ts);
 *   otherwise the SQL recount.
 * - Timeline gaps from the scan's accumulators, unless links to other jobs changed which records
 *   count (then the per-target SQL pass runs as before).
 */
export function postLoadSqlite(db: Database.Database, jobId: string, strategy: NearDuplicateStrategy = "keep_first", scanned?: JobScan): PostLoadFacts {
  const t0 = performance.now();
  // A scan the loader built while inserting (sqlite-record-sink.ts) is the same as reading the table back.
  const scan = scanned ?? scanJob(db, jobId);
  const t1 = performance.now();
  const link = db.prepare(`UPDATE call_records SET duplicate_of = ? WHERE id = ?`);
  db.transaction(() => {
    for (const [id, primary] of scan.links) link.run(primary, id);
  }).immediate();
  const across = scan.first && scan.last ? linkAcrossJobs(db, jobId, scan.first, scan.last) : 0;
  // A strategy that changed a primary changes which records count: contacts and gaps are then
  // recomputed in SQL below rather than taken from the scan.
  const changed = scan.links.size + across > 0 ? applyStrategy(db, jobId, strategy) : 0;
  const recount = across > 0 || changed > 0;
  // A strategy may also have switched primaries of other targets' records: their coverage no longer holds.
  if (changed > 0) forgetContactCoverage(db);
  const t2 = performance.now();
  let contactsMerged = 0;
  for (const [target, t] of scan.targets) {
    if (recount) refreshContactsSqlite(db, [target]);
    else if (mergeContactsFromScan(db, jobId, target, t)) contactsMerged++;
    else if (!writeContactsFromScan(db, target, t)) refreshContactsSqlite(db, [target]);
  }
  const t3 = performance.now();
  const gaps = recount ? detectGapsSqlite(db, jobId) : writeGapsSqlite(db, jobId, [...scan.targets].map(([target, t]) => [target, t.gaps.gaps()]));
  const ms = (a: number, b: number) => Math.round(b - a);
  return {
    linkedNearDuplicates: scan.links.size + across,
    gaps,
    timings: { scanMs: ms(t0, t1), linksMs: ms(t1, t2), contactsMs: ms(t2, t3), gapsMs: ms(t3, performance.now()), contactsMerged },
  };
}

/** Runs the near-duplicate strategy's statements in order (later ones use the temp table the first creates). */
function applyStrategy(db: Database.Database, jobId: string, strategy: NearDuplicateStrategy): number {
  return db
    .transaction(() => {
      let changed = 0;
      for (const sql of nearDuplicateStrategySql(strategy, "?")) {
        const st = db.prepare(sql);
        changed += (sql.includes("?") ? st.run(jobId) : st.run()).changes;
      }
      return changed;
    })
    .immediate();
}

function linkAcrossJobs(db: Database.Database, jobId: string, first: string, last: string): number {
  // One index seek per other job (job_id, start_time): a scan of the (target, start_time) index
  // without a target would read every record in the database to find none.
  const others = db.prepare(`SELECT id FROM ingestion_jobs WHERE id <> ?`).pluck().all(jobId) as string[];
  const inSpan = db.prepare(`SELECT 1 FROM call_records WHERE job_id = ? AND start_time BETWEEN ? AND ? LIMIT 1`).pluck();
  const lo = shift(first, -2);
  const hi = shift(last, 2);
  if (!others.some((other) => inSpan.get(other, lo, hi) !== undefined)) return 0;
  // The other report of a call is stored under one of its parties as target (the other party's
  // carrier file) or under the same target (another leg): three short range seeks on the
  // (target, start_time) index per record instead of an index on the parties, which costs every
  // bulk insert. INDEXED BY keeps the planner from walking a party's whole history.
  return db
    .prepare(
      `WITH m AS (
         SELECT r.id AS rid, (
           SELECT MIN(o.id) FROM call_records o INDEXED BY call_records_target_start_time_idx
           WHERE o.target IN (r.target, r.caller, r.callee)
             AND o.start_time BETWEEN strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '-2 seconds')
                                  AND strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '+2 seconds')
             AND o.caller = r.caller AND o.callee = r.callee AND o.job_id <> r.job_id AND o.id < r.id
             AND o.record_type = r.record_type AND abs(o.duration_seconds - r.duration_seconds) <= 1
             AND o.duplicate_of IS NULL) AS oid
         FROM call_records r WHERE r.job_id = ? AND r.duplicate_of IS NULL AND r.caller IS NOT NULL AND r.callee IS NOT NULL)
       UPDATE call_records SET duplicate_of = m.oid FROM m WHERE call_records.id = m.rid AND m.oid IS NOT NULL`,
    )
    .run(jobId).changes;
}

const shift = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
