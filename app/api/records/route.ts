import { listRecords } from "@/lib/data/records";
import { recordListQuerySchema } from "@/lib/schemas/api";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Records of one case (`caseId`) or of every case the user may see; linked duplicate legs only with includeDuplicates=1. */
export const GET = route({ query: recordListQuerySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => listRecords(runtime.db, { ...query, scope }));
