export type NearDuplicateStrategy = "keep_first" | "keep_longest" | "merge";

/** Fields a merge copies from a linked duplicate into its primary where the primary has none. */
const MERGED = ["end_time", "dialed_digits", "imei", "imsi", "cell_first", "cell_last"] as const;

/**
 * The statements that apply the configured strategy to a job's freshly linked near-duplicates
 * (`duplicate_of` already points each later record at the earlier one, always within the job's case):
 * - keep_first: nothing to do — the earliest report counts;
 * - keep_longest: where the duplicate lasted longer (one leg dropped early), it becomes the
 *   primary and the old primary (and anything linked to it) points at it;
 * - merge: the primary stays, and fills its missing end time, dialed digits, IMEI, IMSI and
 *   cells from its duplicates. Its content hash is left as it was loaded, so re-uploading either
 *   file still inserts nothing.
 * Every statement touches only the job's case's records: the primaries it changes are those the
 * job's records point at within their own case (`p.case_id = d.case_id`), and the records it
 * re-points point at one of those (links never cross cases: the linkers seek the case only). No
 * statement filters on case_id alone, which would walk a whole case's index instead of the rowids.
 * Plain SQL that runs on SQLite and PostgreSQL; `p` renders the job-id placeholder, and a statement
 * uses it at most once per statement (`?` or `$1`; the SQLite caller binds `@job`).
 */
export function nearDuplicateStrategySql(strategy: NearDuplicateStrategy, p: string): string[] {
  if (strategy === "keep_first") return [];
  if (strategy === "merge") {
    const sets = MERGED.map(
      (f) => `${f} = COALESCE(${f}, (SELECT d.${f} FROM call_records d WHERE d.duplicate_of = call_records.id AND d.${f} IS NOT NULL ORDER BY d.id LIMIT 1))`,
    );
    return [
      `UPDATE call_records SET ${sets.join(", ")} WHERE id IN (
         SELECT d.duplicate_of FROM call_records d JOIN call_records p ON p.id = d.duplicate_of WHERE d.job_id = ${p} AND p.case_id = d.case_id)`,
    ];
  }
  return [
    `CREATE TEMP TABLE IF NOT EXISTS near_duplicate_swap (did BIGINT PRIMARY KEY, pid BIGINT)`,
    `DELETE FROM near_duplicate_swap`,
    `INSERT INTO near_duplicate_swap (did, pid)
       SELECT MIN(d.id), p.id FROM call_records d JOIN call_records p ON p.id = d.duplicate_of
        WHERE d.job_id = ${p} AND p.case_id = d.case_id AND d.duration_seconds > p.duration_seconds GROUP BY p.id`,
    `UPDATE call_records SET duplicate_of = NULL WHERE id IN (SELECT did FROM near_duplicate_swap)`,
    `UPDATE call_records SET duplicate_of = (SELECT s.did FROM near_duplicate_swap s WHERE s.pid = call_records.duplicate_of)
      WHERE duplicate_of IN (SELECT pid FROM near_duplicate_swap)`,
    `UPDATE call_records SET duplicate_of = (SELECT s.did FROM near_duplicate_swap s WHERE s.pid = call_records.id)
      WHERE id IN (SELECT pid FROM near_duplicate_swap)`,
  ];
}
