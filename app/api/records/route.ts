import { jobVisibilityWhere } from "@/lib/auth/access";
import { listRecords } from "@/lib/jobs/record-queries";
import { recordListQuerySchema } from "@/lib/schemas/api";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ req, runtime, user }) =>
  listRecords(runtime.db, { ...recordListQuerySchema.parse(queryOf(req)), jobWhere: jobVisibilityWhere(user) }),
);
