import { targetDevices } from "@/lib/data/patterns-of-life";
import { targetAnalyticsQuerySchema } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The handset (IMEI) and SIM (IMSI) pairs a target used, by first use, and the changes between them. */
export const GET = route({ query: targetAnalyticsQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => targetDevices(runtime.db, query.caseId, query.target));
