import type pg from "pg";
import { isoInstantMs } from "../ingest/iso-instant";
import { TimelineGapAccumulator, type TimelineGap } from "../ingest/timeline-gaps";
import { caseTargetWhere, lockCaseTarget, recountContactsPg } from "./pg-post-load";

/** Start times fetched per round trip from the server-side cursor. */
const FETCH_ROWS = 50_000;

/**
 * Recomputes the candidate silences (an hour or more, with their ratio) in one target's timeline in a
 * case, across every file of the target in the case (monthly deliveries of one target show the
 * silence between them), into timeline_gaps; the target's threshold picks the reported ones when read.
 * The target's ordered start times stream through a server-side cursor into a one-pass
 * accumulator (the same result as findTimelineGaps), so memory does not grow with the case.
 * Runs inside the caller's transaction (a cursor needs one), which holds lockCaseTarget.
 */
export async function recomputeGapsPg(client: pg.PoolClient, caseId: number, target: string): Promise<TimelineGap[]> {
  const acc = new TimelineGapAccumulator();
  await client.query(
    `DECLARE sy_gap_times NO SCROLL CURSOR FOR
       SELECT r.start_time FROM call_records r WHERE ${caseTargetWhere(target)} AND r.duplicate_of IS NULL ORDER BY r.start_time`,
    [caseId, target],
  );
  // On an error the transaction is aborted, and the caller's ROLLBACK closes the cursor.
  for (;;) {
    const { rows } = await client.query<[string]>({ text: `FETCH ${FETCH_ROWS} FROM sy_gap_times`, rowMode: "array" });
    for (const [s] of rows) acc.add(s, isoInstantMs(s));
    if (rows.length < FETCH_ROWS) break;
  }
  await client.query(`CLOSE sy_gap_times`);
  const gaps = acc.gaps();
  await writeGapsPg(client, caseId, target, gaps);
  return gaps;
}

/** Replaces the case's gaps of one target (inside the caller's transaction, which holds lockCaseTarget). */
export async function writeGapsPg(client: pg.PoolClient, caseId: number, target: string, gaps: TimelineGap[]): Promise<void> {
  await client.query(`DELETE FROM timeline_gaps WHERE case_id = $1 AND target = $2`, [caseId, target]);
  if (gaps.length > 0) {
    await client.query(
      `INSERT INTO timeline_gaps (case_id, target, from_time, to_time, seconds, ratio)
       SELECT $1, $2, g.f, g.t, g.s, g.r FROM unnest($3::text[], $4::text[], $5::int[], $6::float8[]) AS g(f, t, s, r)`,
      [caseId, target, gaps.map((g) => g.from), gaps.map((g) => g.to), gaps.map((g) => g.seconds), gaps.map((g) => g.ratio)],
    );
  }
}

/** A target of a case ("" = records without a target) whose contacts and gaps must be recomputed. */
export interface CaseTarget {
  caseId: number;
  target: string;
}

/**
 * Recomputes contacts and timeline gaps of each (case, target), each target in its own
 * transaction under its case-target lock (in a fixed order, so two workers never wait on each
 * other in a cycle). Returns the gaps found per "caseId:target".
 */
export async function refreshCaseTargetsPg(client: pg.PoolClient, targets: Iterable<CaseTarget>): Promise<Map<string, TimelineGap[]>> {
  const out = new Map<string, TimelineGap[]>();
  for (const t of sortCaseTargets(targets)) {
    await client.query("BEGIN");
    try {
      // The recount groups a target's records by number: in memory (hash) rather than a sort spilled to disk.
      await client.query(`SET LOCAL work_mem = '64MB'`);
      await lockCaseTarget(client, t.caseId, t.target);
      await recountContactsPg(client, t.caseId, t.target);
      out.set(caseTargetKey(t), await recomputeGapsPg(client, t.caseId, t.target));
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  }
  return out;
}

export const caseTargetKey = (t: CaseTarget) => `${t.caseId}:${t.target}`;

/** Distinct (case, target) pairs in lock order. */
export function sortCaseTargets(targets: Iterable<CaseTarget>): CaseTarget[] {
  const byKey = new Map<string, CaseTarget>();
  for (const t of targets) byKey.set(caseTargetKey(t), t);
  return [...byKey.values()].sort((a, b) => a.caseId - b.caseId || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}
