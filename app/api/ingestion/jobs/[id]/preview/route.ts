import { requireJob } from "@/lib/jobs/job-commands";
import { loadTaskInputs } from "@/lib/jobs/load-task-inputs";
import type { PreviewInput } from "@/lib/ingest/pipeline/preview-mapping";
import { mappingOverrideSchema } from "@/lib/schemas/mapping";
import { previewCacheKey, previewSampleCache } from "@/lib/server/preview-cache";
import { previewRateLimiter } from "@/lib/server/rate-limit";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * The first rows of the job's file normalized under a draft mapping (or the detected one when the
 * body is empty). Rate-limited per user (PREVIEW_RATE_PER_MINUTE); the file's sample is read once
 * per job and header-row choice and then served from memory (lib/server/preview-cache.ts).
 */
export const POST = route({ params: idParams, caseAccess: "job" }, async ({ req, params, runtime, user }) => {
  const limiter = previewRateLimiter(runtime.config.previewsPerMinute);
  const taken = limiter.take(user.id);
  if (!taken.ok) {
    const s = taken.retryAfterSeconds;
    const message = `You have asked for more than ${limiter.perMinute} mapping previews in the last minute; wait ${s} second${s === 1 ? "" : "s"} and try again.`;
    return Response.json({ error: { code: "rate_limited", message } }, { status: 429, headers: { "retry-after": String(s) } });
  }
  const job = await requireJob(runtime.db, params.id);
  const text = await req.text();
  const override = text.trim() ? mappingOverrideSchema.parse(JSON.parse(text)) : null;
  const { templates, caseRegion } = await loadTaskInputs(runtime.db, null, job.caseId);
  const input: PreviewInput = { filePath: job.storedPath, fileName: job.fileName, templates, override, caseRegion };
  const key = await previewCacheKey(job.id, job.storedPath, input);
  // runtime.previewMapping hands the input to the worker pool as it is (PreviewInput, `sample` included).
  return previewSampleCache().preview(key, input, (i) => runtime.previewMapping(i));
});
