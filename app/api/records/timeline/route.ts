import { targetTimeline } from "@/lib/data/timeline";
import { timelineQuerySchema } from "@/lib/schemas/queries";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Day buckets of one target's calls and messages, with the gaps found across the case's files. */
export const GET = route({ query: timelineQuerySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => targetTimeline(runtime.db, query.target, scope));
