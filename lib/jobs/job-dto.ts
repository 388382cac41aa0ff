import type { IngestionJob, LayoutClassification } from "../../generated/prisma-sqlite/client";
import type { JobDto } from "../schemas/job";
import { jobStatusSchema, stageSchema } from "../schemas/job";

/** The API shape of a job row (BigInt sizes become numbers, dates ISO strings). */
export function toJobDto(job: IngestionJob & { classification?: LayoutClassification | null }): JobDto {
  const c = job.classification ?? null;
  const stage = stageSchema.safeParse(job.stage);
  return {
    id: job.id,
    caseId: job.caseId,
    fileName: job.fileName,
    sizeBytes: Number(job.sizeBytes),
    sha256: job.sha256,
    status: jobStatusSchema.parse(job.status),
    stage: stage.success ? stage.data : null,
    progress: job.progress,
    format: job.format,
    encoding: c?.encoding ?? null,
    delimiter: c?.delimiter ?? null,
    headerLine: c?.headerLine ?? null,
    carrier: job.carrier,
    confidence: job.confidence,
    timezone: job.timezone,
    target: job.target,
    counts: { rows: job.rowsRead, inserted: job.inserted, duplicates: job.duplicates, rejected: job.rejected },
    attempts: job.attempts,
    qualityScore: job.qualityScore,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? "" } : null,
    reviewReason: job.status === "needs_review" && c ? firstReviewReason(c.plan) : null,
    userId: job.userId,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** The plan's first review reason (the plan is stored as JSON text), or a generic sentence. */
function firstReviewReason(planJson: string): string {
  try {
    const reasons = (JSON.parse(planJson) as { reviewReasons?: unknown }).reviewReasons;
    const more = Array.isArray(reasons) && reasons.length > 1 ? ` (+${reasons.length - 1} more)` : "";
    return Array.isArray(reasons) && typeof reasons[0] === "string" ? reasons[0] + more : "A reviewer must confirm the column mapping.";
  } catch {
    return "A reviewer must confirm the column mapping.";
  }
}
