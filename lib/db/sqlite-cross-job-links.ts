import type Database from "better-sqlite3";
import type { JobScan } from "./sqlite-job-scan";

/** More numbers than this in one job: probing each would cost more than it saves; seek all three per record. */
const MAX_PROBED_NUMBERS = 20_000;

/** The index every per-case seek by target goes through (named: INDEXED BY keeps the planner off a party's whole history). */
export const CASE_TARGET_INDEX = "call_records_case_id_target_start_time_idx";

/**
 * Links the job's records to near-duplicates stored by other jobs of the same case (same parties
 * and type, start within ±2 s, duration within ±1 s; the earlier record stays primary) and returns
 * how many it linked. Records of other cases are never linked: each case counts its own copy. The
 * other report of a call is stored under one of its parties as target (the other party's carrier
 * file) or under the same target (another leg): short range seeks on the (case_id, target,
 * start_time) index per record instead of an index on the parties, which would cost every bulk
 * insert. INDEXED BY keeps the planner from walking a party's whole history.
 *
 * Only numbers that other jobs of the case hold records under in this job's time span are sought:
 * a job of one target loaded after another file of the same target seeks once per record instead
 * of three times (its counterparties are nobody's target), 0.64–0.78 → 0.45 s for 200,000 records
 * against 1M.
 */
export function linkAcrossJobs(db: Database.Database, jobId: string, caseId: number, scan: JobScan): number {
  if (!scan.first || !scan.last) return 0;
  const lo = shiftSeconds(scan.first, -2);
  const hi = shiftSeconds(scan.last, 2);
  // One index seek per other job of the case (job_id, start_time): a scan of the target index
  // without a target would read every record of the case to find none.
  const others = db.prepare(`SELECT id FROM ingestion_jobs WHERE case_id = ? AND id <> ?`).pluck().all(caseId, jobId) as string[];
  const inSpan = db.prepare(`SELECT 1 FROM call_records WHERE job_id = ? AND start_time BETWEEN ? AND ? LIMIT 1`).pluck();
  if (!others.some((other) => inSpan.get(other, lo, hi) !== undefined)) return 0;

  const params = { job: jobId, case: caseId };
  const numbers = numbersOf(scan);
  if (numbers === null)
    return db.prepare(linkSql(`call_records o INDEXED BY ${CASE_TARGET_INDEX}`, "o.case_id = @case AND o.target IN (r.target, r.caller, r.callee)")).run(params).changes;
  const held = numbersHeldByOthers(db, caseId, scan, numbers, lo, hi);
  if (held.length === 0) return 0;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS link_targets (number TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM link_targets;`);
  const add = db.prepare(`INSERT INTO link_targets (number) VALUES (?)`);
  for (const n of held) add.run(n);
  const from = `link_targets t CROSS JOIN call_records o INDEXED BY ${CASE_TARGET_INDEX}`;
  return db.prepare(linkSql(from, "t.number IN (r.target, r.caller, r.callee) AND o.case_id = @case AND o.target = t.number")).run(params).changes;
}

/** The update that links each unlinked record of the job to its earliest match in another job of the case. */
function linkSql(from: string, targetMatch: string): string {
  return `WITH m AS (
     SELECT r.id AS rid, (
       SELECT MIN(o.id) FROM ${from}
       WHERE ${targetMatch}
         AND o.start_time BETWEEN strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '-2 seconds')
                              AND strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '+2 seconds')
         AND o.caller = r.caller AND o.callee = r.callee AND o.job_id <> r.job_id AND o.id < r.id
         AND o.record_type = r.record_type AND abs(o.duration_seconds - r.duration_seconds) <= 1
         AND o.duplicate_of IS NULL) AS oid
     FROM call_records r WHERE r.job_id = @job AND r.duplicate_of IS NULL AND r.caller IS NOT NULL AND r.callee IS NOT NULL)
   UPDATE call_records SET duplicate_of = m.oid FROM m WHERE call_records.id = m.rid AND m.oid IS NOT NULL`;
}

/**
 * Every number a record of the job can be matched under (its target, caller and callee), from the
 * scan: the targets, their contacts (the other party of each unlinked record) and the parties the
 * contacts rule leaves out (JobScan.otherParties). Null when there are too many to probe one by one.
 */
function numbersOf(scan: JobScan): string[] | null {
  if (scan.otherParties === null || !scan.contactsComplete) return null;
  const numbers = new Set<string>(scan.otherParties);
  for (const [target, t] of scan.targets) {
    if (target !== "") numbers.add(target);
    for (const n of t.contacts.keys()) numbers.add(n);
    if (numbers.size > MAX_PROBED_NUMBERS) return null;
  }
  return [...numbers];
}

/**
 * The numbers under which the case holds, in [lo, hi], more records than this job put there:
 * those records are other jobs'. Index-only counts, each stopped one past the job's own count.
 */
function numbersHeldByOthers(db: Database.Database, caseId: number, scan: JobScan, numbers: string[], lo: string, hi: string): string[] {
  const count = db
    .prepare(
      `SELECT COUNT(*) FROM (SELECT 1 FROM call_records INDEXED BY ${CASE_TARGET_INDEX}
        WHERE case_id = ? AND target = ? AND start_time BETWEEN ? AND ? LIMIT ?)`,
    )
    .pluck();
  return numbers.filter((n) => {
    const own = scan.targets.get(n)?.records ?? 0;
    return (count.get(caseId, n, lo, hi, own + 1) as number) > own;
  });
}

export const shiftSeconds = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
