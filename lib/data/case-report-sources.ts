import type { Db } from "../db/prisma";
import { digitsOf, type DeviceRow, type HourRow } from "./patterns-of-life";

/**
 * The case report's per-target figures read case-wide (issue 21): one GROUP BY per kind of figure
 * over all of the case's records instead of one query per target, so a case of 50 targets costs
 * two scans, not a hundred queries. The same SQL on SQLite and PostgreSQL; linked near-duplicate
 * legs are left out, as in the timeline. The rows are folded per target by patterns-of-life.ts.
 */

/** Rows of `T` grouped by their target. */
function byTarget<T extends { target: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.target);
    if (list) list.push(r);
    else out.set(r.target, [r]);
  }
  return out;
}

/** Every target's events per UTC hour (targetPatterns' rows), which also sum to the target's counts. */
export async function caseHourRows(db: Db, caseId: number): Promise<Map<string, (HourRow & { target: string })[]>> {
  const rows = await db.$queryRaw<(HourRow & { target: string })[]>`
    SELECT target, substr(start_time, 1, 13) AS hour,
           SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 0 ELSE 1 END) AS calls,
           SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END) AS messages,
           SUM(CASE WHEN direction = 'incoming' THEN 1 ELSE 0 END) AS incoming,
           SUM(CASE WHEN direction = 'outgoing' THEN 1 ELSE 0 END) AS outgoing,
           MIN(start_time) AS first, MAX(start_time) AS last
    FROM call_records
    WHERE case_id = ${caseId} AND target IS NOT NULL AND duplicate_of IS NULL
    GROUP BY target, substr(start_time, 1, 13)`;
  return byTarget(rows);
}

/** Every target's (IMEI, IMSI) groups (targetDevices' rows). */
export async function caseDeviceRows(db: Db, caseId: number): Promise<Map<string, (DeviceRow & { target: string })[]>> {
  const imei = digitsOf("imei");
  const imsi = digitsOf("imsi");
  const rows = await db.$queryRaw<(DeviceRow & { target: string })[]>`
    SELECT target, ${imei} AS imei, ${imsi} AS imsi, MIN(start_time) AS first, MAX(start_time) AS last, COUNT(*) AS events
    FROM call_records
    WHERE case_id = ${caseId} AND target IS NOT NULL AND duplicate_of IS NULL AND (${imei} IS NOT NULL OR ${imsi} IS NOT NULL)
    GROUP BY target, ${imei}, ${imsi}`;
  return byTarget(rows);
}

export interface TopContactRow {
  target: string;
  number: string;
  kind: string | null;
  calls: number | bigint;
  messages: number | bigint;
  first_seen: string;
  last_seen: string;
}

/** Every target's `limit` strongest contacts (most calls, then messages, then first stored), from the contacts table in one query. */
export async function caseTopContacts(db: Db, caseId: number, limit: number): Promise<Map<string, TopContactRow[]>> {
  const rows = await db.$queryRaw<TopContactRow[]>`
    SELECT target, number, kind, calls, messages, first_seen, last_seen FROM (
      SELECT target, number, kind, calls, messages, first_seen, last_seen, id,
             ROW_NUMBER() OVER (PARTITION BY target ORDER BY calls DESC, messages DESC, id ASC) AS pos
      FROM contacts WHERE case_id = ${caseId}
    ) ranked
    WHERE pos <= ${limit}
    ORDER BY target, pos`;
  return byTarget(rows);
}
