import type Database from "better-sqlite3";
import { DEVICE_KINDS, DeviceRuns, deviceEntriesFromJobSql } from "./record-device-runs";

/** Entries per multi-row INSERT (5 parameters each). */
const ROWS_PER_INSERT = 100;

/**
 * The SQLite sink's record_devices entries (migration 0012_record_devices; what they hold:
 * record-device-runs.ts). The sink knows the ids of a statement's rows when all of them were new;
 * finish() writes the entries sorted by (kind, value, first id), so each value's entries go into
 * the table's B-tree in one forward run.
 */
export class DeviceIdCollector extends DeviceRuns {
  /** Inside the caller's transaction: the job's entries into record_devices; returns how many. */
  write(db: Database.Database, caseId: number, jobId: string): number {
    if (!this.complete) return writeFromTable(db, jobId);
    const insert = (n: number) =>
      db.prepare(`INSERT OR IGNORE INTO record_devices (case_id, kind, value, first_id, last_id) VALUES ${Array(n).fill("(?, ?, ?, ?, ?)").join(", ")}`);
    const many = insert(ROWS_PER_INSERT);
    const params: (string | number)[] = [];
    let written = 0;
    for (const [kind, value, first, last] of this.entries()) {
      params.push(caseId, kind, value, first, last);
      if (params.length === ROWS_PER_INSERT * 5) {
        written += many.run(params).changes;
        params.length = 0;
      }
    }
    if (params.length > 0) written += insert(params.length / 5).run(params).changes;
    return written;
  }
}

/** The SQLite statements that write a job's entries from its stored records (see deviceEntriesFromJobSql). */
export const DEVICE_ENTRIES_FROM_JOB_SQL = deviceEntriesFromJobSql("sqlite");

function writeFromTable(db: Database.Database, jobId: string): number {
  let written = 0;
  for (const sql of DEVICE_ENTRIES_FROM_JOB_SQL) written += db.prepare(sql).run(jobId).changes;
  return written;
}

/**
 * Inside the caller's transaction: removes the job's entries (before its records go). A run never
 * spans two jobs, so the job's entries are those under its values whose first id is one of its
 * records (a set SQLite builds once from the (job_id, …) index).
 */
export function deleteJobDevices(db: Database.Database, jobId: string): void {
  for (const { kind } of DEVICE_KINDS) {
    db.prepare(
      `DELETE FROM record_devices
        WHERE case_id = (SELECT case_id FROM call_records WHERE job_id = @job LIMIT 1) AND kind = '${kind}'
          AND value IN (SELECT DISTINCT ${kind} FROM call_records WHERE job_id = @job AND ${kind} IS NOT NULL)
          AND first_id IN (SELECT id FROM call_records WHERE job_id = @job)`,
    ).run({ job: jobId });
  }
}
