import type pg from "pg";
import { copyRows, type CopyValue } from "./pg-copy";
import { DEVICE_KINDS, deviceEntriesFromJobSql, type DeviceRuns } from "./record-device-runs";

/** The PostgreSQL statements that write a job's entries from its stored records ($1: the job id; see deviceEntriesFromJobSql). */
export const PG_DEVICE_ENTRIES_FROM_JOB_SQL = deviceEntriesFromJobSql("postgres");

/**
 * The job's record_devices entries (migration 0015_record_devices), in one transaction of their
 * own after the load: COPYed from what the sink gathered, or, when it gave up (too many distinct
 * values), computed from the job's records. Returns how many were written.
 */
export async function writeJobDevicesPg(client: pg.PoolClient, caseId: number, jobId: string, runs: DeviceRuns): Promise<number> {
  await client.query("BEGIN");
  try {
    let written = 0;
    if (runs.complete) {
      function* rows(): Generator<CopyValue[]> {
        for (const [kind, value, first, last] of runs.entries()) {
          written++;
          yield [caseId, kind, value, first, last];
        }
      }
      await copyRows(client, "record_devices", ["case_id", "kind", "value", "first_id", "last_id"], rows());
    } else {
      for (const sql of PG_DEVICE_ENTRIES_FROM_JOB_SQL) written += (await client.query(sql, [jobId])).rowCount ?? 0;
    }
    await client.query("COMMIT");
    return written;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/**
 * Inside the caller's transaction, before the job's records go: removes the job's entries. A run
 * never spans two jobs, so they are the entries under the job's values whose first id is one of
 * its records.
 */
export async function deleteJobDevicesPg(client: pg.PoolClient, jobId: string): Promise<void> {
  for (const { kind } of DEVICE_KINDS) {
    await client.query(
      `DELETE FROM record_devices d
        USING (SELECT DISTINCT case_id, ${kind} AS value FROM call_records WHERE job_id = $1 AND ${kind} IS NOT NULL) v
        WHERE d.case_id = v.case_id AND d.kind = '${kind}' AND d.value = v.value
          AND d.first_id IN (SELECT id FROM call_records WHERE job_id = $1)`,
      [jobId],
    );
  }
}
