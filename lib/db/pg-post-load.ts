import type pg from "pg";
import { IngestError } from "../ingest/types";

/** ISO start time shifted by N seconds, in the records' own text format (they compare as text). */
const shifted = (col: string, sign: "-" | "+") => `to_char((${col}::timestamptz ${sign} interval '2 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * PostgreSQL twin of the SQLite post-load links: the same call reported twice (two carriers, two
 * switch legs) — same parties and type, start within ±2 s, duration within ±1 s — points at the
 * earlier record through duplicate_of. Only records of the job's own case are candidates.
 *
 * The candidate's target is the record's target, caller or callee (the same call in the other
 * party's carrier file has that party as its target): one probe per distinct value (a target's
 * record usually has the target as one party: two probes), each an equality on case_id and target
 * and a ±2 s range on start_time, so every probe seeks the (case_id, target, start_time) index
 * whatever the planner's statistics say. Written as `o.target IN (…)`, a freshly loaded table
 * without statistics got plans that walked the case's whole index range per record (3 s instead of
 * 0.08 s for 3,000 records; with a big case, quadratic). LEAST ignores probes that find nothing.
 * The filter on oid runs the probes once per record; they run again only for the records linked.
 * Only rows that find a match are written. Returns how many of the job's records are linked.
 */
export async function linkNearDuplicatesPg(client: pg.PoolClient, jobId: string): Promise<number> {
  const probe = (col: string) => `(SELECT o.id FROM call_records o
       WHERE o.case_id = r2.case_id AND o.target = r2.${col}
         AND o.start_time BETWEEN ${shifted("r2.start_time", "-")} AND ${shifted("r2.start_time", "+")}
         AND o.caller = r2.caller AND o.callee = r2.callee AND o.record_type = r2.record_type
         AND abs(o.duration_seconds - r2.duration_seconds) <= 1
         AND o.duplicate_of IS NULL AND o.id < r2.id
       ORDER BY o.id LIMIT 1)`;
  await client.query(
    `UPDATE call_records AS r SET duplicate_of = m.oid
       FROM (SELECT r2.id, LEAST(
               ${probe("target")},
               CASE WHEN r2.caller IS DISTINCT FROM r2.target THEN ${probe("caller")} END,
               CASE WHEN r2.callee IS DISTINCT FROM r2.target AND r2.callee IS DISTINCT FROM r2.caller THEN ${probe("callee")} END) AS oid
               FROM call_records r2
              WHERE r2.job_id = $1 AND r2.caller IS NOT NULL AND r2.callee IS NOT NULL) AS m
      WHERE r.id = m.id AND m.oid IS NOT NULL`,
    [jobId],
  );
  const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [jobId]);
  return rows[0]?.n ?? 0;
}

/** Writes near-duplicate links found in memory (duplicate id → primary id): one UPDATE from two arrays. */
export async function writeLinksPg(client: pg.PoolClient, links: Map<number, number>): Promise<void> {
  if (links.size === 0) return;
  await client.query(`UPDATE call_records AS r SET duplicate_of = u.p FROM unnest($1::int[], $2::int[]) AS u(d, p) WHERE r.id = u.d`, [[...links.keys()], [...links.values()]]);
}

/**
 * Whether another job of the case holds a record within [from − 2 s, to + 2 s]: only then can a
 * record of this job repeat another job's (the SQL linker). One (job_id, start_time) seek per
 * other job of the case.
 */
export async function othersInSpan(client: pg.PoolClient, jobId: string, caseId: number, from: string, to: string): Promise<boolean> {
  const { rows } = await client.query<{ any: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM ingestion_jobs j
        WHERE j.case_id = $2 AND j.id <> $1
          AND EXISTS (SELECT 1 FROM call_records o WHERE o.job_id = j.id AND o.start_time BETWEEN ${shifted("$3::text", "-")} AND ${shifted("$4::text", "+")})) AS any`,
    [jobId, caseId, from, to],
  );
  return rows[0]?.any ?? true;
}

/**
 * The records of one target of a case, as a WHERE clause on alias `r` (case id $1, target $2).
 * Records without a target are grouped under "" (as in contacts and timeline_gaps); the two arms
 * keep the (case_id, target, start_time) index usable where COALESCE(target, '') would not.
 */
export const caseTargetWhere = (target: string) => (target === "" ? `r.case_id = $1 AND (r.target IS NULL OR r.target = $2)` : `r.case_id = $1 AND r.target = $2`);

/**
 * Serializes every writer of one target's contacts and gaps in one case (two workers finishing
 * files of the same target, a purge): without it both would delete, both insert, and contacts
 * would fail on their unique key or gaps be written twice. A one-bigint key (its own key space,
 * apart from the job-running locks' two-int keys) from the case and the target. Every writer of
 * contacts holds it.
 */
export async function lockCaseTarget(client: pg.PoolClient, caseId: number, target: string): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('switchyard:case-target:' || $1::text || ':' || $2, 0))`, [caseId, target]);
  // What contacts' case foreign key did per row (migration 0014): the case cannot be deleted
  // (nor its contacts by the delete trigger) until this transaction ends; a case already gone
  // gets no contacts.
  const { rowCount } = await client.query(`SELECT 1 FROM cases WHERE id = $1 FOR KEY SHARE`, [caseId]);
  if (!rowCount) throw new IngestError("job_deleted", "This file's case was deleted while its contacts were being counted; nothing more was stored.");
}

/**
 * Near-duplicate links of a case change under this lock: linkers (and the strategy that follows
 * them) hold it shared, so they run side by side; a purge holds it exclusively, so no link can
 * be made to a record it is deleting (a linker's statement that began before the delete would
 * still see the record) and the links it re-points are all there. Transaction-scoped.
 */
export async function lockCaseLinks(client: pg.PoolClient, caseId: number, mode: "shared" | "exclusive"): Promise<void> {
  const fn = mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock";
  await client.query(`SELECT ${fn}(hashtextextended('switchyard:case-links:' || $1::text, 0))`, [caseId]);
}

/**
 * Recomputes one target's contacts in a case from every stored record of that target in the
 * case (not linked as a near-duplicate), so re-uploads, retries, cancels and deletions can never
 * double or orphan a count. One pass over the target's index range: each record gives its caller
 * and its callee. Runs inside the caller's transaction, which holds lockCaseTarget. The same
 * statement records what the contacts now count (contact_coverage, see pg-contacts.ts): one
 * snapshot for both, so a loader committing meanwhile can never be counted by one and not the other.
 */
export async function recountContactsPg(client: pg.PoolClient, caseId: number, target: string): Promise<void> {
  await client.query(`DELETE FROM contacts WHERE case_id = $1 AND target = $2`, [caseId, target]);
  await client.query(
    `WITH coverage AS (
       INSERT INTO contact_coverage (case_id, target, max_record_id, records)
       SELECT $1, $2, COALESCE(MAX(r.id), 0), COUNT(*) FROM call_records r WHERE ${caseTargetWhere(target)}
       ON CONFLICT (case_id, target) DO UPDATE SET max_record_id = excluded.max_record_id, records = excluded.records)
     INSERT INTO contacts (case_id, target, number, kind, first_seen, last_seen, calls, messages)
     SELECT $1, $2, v.num, MIN(v.kind), MIN(r.start_time), MAX(r.start_time),
            COUNT(*) FILTER (WHERE r.record_type = 'voice')::int,
            COUNT(*) FILTER (WHERE r.record_type IN ('sms', 'mms'))::int
       FROM call_records r
       CROSS JOIN LATERAL (VALUES (COALESCE(r.caller, r.caller_raw), r.caller_kind), (COALESCE(r.callee, r.callee_raw), r.callee_kind)) AS v(num, kind)
      WHERE ${caseTargetWhere(target)} AND r.duplicate_of IS NULL AND v.num IS NOT NULL AND v.num <> $2
      GROUP BY v.num`,
    [caseId, target],
  );
}
