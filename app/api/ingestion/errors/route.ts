import { audit } from "@/lib/auth/audit";
import { csvCell } from "@/lib/export/records-csv";
import { toErrorDto } from "@/lib/jobs/job-queries";
import { allErrorsQuerySchema } from "@/lib/schemas/admin";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Row-level errors across all jobs (admins): paged and filtered, or the whole filtered set as CSV. */
export const GET = route(async ({ req, runtime, user }) => {
  const q = allErrorsQuerySchema.parse(queryOf(req));
  const where = { ...(q.jobId ? { jobId: q.jobId } : {}), ...(q.code ? { code: q.code } : {}), ...(q.field ? { field: q.field } : {}) };
  if (q.format === "csv") {
    await audit(runtime.db, user, "export", { type: "errors", id: q.jobId ?? "all" }, where);
    return csvDownload(runtime.db, where);
  }
  const [errors, total, codes] = await Promise.all([
    runtime.db.ingestionError.findMany({ where, orderBy: [{ jobId: "asc" }, { line: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: { job: { select: { fileName: true } } } }),
    runtime.db.ingestionError.count({ where }),
    runtime.db.ingestionError.groupBy({ by: ["code"], _count: { _all: true } }),
  ]);
  return { errors: errors.map((e) => ({ ...toErrorDto(e), fileName: e.job.fileName })), total, codes: codes.map((c) => ({ code: c.code, count: c._count._all })) };
}, "admin");

function csvDownload(db: import("@/lib/db/prisma").Db, where: object): Response {
  const encoder = new TextEncoder();
  let cursor = 0;
  const stream = new ReadableStream<Uint8Array>({
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
  return new Response(stream, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="switchyard-errors.csv"' } });
}
