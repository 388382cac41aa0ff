import { recordsCsvStream, recordsXlsxStream } from "@/lib/data/records-export";
import { recordsParquetStream } from "@/lib/data/records-parquet";
import { recordExportQuerySchema } from "@/lib/schemas/queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The records of the case(s), filtered like GET /api/records, streamed as CSV, XLSX or Parquet with duplicate_of, carrier and source columns. */
export const GET = route(
  {
    query: recordExportQuerySchema,
    caseAccess: "scope",
    audit: ({ query }) => ({ action: "export", subject: { type: "records", id: query.jobId ?? (query.caseId ? `case:${query.caseId}` : "all") }, detail: query }),
  },
  async ({ runtime, query, scope }) => {
    const { format, ...filter } = query;
    const f = { ...filter, scope };
    if (format === "parquet") {
      return new Response(recordsParquetStream(runtime.db, runtime.config.databaseUrl, f), {
        headers: { "content-type": "application/vnd.apache.parquet", "content-disposition": 'attachment; filename="switchyard-records.parquet"' },
      });
    }
    if (format === "xlsx") {
      return new Response(recordsXlsxStream(runtime.db, f), {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": 'attachment; filename="switchyard-records.xlsx"',
        },
      });
    }
    return new Response(recordsCsvStream(runtime.db, runtime.config.databaseUrl, f), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="switchyard-records.csv"' },
    });
  },
);
