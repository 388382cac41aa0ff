import type Database from "better-sqlite3";
import type { TargetScan } from "./sqlite-job-scan";

/**
 * A target's contacts in a case, kept equal to what a recount of all the case's stored records of
 * the target would give (refreshContactsSqlite), without recounting on every file:
 * contact_coverage records, per (case, target), the highest record id the stored contacts count
 * and how many records of the target the case had with an id up to it. Every function here runs in
 * one IMMEDIATE transaction (or in the caller's), so counts and writes see one state.
 *
 * Records without a target are grouped under "" in contacts and coverage; `case_id = ? AND
 * target IS ?` with null keeps the (case_id, target, start_time) index usable, and every COUNT
 * below is answered from that index (or the job's) alone.
 */

const asTargetValue = (target: string) => (target === "" ? null : target);

/** The number of the case's records of the target (an index-only count). */
export function countTargetRecords(db: Database.Database, caseId: number, target: string): number {
  return db.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND target IS ?`).pluck().get(caseId, asTargetValue(target)) as number;
}

/**
 * Adds the job's tallies to the case's stored contacts when that is exact: the coverage is intact
 * (as many records up to its id as when it was written: none deleted since), and the case's
 * records of the target above it are this job's, all of them. Then nothing of the job was counted
 * before and nothing else is missing. Returns false when the recount (or writeContactsFromScan)
 * must decide instead: no coverage yet, a deletion, a concurrent job of the same target.
 *
 * Measured (npm run bench): a 200k-row XLSX after a 1M-row CSV of the same target spent 3.5–4.4 s
 * recounting 1.2M records; the checks here read two index ranges.
 */
export function mergeContactsFromScan(db: Database.Database, jobId: string, caseId: number, target: string, scan: TargetScan): boolean {
  const coverage = db.prepare(`SELECT max_record_id AS maxId, records FROM contact_coverage WHERE case_id = ? AND target = ?`);
  const upTo = db.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND target IS ? AND id <= ?`).pluck();
  // The records above the coverage, and how many are this job's, in one pass over the rowid range:
  // they are the records stored since (normally just this job's), where the target index would
  // walk the target's whole history (a 200k-row file after a 1M-row one: ~165 → ~25 ms).
  const above = db.prepare(
    `SELECT COUNT(*) AS records, COALESCE(SUM(job_id = ?), 0) AS mine, MAX(id) AS maxId FROM call_records NOT INDEXED
      WHERE id > ? AND case_id = ? AND target IS ?`,
  );
  return db
    .transaction(() => {
      const c = coverage.get(caseId, target) as { maxId: number; records: number } | undefined;
      if (!c || scan.records === 0) return false;
      const t = asTargetValue(target);
      if (upTo.get(caseId, t, c.maxId) !== c.records) return false;
      const since = above.get(jobId, c.maxId, caseId, t) as { records: number; mine: number; maxId: number };
      if (since.records !== scan.records || since.mine !== scan.records) return false;
      insertTallies(db, caseId, target, scan, ADD_TO_STORED);
      // Both counts were just checked: the new coverage needs no third walk of the target's records.
      recordCoverage(db, caseId, target, { maxId: since.maxId, records: c.records + since.records });
      return true;
    })
    .immediate();
}

/**
 * Writes the target's contacts from the scan when the job's records are all the case's records of
 * that target (a covering count on the target index says so, or the caller's `total` from one);
 * returns false when other jobs of the case share the target and a recount is needed.
 */
export function writeContactsFromScan(db: Database.Database, caseId: number, target: string, scan: TargetScan, total?: number): boolean {
  const del = db.prepare(`DELETE FROM contacts WHERE case_id = ? AND target = ?`);
  return db
    .transaction(() => {
      if ((total ?? countTargetRecords(db, caseId, target)) !== scan.records) return false;
      del.run(caseId, target);
      insertTallies(db, caseId, target, scan);
      recordCoverage(db, caseId, target);
      return true;
    })
    .immediate();
}

/**
 * Recomputes the case's contacts of the given targets from every stored record of the case, so
 * re-uploads, retries, cancels and deletions can never double or orphan a count, and records what
 * they now cover.
 */
export function refreshContactsSqlite(db: Database.Database, caseId: number, targets: Iterable<string>): void {
  const del = db.prepare(`DELETE FROM contacts WHERE case_id = ? AND target = ?`);
  const ins = db.prepare(
    `INSERT INTO contacts (case_id, target, number, kind, first_seen, last_seen, calls, messages)
     SELECT @c, COALESCE(@t, ''), num, MIN(kind), MIN(start_time), MAX(start_time),
            SUM(CASE WHEN record_type = 'voice' THEN 1 ELSE 0 END),
            SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END)
     FROM (
       SELECT CASE WHEN caller = @t THEN COALESCE(callee, callee_raw) ELSE COALESCE(caller, caller_raw) END AS num,
              CASE WHEN caller = @t THEN callee_kind ELSE caller_kind END AS kind, start_time, record_type
       FROM call_records WHERE case_id = @c AND target IS @t AND duplicate_of IS NULL
     ) WHERE num IS NOT NULL AND num IS NOT @t GROUP BY num`,
  );
  db.transaction(() => {
    for (const t of targets) {
      del.run(caseId, t);
      ins.run({ c: caseId, t: asTargetValue(t) });
      recordCoverage(db, caseId, t);
    }
  }).immediate();
}

/** Contacts rows per multi-row INSERT (8 parameters each): one statement step per 100 rows, not per row. */
const CONTACTS_PER_INSERT = 100;
/** Merging into stored contacts: the same number's counts add up, its first and last sightings widen. */
const ADD_TO_STORED = `ON CONFLICT (case_id, target, number) DO UPDATE SET
       first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),
       calls = calls + excluded.calls, messages = messages + excluded.messages`;

/** The scan's tallies of the target into contacts, in number order (the unique index then grows at its edge). */
function insertTallies(db: Database.Database, caseId: number, target: string, scan: TargetScan, onConflict = ""): void {
  const sql = (n: number) =>
    `INSERT INTO contacts (case_id, target, number, kind, first_seen, last_seen, calls, messages) VALUES ${Array(n).fill("(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")} ${onConflict}`;
  const many = db.prepare(sql(CONTACTS_PER_INSERT));
  const params: (string | number | null)[] = [];
  for (const [num, t] of scan.contacts.sorted()) {
    params.push(caseId, target, num, t.kind, t.first, t.last, t.calls, t.messages);
    if (params.length === CONTACTS_PER_INSERT * 8) {
      many.run(params);
      params.length = 0;
    }
  }
  if (params.length > 0) db.prepare(sql(params.length / 8)).run(params);
}

/** Near-duplicate strategies can switch which records count for any target of the case: its coverage is void. */
export function forgetContactCoverage(db: Database.Database, caseId: number): void {
  db.prepare(`DELETE FROM contact_coverage WHERE case_id = ?`).run(caseId);
}

/** Inside the caller's transaction: the contacts now count every record of the case's target there is. */
function recordCoverage(db: Database.Database, caseId: number, target: string, known?: { maxId: number; records: number }): void {
  const { maxId, records } =
    known ??
    (db.prepare(`SELECT COALESCE(MAX(id), 0) AS maxId, COUNT(*) AS records FROM call_records WHERE case_id = ? AND target IS ?`).get(caseId, asTargetValue(target)) as {
      maxId: number;
      records: number;
    });
  db.prepare(
    `INSERT INTO contact_coverage (case_id, target, max_record_id, records) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, target) DO UPDATE SET max_record_id = excluded.max_record_id, records = excluded.records`,
  ).run(caseId, target, maxId, records);
}
