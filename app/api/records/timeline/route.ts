import { z } from "zod";
import { targetTimeline } from "@/lib/data/timeline";
import { caseScopeQuerySchema } from "@/lib/schemas/case";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = caseScopeQuerySchema.extend({ target: z.string().min(1) });

/** Day buckets of one target's calls and messages, with the gaps found across the case's files. */
export const GET = route({ query: querySchema, caseAccess: "scope" }, async ({ runtime, query, scope }) => targetTimeline(runtime.db, query.target, scope));
