import { z } from "zod";
import { jobVisibilityWhere } from "@/lib/auth/access";
import { targetTimeline } from "@/lib/records/target-timeline";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({ target: z.string().min(1) });

/** Day buckets of one target's calls and messages, with the gaps detected on load. */
export const GET = route(async ({ req, runtime, user }) => {
  const { target } = querySchema.parse(queryOf(req));
  return targetTimeline(runtime.db, target, jobVisibilityWhere(user));
});
