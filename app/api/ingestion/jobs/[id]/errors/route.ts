import { requireJobAccess } from "@/lib/auth/access";
import { listJobErrors } from "@/lib/jobs/job-queries";
import { errorListQuerySchema } from "@/lib/schemas/api";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ req, params, runtime, user }) => {
  await requireJobAccess(runtime.db, user, params.id);
  return listJobErrors(runtime.db, params.id, errorListQuerySchema.parse(queryOf(req)));
});
