import type Database from "better-sqlite3";
import { findNearDuplicates, type NearDuplicateCandidate } from "../ingest/near-duplicates";

/**
 * Links records that repeat a call already stored — the same call reported by two carriers or as
 * two switch legs: same parties and type, start within ±2 s, duration within ±1 s. The earlier
 * record stays primary; the later one points at it through duplicate_of, and contacts and
 * timelines skip linked records so nothing is counted twice. Returns how many were linked.
 *
 * Within the job: one ordered pass with a 2-second sliding window (linear). Against other jobs:
 * an indexed lookup per record, but only when another job's records overlap this job's time span.
 */
export function linkNearDuplicatesSqlite(db: Database.Database, jobId: string): number {
  const rows = db
    .prepare(`SELECT id, caller, callee, record_type AS type, start_time AS start, duration_seconds AS duration
              FROM call_records WHERE job_id = ? AND caller IS NOT NULL AND callee IS NOT NULL ORDER BY start_time, id`)
    .iterate(jobId) as Iterable<NearDuplicateCandidate>;
  const links = findNearDuplicates(rows);
  const link = db.prepare(`UPDATE call_records SET duplicate_of = ? WHERE id = ?`);
  db.transaction(() => {
    for (const [id, primary] of links) link.run(primary, id);
  })();
  return links.size + linkAcrossJobs(db, jobId);
}

function linkAcrossJobs(db: Database.Database, jobId: string): number {
  const span = db.prepare(`SELECT MIN(start_time) AS lo, MAX(start_time) AS hi FROM call_records WHERE job_id = ?`).get(jobId) as { lo: string | null; hi: string | null };
  if (!span.lo || !span.hi) return 0;
  const overlap = db
    .prepare(`SELECT 1 FROM call_records INDEXED BY call_records_target_start_time_idx WHERE job_id <> ? AND start_time BETWEEN ? AND ? LIMIT 1`)
    .get(jobId, shift(span.lo, -2), shift(span.hi, 2));
  if (!overlap) return 0;
  // INDEXED BY: only a few records of one target start within ±2 s of each other; any other
  // plan walks every record of the same party, which is quadratic on a million-row file.
  return db
    .prepare(
      `WITH m AS (
         SELECT r.id AS rid, (
           SELECT MIN(o.id) FROM call_records o INDEXED BY call_records_target_start_time_idx
           WHERE o.target IS r.target AND o.caller = r.caller AND o.callee = r.callee AND o.job_id <> r.job_id AND o.id < r.id
             AND o.start_time BETWEEN strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '-2 seconds')
                                  AND strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '+2 seconds')
             AND o.record_type = r.record_type AND abs(o.duration_seconds - r.duration_seconds) <= 1
             AND o.duplicate_of IS NULL) AS oid
         FROM call_records r WHERE r.job_id = ? AND r.duplicate_of IS NULL AND r.caller IS NOT NULL AND r.callee IS NOT NULL)
       UPDATE call_records SET duplicate_of = m.oid FROM m WHERE call_records.id = m.rid AND m.oid IS NOT NULL`,
    )
    .run(jobId).changes;
}

const shift = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Recomputes the contacts of the given targets from every stored record (not incrementally), so
 * re-uploads, retries and deletions can never double or orphan a count.
 */
export function refreshContactsSqlite(db: Database.Database, targets: string[]): void {
  const del = db.prepare(`DELETE FROM contacts WHERE target = ?`);
  const ins = db.prepare(
    `INSERT INTO contacts (target, number, first_seen, last_seen, calls, messages)
     SELECT COALESCE(@t, ''), num, MIN(start_time), MAX(start_time),
            SUM(CASE WHEN record_type = 'voice' THEN 1 ELSE 0 END),
            SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END)
     FROM (
       SELECT CASE WHEN caller = @t THEN callee ELSE caller END AS num, start_time, record_type
       FROM call_records WHERE target IS @t AND duplicate_of IS NULL
     ) WHERE num IS NOT NULL AND num IS NOT @t GROUP BY num`,
  );
  db.transaction(() => {
    for (const t of targets) {
      del.run(t);
      // Records without a target are grouped under "" in contacts; `target IS NULL` keeps the index usable.
      ins.run({ t: t === "" ? null : t });
    }
  })();
}
