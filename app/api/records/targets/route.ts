import { listTargets } from "@/lib/data/records";
import { caseScopeQuerySchema } from "@/lib/schemas/case";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The targets (subscribers) with records in the case, or in every case the user may see. */
export const GET = route({ query: caseScopeQuerySchema, caseAccess: "scope" }, async ({ runtime, scope }) => ({ targets: await listTargets(runtime.db, scope) }));
