import { commonContacts } from "@/lib/data/common-contacts";
import { commonContactsQuerySchema } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Numbers two or more targets of the case talk to (caseId required: a non-member gets the case's not_found). */
export const GET = route({ query: commonContactsQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) =>
  commonContacts(runtime.db, query.caseId, { minTargets: query.minTargets, limit: query.limit }),
);
