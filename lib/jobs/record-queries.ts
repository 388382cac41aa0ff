import type { Db } from "../db/prisma";
import type { RecordDto } from "../schemas/api";

export interface RecordFilter {
  /** Only records of jobs matching this (the caller's visibility rule). */
  jobWhere?: object;
  jobId?: string;
  number?: string;
  from?: string;
  to?: string;
  type?: string;
}

function whereOf(f: RecordFilter) {
  const digits = f.number?.replace(/[^\d+]/g, "");
  return {
    ...(f.jobWhere ? { job: f.jobWhere } : {}),
    ...(f.jobId ? { jobId: f.jobId } : {}),
    ...(f.type ? { recordType: f.type } : {}),
    ...(f.from || f.to ? { startTime: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    ...(digits ? { OR: [{ caller: { contains: digits } }, { callee: { contains: digits } }, { target: { contains: digits } }] } : {}),
  };
}

export function toRecordDto(r: {
  id: number; jobId: string; startTime: string; endTime: string | null; durationSeconds: number; caller: string | null; callee: string | null;
  direction: string | null; recordType: string; target: string | null; dialedDigits: string | null; imei: string | null; imsi: string | null; cellFirst: string | null; cellLast: string | null;
}): RecordDto {
  return {
    id: r.id, jobId: r.jobId, start_time: r.startTime, end_time: r.endTime, duration_seconds: r.durationSeconds, caller: r.caller, callee: r.callee,
    direction: r.direction, record_type: r.recordType, target: r.target, dialed_digits: r.dialedDigits, imei: r.imei, imsi: r.imsi, cell_first: r.cellFirst, cell_last: r.cellLast,
  };
}

export async function listRecords(db: Db, f: RecordFilter & { page: number; pageSize: number }): Promise<{ records: RecordDto[]; total: number }> {
  const where = whereOf(f);
  const [rows, total] = await Promise.all([
    db.callRecord.findMany({ where, orderBy: [{ startTime: "asc" }, { id: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize }),
    db.callRecord.count({ where }),
  ]);
  return { records: rows.map(toRecordDto), total };
}

/** Every matching record in id order, fetched in pages so an export of millions never sits in memory. */
export async function* iterateRecords(db: Db, f: RecordFilter, pageSize = 5000): AsyncGenerator<RecordDto> {
  const where = whereOf(f);
  let cursor = 0;
  for (;;) {
    const rows = await db.callRecord.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize });
    for (const r of rows) yield toRecordDto(r);
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}
