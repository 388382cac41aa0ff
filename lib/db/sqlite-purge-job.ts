import type Database from "better-sqlite3";
import { refreshContactsSqlite } from "./sqlite-contacts";
import { CASE_TARGET_INDEX, shiftSeconds } from "./sqlite-cross-job-links";
import { detectGapsSqlite } from "./sqlite-gaps";
import { deleteJobDevices } from "./sqlite-record-devices";

export interface PurgeFacts {
  records: number;
  errors: number;
  /** The case's targets whose contacts and gaps were recomputed. */
  targets: string[];
}

/**
 * Links are made between records at most 2 s apart, but keep_longest re-points a group's links at
 * its longest report, which may be a little further from the others: dependents are sought this
 * far around each deleted record.
 */
const LINK_REACH_SECONDS = 10;
/** Index seeks per record of the job when dependents are sought around each (three numbers and none). */
const SEEKS_PER_RECORD = 4;

/**
 * Removes everything a job put into its case, in one IMMEDIATE transaction, so nobody ever sees
 * half of it: its records and row errors, and its share of the case's contacts and timeline gaps
 * (recomputed for the job's targets from the records that remain). Records of other jobs linked to
 * one of the job's records as near-duplicates are re-pointed: per deleted primary, the earliest
 * remaining report becomes the primary and the others point at it, so that call counts again,
 * once. A cancelled job's counts go back to zero with its records. Idempotent, and cheap when
 * there is nothing left: cancel, delete, retry (the sink's begin()) and retention all come here.
 */
export function purgeJobSqlite(db: Database.Database, jobId: string): PurgeFacts {
  return db
    .transaction((): PurgeFacts => {
      const hasRecords = db.prepare(`SELECT 1 FROM call_records WHERE job_id = ? LIMIT 1`).pluck().get(jobId) !== undefined;
      const errors = db.prepare(`DELETE FROM ingestion_errors WHERE job_id = ?`).run(jobId).changes;
      db.prepare(`UPDATE ingestion_jobs SET rows_read = 0, inserted = 0, duplicates = 0, rejected = 0 WHERE id = ? AND status = 'cancelled'`).run(jobId);
      if (!hasRecords) return { records: 0, errors, targets: [] };
      // The job's case (its records carry it, even when the job row is gone already).
      const caseId = db.prepare(`SELECT case_id FROM call_records WHERE job_id = ? LIMIT 1`).pluck().get(jobId) as number;
      const targets = new Set(db.prepare(`SELECT DISTINCT COALESCE(target, '') FROM call_records WHERE job_id = ?`).pluck().all(jobId) as string[]);
      for (const t of repointLinksIntoJob(db, jobId, caseId)) targets.add(t);
      deleteJobDevices(db, jobId);
      const records = db.prepare(`DELETE FROM call_records WHERE job_id = ?`).run(jobId).changes;
      refreshContactsSqlite(db, caseId, targets);
      detectGapsSqlite(db, caseId, targets);
      return { records, errors, targets: [...targets] };
    })
    .immediate();
}

/**
 * Other jobs' records linked to one of the job's records: each deleted primary's dependents get
 * the earliest of them as their new primary. Returns the targets of the records changed.
 *
 * There is no index on duplicate_of (one more index on every bulk insert), but a dependent is a
 * near-duplicate of its primary: in the same case, a few seconds from it, so within the job's time
 * span. Two ways to find them, whichever reads less:
 * - the other jobs' records in that span (their (job_id, start_time) index), keeping the linked
 *   ones whose primary is this job's — when the other jobs hold few records there;
 * - otherwise a seek around each of the job's primaries on the (case_id, target, start_time) index,
 *   under each of its numbers as target (another leg, the other party's carrier file) and under
 *   none, as the linker found them.
 * Nothing at all when no other job of the case has records in the span.
 */
function repointLinksIntoJob(db: Database.Database, jobId: string, caseId: number): string[] {
  const span = db.prepare(`SELECT MIN(start_time) AS lo, MAX(start_time) AS hi, COUNT(*) AS n FROM call_records WHERE job_id = ?`).get(jobId) as {
    lo: string | null;
    hi: string | null;
    n: number;
  };
  if (span.lo === null || span.hi === null) return [];
  const lo = shiftSeconds(span.lo, -LINK_REACH_SECONDS);
  const hi = shiftSeconds(span.hi, LINK_REACH_SECONDS);
  const others = db.prepare(`SELECT id FROM ingestion_jobs WHERE case_id = ? AND id <> ?`).pluck().all(caseId, jobId) as string[];
  // Index-only counts of the other jobs' records in the span, given up past the seeks' cost.
  const inSpan = db.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM call_records WHERE job_id = ? AND start_time BETWEEN ? AND ? LIMIT ?)`).pluck();
  const budget = SEEKS_PER_RECORD * span.n;
  const overlapping: string[] = [];
  let inOthers = 0;
  for (const other of others) {
    const n = inSpan.get(other, lo, hi, budget - inOthers + 1) as number;
    if (n > 0) overlapping.push(other);
    inOthers += n;
    if (inOthers > budget) break;
  }
  if (overlapping.length === 0) return [];

  const params = { job: jobId, case: caseId, lo, hi };
  let rows: [number, number][];
  if (inOthers <= budget) {
    const linked = db
      .prepare(
        `SELECT d.id, d.duplicate_of FROM call_records d JOIN call_records p ON p.id = d.duplicate_of
        WHERE d.job_id = @other AND d.start_time BETWEEN @lo AND @hi AND d.duplicate_of IS NOT NULL AND p.job_id = @job`,
      )
      .raw();
    rows = overlapping.flatMap((other) => linked.all({ ...params, other }) as [number, number][]);
  } else {
    const around = `d.start_time BETWEEN strftime('%Y-%m-%dT%H:%M:%SZ', p.start_time, '-${LINK_REACH_SECONDS} seconds')
                                   AND strftime('%Y-%m-%dT%H:%M:%SZ', p.start_time, '+${LINK_REACH_SECONDS} seconds')`;
    const dependents = (targetMatch: string) =>
      `SELECT d.id, d.duplicate_of FROM call_records p CROSS JOIN call_records d INDEXED BY ${CASE_TARGET_INDEX}
        WHERE p.job_id = @job AND p.duplicate_of IS NULL AND p.caller IS NOT NULL AND p.callee IS NOT NULL
          AND d.case_id = @case AND ${targetMatch} AND ${around}
          AND d.duplicate_of = p.id AND d.job_id <> @job`;
    const { job, case: c } = params;
    rows = [
      ...(db.prepare(dependents("d.target IN (p.target, p.caller, p.callee)")).raw().all({ job, case: c }) as [number, number][]),
      ...(db.prepare(dependents("d.target IS NULL")).raw().all({ job, case: c }) as [number, number][]),
    ];
  }
  if (rows.length === 0) return [];
  const byPrimary = new Map<number, number[]>();
  for (const [id, primary] of rows) {
    const list = byPrimary.get(primary) ?? [];
    if (!list.includes(id)) list.push(id);
    byPrimary.set(primary, list);
  }
  const point = db.prepare(`UPDATE call_records SET duplicate_of = ? WHERE id = ?`);
  const targetOf = db.prepare(`SELECT COALESCE(target, '') FROM call_records WHERE id = ?`).pluck();
  const targets = new Set<string>();
  for (const ids of byPrimary.values()) {
    ids.sort((a, b) => a - b);
    const [first, ...rest] = ids as [number, ...number[]];
    point.run(null, first);
    for (const id of rest) point.run(first, id);
    for (const id of ids) targets.add(targetOf.get(id) as string);
  }
  return [...targets];
}
