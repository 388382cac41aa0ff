import type Database from "better-sqlite3";

/**
 * Links records that repeat a call already stored — the same call reported by two carriers or as
 * two switch legs: same parties and type, start within ±2 s, duration within ±1 s. The earlier
 * record stays primary; the later one points at it through duplicate_of, and contacts and
 * timelines skip linked records so nothing is counted twice. Returns how many were linked.
 */
export function linkNearDuplicatesSqlite(db: Database.Database, jobId: string): number {
  db.prepare(
      `UPDATE call_records AS r SET duplicate_of = (
         SELECT o.id FROM call_records o
         WHERE o.caller = r.caller AND o.callee = r.callee AND o.id <> r.id
           AND o.start_time BETWEEN strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '-2 seconds')
                                AND strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '+2 seconds')
           AND o.record_type = r.record_type
           AND abs(o.duration_seconds - r.duration_seconds) <= 1
           AND o.duplicate_of IS NULL
           AND o.id < r.id
         ORDER BY o.id LIMIT 1)
       WHERE r.job_id = ? AND r.caller IS NOT NULL AND r.callee IS NOT NULL`,
  ).run(jobId);
  const row = db.prepare(`SELECT COUNT(*) AS n FROM call_records WHERE job_id = ? AND duplicate_of IS NOT NULL`).get(jobId) as { n: number };
  return row.n;
}

/**
 * Recomputes the contacts of the given targets from every stored record (not incrementally), so
 * re-uploads, retries and deletions can never double or orphan a count.
 */
export function refreshContactsSqlite(db: Database.Database, targets: string[]): void {
  const del = db.prepare(`DELETE FROM contacts WHERE target = ?`);
  const ins = db.prepare(
    `INSERT INTO contacts (target, number, first_seen, last_seen, calls, messages)
     SELECT @t, num, MIN(start_time), MAX(start_time),
            SUM(CASE WHEN record_type = 'voice' THEN 1 ELSE 0 END),
            SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END)
     FROM (
       SELECT caller AS num, start_time, record_type FROM call_records
        WHERE COALESCE(target, '') = @t AND duplicate_of IS NULL AND caller IS NOT NULL AND caller <> @t
       UNION ALL
       SELECT callee AS num, start_time, record_type FROM call_records
        WHERE COALESCE(target, '') = @t AND duplicate_of IS NULL AND callee IS NOT NULL AND callee <> @t
     ) GROUP BY num`,
  );
  db.transaction(() => {
    for (const t of targets) {
      del.run(t);
      ins.run({ t });
    }
  })();
}
