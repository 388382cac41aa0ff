import type Database from "better-sqlite3";
import { caseTargetGaps, writeGapsSqlite } from "./sqlite-gaps";
import { scanJob, type JobScan, type TargetScan } from "./sqlite-job-scan";
import { linkAcrossJobs } from "./sqlite-cross-job-links";
import { nearDuplicateStrategySql, type NearDuplicateStrategy } from "./near-duplicate-strategy";
import { countTargetRecords, forgetContactCoverage, mergeContactsFromScan, refreshContactsSqlite, writeContactsFromScan } from "./sqlite-contacts";
import { meetsGapThreshold, type TimelineGap } from "../ingest/timeline-gaps";

export interface PostLoadFacts {
  linkedNearDuplicates: number;
  /** The case's gaps of the job's targets (by the default rule) that lie within the job's time span (the job's quality score counts them). */
  gaps: number;
  /** Milliseconds per step, for the debug log. */
  timings: { scanMs: number; linksMs: number; contactsMs: number; gapsMs: number; contactsMerged: number; gapsFromScan: number };
}

/**
 * Everything after the last batch, from one ordered scan of the job's records (scanJob), all of
 * it within the job's case:
 *
 * - Near-duplicates: records that repeat a call already stored in the case — the same call
 *   reported by two carriers or as two switch legs: same parties and type, start within ±2 s,
 *   duration within ±1 s. The earlier record stays primary; the later one points at it through
 *   duplicate_of, and contacts and timelines skip linked records so nothing is counted twice.
 *   Within the job: the scan's 2-second window. Against other jobs of the case: indexed lookups
 *   per record, but only when another job's records overlap this job's time span
 *   (sqlite-cross-job-links.ts).
 * - Contacts, per (case, target), exactly as a recount of every stored record of the case would
 *   give them: the scan's tallies when this job holds every record of the target in the case; the
 *   stored contacts plus the scan's tallies when contact_coverage proves they count everything but
 *   this job (sqlite-contacts.ts); otherwise the SQL recount.
 * - Timeline gaps, per (case, target), across every file of the target in the case: the scan's
 *   accumulators when this job holds every record of the target in the case (and no link to
 *   another job changed which records count); otherwise one ordered pass over the case's records
 *   of the target (the (case_id, target, start_time) index).
 */
export function postLoadSqlite(db: Database.Database, jobId: string, caseId: number, strategy: NearDuplicateStrategy = "keep_first", scanned?: JobScan): PostLoadFacts {
  const t0 = performance.now();
  // A scan the loader built while inserting (sqlite-record-sink.ts) is the same as reading the table back.
  const scan = scanned ?? scanJob(db, jobId);
  const t1 = performance.now();
  const link = db.prepare(`UPDATE call_records SET duplicate_of = ? WHERE id = ?`);
  db.transaction(() => {
    for (const [id, primary] of scan.links) link.run(primary, id);
  }).immediate();
  const across = linkAcrossJobs(db, jobId, caseId, scan);
  // A strategy that changed a primary changes which records count: contacts and gaps are then
  // recomputed in SQL below rather than taken from the scan.
  const { changed, otherTargets } = scan.links.size + across > 0 ? applyStrategy(db, jobId, strategy) : { changed: 0, otherTargets: [] };
  const recount = across > 0 || changed > 0;
  // A strategy may also have switched primaries of other targets' records: their coverage no longer holds.
  if (changed > 0) forgetContactCoverage(db, caseId);
  const t2 = performance.now();
  let contactsMerged = 0;
  let gapsFromScan = 0;
  let contactsMs = 0;
  const gaps: TimelineGap[] = [];
  // The job's targets, then those of other jobs' records a strategy turned into duplicates (or back).
  const targets = new Map<string, TargetScan | null>(scan.targets);
  for (const t of otherTargets) if (!targets.has(t)) targets.set(t, null);
  for (const [target, t] of targets) {
    // One transaction per target: the count that decides, the contacts and the gaps see one state.
    db.transaction(() => {
      const c0 = performance.now();
      let total: number | null = null;
      if (recount || t === null || !scan.contactsComplete) refreshContactsSqlite(db, caseId, [target]);
      else if (mergeContactsFromScan(db, jobId, caseId, target, t)) contactsMerged++;
      else if (!writeContactsFromScan(db, caseId, target, t, (total = countTargetRecords(db, caseId, target)))) refreshContactsSqlite(db, caseId, [target]);
      contactsMs += performance.now() - c0;
      // The scan's accumulators saw this job's records only: they are the target's timeline when
      // the job holds all the case's records of the target.
      let found: TimelineGap[];
      if (!recount && t !== null && (total ?? countTargetRecords(db, caseId, target)) === t.records) {
        found = t.gaps.gaps();
        gapsFromScan++;
      } else {
        found = caseTargetGaps(db, caseId, target);
      }
      writeGapsSqlite(db, caseId, target, found);
      // The quality score counts the silences the default rule reports: a job's score does not move with an analyst's threshold.
      if (t !== null && scan.first !== null && scan.last !== null) gaps.push(...found.filter((g) => meetsGapThreshold(g) && g.from >= scan.first! && g.to <= scan.last!));
    }).immediate();
  }
  const t3 = performance.now();
  const ms = (a: number, b: number) => Math.round(b - a);
  return {
    linkedNearDuplicates: scan.links.size + across,
    gaps: gaps.length,
    timings: { scanMs: ms(t0, t1), linksMs: ms(t1, t2), contactsMs: Math.round(contactsMs), gapsMs: ms(t2, t3) - Math.round(contactsMs), contactsMerged, gapsFromScan },
  };
}

/**
 * Runs the near-duplicate strategy's statements in order (later ones use the temp table the first
 * creates); returns how many rows they changed and the targets of other jobs' records whose
 * primaries it switched (keep_longest), whose contacts and gaps then change too.
 */
function applyStrategy(db: Database.Database, jobId: string, strategy: NearDuplicateStrategy): { changed: number; otherTargets: string[] } {
  return db
    .transaction(() => {
      let changed = 0;
      // A named parameter: a statement may use the job id more than once.
      for (const sql of nearDuplicateStrategySql(strategy, "@job")) {
        const st = db.prepare(sql);
        changed += (sql.includes("@job") ? st.run({ job: jobId }) : st.run()).changes;
      }
      const otherTargets =
        strategy === "keep_longest" && changed > 0
          ? (db.prepare(`SELECT DISTINCT COALESCE(target, '') FROM call_records WHERE id IN (SELECT pid FROM near_duplicate_swap) AND job_id <> ?`).pluck().all(jobId) as string[])
          : [];
      return { changed, otherTargets };
    })
    .immediate();
}
