import type pg from "pg";
import { loadConfig } from "../config";
import { recomputeGapsPg, sortCaseTargets, caseTargetKey, type CaseTarget } from "./pg-gaps";
import { lockCaseLinks, lockCaseTarget, recountContactsPg } from "./pg-post-load";
import { deleteJobDevicesPg } from "./pg-record-devices";

/**
 * Removes everything a job put into the analysis tables, in one transaction: its records, their
 * record_devices entries and its row errors, the near-duplicate links other jobs' records hold to
 * its records (re-pointed, see repointDependents), and the contacts and timeline gaps of every
 * target of its case it touched, recomputed without it. Afterwards the case looks as if the job
 * had never loaded. Used for a cancelled job (atomic cancel: whatever stage it was in) and before
 * a retried job loads again.
 * The job row itself is left to the caller. Runs its own transaction: call it on a client that is
 * not inside one. Waits for the case's linkers (lockCaseLinks) and for writers of the targets'
 * contacts and gaps (lockCaseTarget), always in that order, so it never deadlocks with them.
 */
export async function purgeJobPg(client: pg.PoolClient, jobId: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL work_mem = '64MB'`); // as in refreshCaseTargetsPg
    const { rows: own } = await client.query<{ case_id: number; target: string }>(`SELECT DISTINCT case_id, COALESCE(target, '') AS target FROM call_records WHERE job_id = $1`, [
      jobId,
    ]);
    if (own.length > 0) {
      const caseIds = [...new Set(own.map((r) => r.case_id))].sort((a, b) => a - b);
      // No linker of the case runs meanwhile (lockCaseLinks); two purges of one case take turns.
      for (const c of caseIds) await lockCaseLinks(client, c, "exclusive");
      const freed = await repointDependents(client, jobId, caseIds);
      const targets = sortCaseTargets([...own.map((r) => ({ caseId: r.case_id, target: r.target })), ...freed]);
      for (const t of targets) await lockCaseTarget(client, t.caseId, t.target);
      await deleteJobDevicesPg(client, jobId);
      await client.query(`DELETE FROM call_records WHERE job_id = $1`, [jobId]);
      for (const t of targets) {
        await recountContactsPg(client, t.caseId, t.target);
        await recomputeGapsPg(client, t.caseId, t.target);
      }
    }
    await client.query(`DELETE FROM ingestion_errors WHERE job_id = $1`, [jobId]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/**
 * Records of other jobs that point at one of the job's records (a later leg linked to it, or under
 * keep_longest an earlier primary that it displaced) must not point at a deleted record. Each
 * such group gets a new primary from its own members — the earliest, or under keep_longest the
 * longest (earliest among equals) — and the rest point at it. Returns the targets whose counted
 * records changed (the new primaries'). duplicate_of has no index (it would cost on every link),
 * so this reads the case's records once; it runs only when the job has records.
 */
async function repointDependents(client: pg.PoolClient, jobId: string, caseIds: number[]): Promise<CaseTarget[]> {
  const order = loadConfig().nearDuplicateStrategy === "keep_longest" ? "d.duration_seconds DESC, d.id" : "d.id";
  const { rows } = await client.query<{ case_id: number; target: string; freed: boolean }>(
    `WITH dependents AS (
       SELECT x.id, x.duplicate_of AS old, x.duration_seconds
         FROM call_records x
        WHERE x.case_id = ANY($2::int[]) AND x.job_id <> $1
          AND x.duplicate_of IN (SELECT id FROM call_records WHERE job_id = $1)
     ), heads AS (
       SELECT DISTINCT ON (d.old) d.old, d.id AS head FROM dependents d ORDER BY d.old, ${order}
     )
     UPDATE call_records c SET duplicate_of = NULLIF(h.head, c.id)
       FROM dependents d JOIN heads h ON h.old = d.old
      WHERE c.id = d.id
     RETURNING c.case_id, COALESCE(c.target, '') AS target, c.duplicate_of IS NULL AS freed`,
    [jobId, caseIds],
  );
  const out = new Map<string, CaseTarget>();
  for (const r of rows) {
    if (!r.freed) continue;
    const t = { caseId: r.case_id, target: r.target };
    out.set(caseTargetKey(t), t);
  }
  return [...out.values()];
}
