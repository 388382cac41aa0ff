import { jobVisibilityWhere } from "@/lib/auth/access";
import { listTargets } from "@/lib/records/target-timeline";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The targets (subscribers) whose records this user may see. */
export const GET = route(async ({ runtime, user }) => ({ targets: await listTargets(runtime.db, jobVisibilityWhere(user)) }));
