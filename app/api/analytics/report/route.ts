import { caseReport } from "@/lib/data/case-report";
import { caseReportQuerySchema } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The case report (issue 21): per target, counts, top contacts, heat map, gaps and devices; `target` narrows it to one target's page (the printable report page asks target by target). */
export const GET = route({ query: caseReportQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => caseReport(runtime.db, query.caseId, query.target));
