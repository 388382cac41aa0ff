import { targetCells } from "@/lib/data/target-cells";
import { targetCellsQuerySchema } from "@/lib/schemas/cells";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A target's cells by frequency and by local hour, each placed by the case's cell-site list. */
export const GET = route({ query: targetCellsQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => targetCells(runtime.db, query));
