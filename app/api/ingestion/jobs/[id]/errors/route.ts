import { listJobErrors } from "@/lib/data/jobs";
import { jobErrorListQuerySchema } from "@/lib/schemas/queries";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams, caseAccess: "job", query: jobErrorListQuerySchema }, async ({ params, runtime, query }) =>
  listJobErrors(runtime.db, params.id, query),
);
