import type Database from "better-sqlite3";
import { isoInstantMs } from "../ingest/iso-instant";
import { TimelineGapAccumulator, type TimelineGap } from "../ingest/timeline-gaps";

/**
 * Timeline gaps belong to a target of a case: silences found across every file of the target in
 * the case (two monthly deliveries of one target show the month between them), not per job.
 */

/**
 * A target's candidate gaps (an hour or more, with their ratio; the target's threshold picks the reported ones when read) from all the case's records of it that count (not linked as near-duplicates):
 * one ordered pass over the (case_id, target, start_time) index, memory bounded by the gaps.
 */
export function caseTargetGaps(db: Database.Database, caseId: number, target: string): TimelineGap[] {
  const times = db
    .prepare(
      `SELECT start_time FROM call_records INDEXED BY call_records_case_id_target_start_time_idx
        WHERE case_id = ? AND target IS ? AND duplicate_of IS NULL ORDER BY start_time`,
    )
    .pluck();
  const acc = new TimelineGapAccumulator();
  for (const t of times.iterate(caseId, target === "" ? null : target) as Iterable<string>) acc.add(t, isoInstantMs(t));
  return acc.gaps();
}

/**
 * Recomputes the case's gaps of the given targets from the stored records (each target in one
 * IMMEDIATE transaction, so a concurrent load of the same target cannot interleave its own write);
 * returns how many gaps the targets now have.
 */
export function detectGapsSqlite(db: Database.Database, caseId: number, targets: Iterable<string>): number {
  let total = 0;
  for (const target of targets) {
    total += db.transaction(() => writeGapsSqlite(db, caseId, target, caseTargetGaps(db, caseId, target))).immediate();
  }
  return total;
}

/** Replaces the case's gaps of one target (inside the caller's transaction, or its own); returns how many. */
export function writeGapsSqlite(db: Database.Database, caseId: number, target: string, gaps: TimelineGap[]): number {
  const del = db.prepare(`DELETE FROM timeline_gaps WHERE case_id = ? AND target = ?`);
  const insert = db.prepare(`INSERT INTO timeline_gaps (case_id, target, from_time, to_time, seconds, ratio) VALUES (?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    del.run(caseId, target);
    for (const g of gaps) insert.run(caseId, target, g.from, g.to, g.seconds, g.ratio);
  }).immediate();
  return gaps.length;
}
