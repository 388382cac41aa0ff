import { gapThreshold, requireAnalysisEdit, resetGapThreshold, setGapThreshold } from "@/lib/data/gap-thresholds";
import { gapThresholdBodySchema, gapThresholdQuerySchema, type GapThresholdQuery } from "@/lib/schemas/analytics";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const subject = (q: GapThresholdQuery) => ({ type: "case", id: String(q.caseId) });

/** A target's gap threshold in the case (the default when the analyst set none). */
export const GET = route({ query: gapThresholdQuerySchema, caseAccess: "scope" }, async ({ runtime, query }) => gapThreshold(runtime.db, query.caseId, query.target));

/** Sets a target's gap threshold ({minSeconds, minRatio}), or returns it to the default ({reset: true}). */
export const PUT = route(
  {
    query: gapThresholdQuerySchema,
    body: gapThresholdBodySchema,
    caseAccess: "scope",
    audit: ({ query, body }) => ({ action: "gaps.threshold", subject: subject(query), detail: { target: query.target, ...body } }),
  },
  async ({ runtime, user, query, body, access }) => {
    requireAnalysisEdit(access);
    if ("reset" in body) return resetGapThreshold(runtime.db, query.caseId, query.target);
    return setGapThreshold(runtime.db, query.caseId, query.target, body, user.id);
  },
);

/** Returns a target to the default gap threshold. */
export const DELETE = route(
  {
    query: gapThresholdQuerySchema,
    caseAccess: "scope",
    audit: ({ query }) => ({ action: "gaps.threshold", subject: subject(query), detail: { target: query.target, reset: true } }),
  },
  async ({ runtime, query, access }) => {
    requireAnalysisEdit(access);
    return resetGapThreshold(runtime.db, query.caseId, query.target);
  },
);
