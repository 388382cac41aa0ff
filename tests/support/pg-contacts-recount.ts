import type pg from "pg";
import { findTimelineGaps } from "../../lib/ingest/timeline-gaps";

/** The case's contacts and gaps as stored. */
export async function storedContactsAndGaps(sql: pg.Pool, caseId: number) {
  const contacts = (await sql.query(`SELECT target, number, kind, first_seen, last_seen, calls, messages FROM contacts WHERE case_id = $1 ORDER BY target, number`, [caseId])).rows;
  const gaps = (await sql.query(`SELECT target, from_time, to_time, seconds, ratio FROM timeline_gaps WHERE case_id = $1 ORDER BY target, from_time`, [caseId])).rows;
  return { contacts, gaps };
}

/** The same, recounted here from call_records alone (both parties, each unless it is the target; linked records skipped). */
export async function recountedContactsAndGaps(sql: pg.Pool, caseId: number) {
  const contacts = (
    await sql.query(
      `SELECT t AS target, num AS number, MIN(kind) AS kind, MIN(start_time) AS first_seen, MAX(start_time) AS last_seen,
              (COUNT(*) FILTER (WHERE record_type = 'voice'))::int AS calls, (COUNT(*) FILTER (WHERE record_type IN ('sms', 'mms')))::int AS messages
         FROM (SELECT COALESCE(target, '') AS t, COALESCE(caller, caller_raw) AS num, caller_kind AS kind, start_time, record_type FROM call_records WHERE case_id = $1 AND duplicate_of IS NULL
               UNION ALL
               SELECT COALESCE(target, ''), COALESCE(callee, callee_raw), callee_kind, start_time, record_type FROM call_records WHERE case_id = $1 AND duplicate_of IS NULL) n
        WHERE num IS NOT NULL AND num <> t
        GROUP BY t, num ORDER BY t, num`,
      [caseId],
    )
  ).rows;
  const targets = (await sql.query<{ t: string }>(`SELECT DISTINCT COALESCE(target, '') AS t FROM call_records WHERE case_id = $1 ORDER BY 1`, [caseId])).rows;
  const gaps: Record<string, unknown>[] = [];
  for (const { t } of targets) {
    const times = (
      await sql.query<{ s: string }>(`SELECT start_time AS s FROM call_records WHERE case_id = $1 AND COALESCE(target, '') = $2 AND duplicate_of IS NULL ORDER BY start_time`, [
        caseId,
        t,
      ])
    ).rows.map((r) => r.s);
    for (const g of findTimelineGaps(() => times)) gaps.push({ target: t, from_time: g.from, to_time: g.to, seconds: g.seconds, ratio: g.ratio });
  }
  return { contacts, gaps };
}
