import type Database from "better-sqlite3";
import { findTimelineGaps, type TimelineGap } from "../ingest/timeline-gaps";

/**
 * Reports silences in each target's timeline for one job into timeline_gaps. Streams the job's
 * start times in order (index on job_id, start_time) so memory does not grow with the file.
 */
export function detectGapsSqlite(db: Database.Database, jobId: string): number {
  const targets = (db.prepare(`SELECT DISTINCT COALESCE(target, '') AS t FROM call_records WHERE job_id = ?`).all(jobId) as { t: string }[]).map((r) => r.t);
  const times = db.prepare(
    `SELECT start_time FROM call_records WHERE job_id = ? AND target IS ? AND duplicate_of IS NULL ORDER BY start_time`,
  ).pluck();
  const insert = db.prepare(`INSERT INTO timeline_gaps (job_id, target, from_time, to_time, seconds, ratio) VALUES (?, ?, ?, ?, ?, ?)`);
  let total = 0;
  db.prepare(`DELETE FROM timeline_gaps WHERE job_id = ?`).run(jobId);
  for (const target of targets) {
    const gaps = findTimelineGaps(() => times.iterate(jobId, target === "" ? null : target) as Iterable<string>);
    for (const g of gaps) insert.run(jobId, target, g.from, g.to, g.seconds, g.ratio);
    total += gaps.length;
  }
  return total;
}

/** Replaces the job's gaps with ones already computed (by the post-load scan); returns how many. */
export function writeGapsSqlite(db: Database.Database, jobId: string, byTarget: [string, TimelineGap[]][]): number {
  const insert = db.prepare(`INSERT INTO timeline_gaps (job_id, target, from_time, to_time, seconds, ratio) VALUES (?, ?, ?, ?, ?, ?)`);
  let total = 0;
  db.transaction(() => {
    db.prepare(`DELETE FROM timeline_gaps WHERE job_id = ?`).run(jobId);
    for (const [target, gaps] of byTarget) {
      for (const g of gaps) insert.run(jobId, target, g.from, g.to, g.seconds, g.ratio);
      total += gaps.length;
    }
  }).immediate();
  return total;
}
