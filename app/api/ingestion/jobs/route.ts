import { listJobs } from "@/lib/data/jobs";
import { jobListQuerySchema } from "@/lib/schemas/api";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The jobs of one case (`caseId`), or of every case the user may see. */
export const GET = route({ query: jobListQuerySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => listJobs(runtime.db, scope, query));
