import type { Prisma } from "../../generated/prisma-sqlite/client";
import { dbEngine, type Db } from "../db/prisma";
import { DeviceRuns, SPREAD } from "../db/record-device-runs";
import type { CaseScope } from "./case-access";

/** Beyond this many runs a value is looked for in the case's records themselves (see deviceWhere): where a job spreads a value. */
export const MAX_DEVICE_RUNS = DeviceRuns.spreadRuns;

/**
 * The records carrying one of the spellings of a handset (IMEI) or subscriber (IMSI), within the
 * scope's cases, as a Prisma filter. The record_devices table (SQLite migration 0012, PostgreSQL
 * 0015) gives the runs of record ids that carry the value, and the filter reads those ids (rowid
 * or primary-key ranges). A value spread over more than MAX_DEVICE_RUNS runs (one handset among
 * many on an interleaved multi-target file; a job writes such a value as one SPREAD entry) is
 * compared in the case's records instead: one pass over them, never a statement too large to send.
 */
export async function deviceWhere(db: Db, scope: CaseScope, kind: "imei" | "imsi", spellings: string[], maxRuns = MAX_DEVICE_RUNS): Promise<Prisma.CallRecordWhereInput> {
  const byColumn: Prisma.CallRecordWhereInput = { [kind]: { in: spellings } };
  if (spellings.length === 0) return byColumn;
  const cases = scope.caseId === undefined ? null : typeof scope.caseId === "number" ? [scope.caseId] : scope.caseId.in;
  if (cases?.length === 0) return { id: { in: [] } };
  // Numbered placeholders on PostgreSQL, ? on SQLite; the parameters are the same.
  const pg = dbEngine(db) === "postgres";
  let n = 0;
  const p = () => (pg ? `$${++n}` : "?");
  const caseSql = cases ? `case_id IN (${cases.map(p).join(", ")}) AND ` : "";
  const kindSql = `kind = ${p()}`;
  const valueSql = `value IN (${spellings.map(p).join(", ")})`;
  const runs = await db.$queryRawUnsafe<{ first: number | bigint; last: number | bigint }[]>(
    `SELECT first_id AS first, last_id AS last FROM record_devices WHERE ${caseSql}${kindSql} AND ${valueSql} LIMIT ${maxRuns + 1}`,
    ...(cases ?? []),
    kind,
    ...spellings,
  );
  if (runs.length > maxRuns || runs.some((r) => Number(r.last) === SPREAD)) return byColumn;
  if (runs.length === 0) return { id: { in: [] } };
  return { OR: runs.map(({ first, last }) => (first === last ? { id: Number(first) } : { id: { gte: Number(first), lte: Number(last) } })) };
}
