import { z } from "zod";
import { audit } from "@/lib/auth/audit";
import { jobVisibilityWhere } from "@/lib/auth/access";
import { recordsCsvStream, recordsXlsxStream } from "@/lib/records/export-records";
import { recordListQuerySchema } from "@/lib/schemas/api";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = recordListQuerySchema.omit({ page: true, pageSize: true }).extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

/** The records this user may see, filtered like GET /api/records, streamed as CSV or XLSX. */
export const GET = route(async ({ req, runtime, user }) => {
  const { format, ...filter } = querySchema.parse(queryOf(req));
  await audit(runtime.db, user, "export", { type: "records", id: filter.jobId ?? "all" }, { ...filter, format });
  const f = { ...filter, jobWhere: jobVisibilityWhere(user) };
  if (format === "xlsx") {
    return new Response(recordsXlsxStream(runtime.db, f), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": 'attachment; filename="switchyard-records.xlsx"',
      },
    });
  }
  return new Response(recordsCsvStream(runtime.db, f), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="switchyard-records.csv"' },
  });
});
