import { errorsCsvStream, listErrors } from "@/lib/data/errors";
import { allErrorsQuerySchema } from "@/lib/schemas/admin";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Row-level errors across all jobs, or one case's (admins): paged and filtered, or the whole filtered set as CSV. */
export const GET = route(
  {
    role: "admin",
    query: allErrorsQuerySchema,
    caseAccess: "scope",
    audit: ({ query }) =>
      query.format === "csv" ? { action: "export", subject: { type: "errors", id: query.jobId ?? (query.caseId ? `case:${query.caseId}` : "all") }, detail: query } : null,
  },
  async ({ runtime, query, scope }) => {
    const { format, page, pageSize, jobId, code, field } = query;
    const filter = { scope, jobId, code, field };
    if (format === "csv") {
      return new Response(errorsCsvStream(runtime.db, filter), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="switchyard-errors.csv"' },
      });
    }
    return listErrors(runtime.db, { ...filter, page, pageSize });
  },
);
