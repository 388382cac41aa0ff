import { targetCellCalls } from "@/lib/data/target-cells";
import { cellCallsQuerySchema } from "@/lib/schemas/cells";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A target's records with their first and last cell, in time order, placed by the case's cell-site list (the map's lines). */
export const GET = route({ query: cellCallsQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => targetCellCalls(runtime.db, query));
