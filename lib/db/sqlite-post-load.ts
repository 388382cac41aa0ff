import type Database from "better-sqlite3";
import { detectGapsSqlite, writeGapsSqlite } from "./sqlite-gaps";
import { scanJob, type JobScan } from "./sqlite-job-scan";
import { linkAcrossJobs } from "./sqlite-cross-job-links";
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
 *   scan's 2-second window. Against other jobs: indexed lookups per record, but only when another
 *   job's records overlap this job's time span (sqlite-cross-job-links.ts).
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
  const across = linkAcrossJobs(db, jobId, scan);
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
