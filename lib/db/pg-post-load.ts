import type pg from "pg";

/** ISO start time shifted by N seconds, in the records' own text format (they compare as text). */
const shifted = (col: string, sign: "-" | "+") =>
  `to_char((${col}::timestamptz ${sign} interval '2 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * PostgreSQL twin of linkNearDuplicatesSqlite: the same call reported twice (two carriers, two
 * switch legs) — same parties and type, start within ±2 s, duration within ±1 s — points at the
 * earlier record through duplicate_of. Only rows that find a match are written. Returns how many
 * of the job's records are linked.
 */
export async function linkNearDuplicatesPg(client: pg.PoolClient, jobId: string): Promise<number> {
  await client.query(
    `UPDATE call_records AS r SET duplicate_of = m.oid
       FROM (SELECT r2.id, (
               SELECT o.id FROM call_records o
                WHERE o.target IN (r2.target, r2.caller, r2.callee)
                  AND o.caller = r2.caller AND o.callee = r2.callee AND o.id <> r2.id
                  AND o.start_time BETWEEN ${shifted("r2.start_time", "-")} AND ${shifted("r2.start_time", "+")}
                  AND o.record_type = r2.record_type
                  AND abs(o.duration_seconds - r2.duration_seconds) <= 1
                  AND o.duplicate_of IS NULL
                  AND o.id < r2.id
                ORDER BY o.id LIMIT 1) AS oid -- (target, start_time) index: see sqlite-post-load.ts
               FROM call_records r2
              WHERE r2.job_id = $1 AND r2.caller IS NOT NULL AND r2.callee IS NOT NULL) AS m
      WHERE r.id = m.id AND m.oid IS NOT NULL`,
    [jobId],
  );
  const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [jobId]);
  return rows[0]?.n ?? 0;
}

/**
 * Recomputes the contacts of the given targets from every stored record, like
 * refreshContactsSqlite. A per-target advisory lock serializes two workers refreshing the same
 * target (otherwise both delete, both insert, and one fails on the unique key).
 */
export async function refreshContactsPg(client: pg.PoolClient, targets: string[]): Promise<void> {
  for (const t of [...targets].sort()) {
    await client.query("BEGIN");
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('contacts:' || $1))`, [t]);
      await client.query(`DELETE FROM contacts WHERE target = $1`, [t]);
      await client.query(
        `INSERT INTO contacts (target, number, first_seen, last_seen, calls, messages)
         SELECT $1, num, MIN(start_time), MAX(start_time),
                SUM(CASE WHEN record_type = 'voice' THEN 1 ELSE 0 END)::int,
                SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END)::int
         FROM (
           SELECT caller AS num, start_time, record_type FROM call_records
            WHERE COALESCE(target, '') = $1 AND duplicate_of IS NULL AND caller IS NOT NULL AND caller <> $1
           UNION ALL
           SELECT callee AS num, start_time, record_type FROM call_records
            WHERE COALESCE(target, '') = $1 AND duplicate_of IS NULL AND callee IS NOT NULL AND callee <> $1
         ) AS n GROUP BY num`,
        [t],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  }
}
