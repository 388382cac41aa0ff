import { targetPatterns } from "@/lib/data/patterns-of-life";
import { targetAnalyticsQuerySchema } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A target's hour-of-day × weekday counts in the case's display time zone, and its first and last event per local day. */
export const GET = route({ query: targetAnalyticsQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => targetPatterns(runtime.db, query.caseId, query.target));
