import { listJobErrors } from "@/lib/data/jobs";
import { errorListQuerySchema } from "@/lib/schemas/api";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams, caseAccess: "job", query: errorListQuerySchema.omit({ caseId: true }) }, async ({ params, runtime, query }) =>
  listJobErrors(runtime.db, params.id, query),
);
