import type { Db } from "../db/prisma";
import type { CaseScope } from "./case-access";
import { csvCell } from "./records-csv";
import { toErrorDto } from "./jobs";
import type { AllErrorsResponse } from "../schemas/responses";

/** Row-level errors across jobs (the admins' error table), scoped by case, filtered, paged or streamed as CSV. */
export interface ErrorFilter { scope: CaseScope; jobId?: string | undefined; code?: string | undefined; field?: string | undefined }

const whereOf = (f: ErrorFilter) => ({
  ...(f.scope.caseId !== undefined ? { job: { caseId: f.scope.caseId } } : {}),
  ...(f.jobId ? { jobId: f.jobId } : {}),
  ...(f.code ? { code: f.code } : {}),
  ...(f.field ? { field: f.field } : {}),
});

export async function listErrors(db: Db, f: ErrorFilter & { page: number; pageSize: number }): Promise<AllErrorsResponse> {
  const where = whereOf(f);
  const [errors, total, codes] = await Promise.all([
    db.ingestionError.findMany({ where, orderBy: [{ jobId: "asc" }, { line: "asc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize, include: { job: { select: { fileName: true } } } }),
    db.ingestionError.count({ where }),
    db.ingestionError.groupBy({ by: ["code"], where: whereOf({ scope: f.scope }), _count: { _all: true } }),
  ]);
  return { errors: errors.map((e) => ({ ...toErrorDto(e), fileName: e.job.fileName })), total, codes: codes.map((c) => ({ code: c.code, count: c._count._all })) };
}

/** The filtered errors as a streamed CSV body, 2,000 rows per read. */
export function errorsCsvStream(db: Db, f: ErrorFilter): ReadableStream<Uint8Array> {
  const where = whereOf(f);
  const encoder = new TextEncoder();
  let cursor = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("job_id,file,line,field,code,message,raw\n"));
    },
    async pull(controller) {
      const rows = await db.ingestionError.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: "asc" }, take: 2000, include: { job: { select: { fileName: true } } } });
      for (const e of rows) controller.enqueue(encoder.encode([e.jobId, e.job.fileName, e.line, e.field, e.code, e.message, e.raw].map(csvCell).join(",") + "\n"));
      if (rows.length < 2000) controller.close();
      else cursor = rows[rows.length - 1]!.id;
    },
  });
}
