import { caseGaps } from "@/lib/data/gap-thresholds";
import { caseGapsQuerySchema } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Gaps across files of every target of the case, each under its target's threshold, and the thresholds. */
export const GET = route({ query: caseGapsQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => caseGaps(runtime.db, query.caseId));
