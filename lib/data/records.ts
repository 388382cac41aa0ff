import type { Db } from "../db/prisma";
import type { CaseScope } from "./case-access";
import type { RecordDto } from "../schemas/api";

/** Call records: the filtered, case-scoped list, and a paged iterator for exports. */
export interface RecordFilter {
  /** The case(s) the caller may read (caseScopeWhere); an empty object means every case (admins, the CLI). */
  scope: CaseScope;
  jobId?: string | undefined;
  number?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  /** Include the linked duplicate legs (duplicate_of set); without it each call counts once. */
  includeDuplicates?: boolean | undefined;
}

function whereOf(f: RecordFilter) {
  const digits = f.number?.replace(/[^\d+]/g, "");
  return {
    ...f.scope,
    ...(f.jobId ? { jobId: f.jobId } : {}),
    ...(f.includeDuplicates ? {} : { duplicateOf: null }),
    ...(f.type ? { recordType: f.type } : {}),
    ...(f.from || f.to ? { startTime: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    ...(digits ? { OR: [{ caller: { contains: digits } }, { callee: { contains: digits } }, { target: { contains: digits } }] } : {}),
  };
}

type RecordRow = {
  id: number; jobId: string; line: number; startTime: string; endTime: string | null; durationSeconds: number; caller: string | null; callee: string | null;
  direction: string | null; recordType: string; target: string | null; dialedDigits: string | null; imei: string | null; imsi: string | null;
  cellFirst: string | null; cellLast: string | null; carrier: string | null; duplicateOf: number | null; job: { fileName: string };
};

export function toRecordDto(r: RecordRow): RecordDto {
  return {
    id: r.id, jobId: r.jobId, start_time: r.startTime, end_time: r.endTime, duration_seconds: r.durationSeconds, caller: r.caller, callee: r.callee,
    direction: r.direction, record_type: r.recordType, target: r.target, dialed_digits: r.dialedDigits, imei: r.imei, imsi: r.imsi, cell_first: r.cellFirst, cell_last: r.cellLast,
    duplicate_of: r.duplicateOf, carrier: r.carrier, source_file: r.job.fileName, source_line: r.line,
  };
}

const withFile = { job: { select: { fileName: true } } } as const;

export async function listRecords(db: Db, f: RecordFilter & { page: number; pageSize: number }): Promise<{ records: RecordDto[]; total: number }> {
  const where = whereOf(f);
  const [rows, total] = await Promise.all([
    db.callRecord.findMany({ where, orderBy: [{ startTime: "asc" }, { id: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize, include: withFile }),
    db.callRecord.count({ where }),
  ]);
  return { records: rows.map(toRecordDto), total };
}

/** Every matching record in id order, fetched in pages so an export of millions never sits in memory. */
export async function* iterateRecords(db: Db, f: RecordFilter, pageSize = 5000): AsyncGenerator<RecordDto> {
  const where = whereOf(f);
  let cursor = 0;
  for (;;) {
    const rows = await db.callRecord.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize, include: withFile });
    for (const r of rows) yield toRecordDto(r);
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The targets (subscribers) with records in the scope, in order. */
export async function listTargets(db: Db, scope: CaseScope): Promise<string[]> {
  const rows = await db.callRecord.findMany({ where: { ...scope, target: { not: null } }, distinct: ["target"], select: { target: true }, orderBy: { target: "asc" } });
  return rows.map((r) => r.target).filter((t): t is string => !!t);
}
