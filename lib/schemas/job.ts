import { z } from "zod";

export const JOB_STATUSES = ["pending", "queued", "processing", "needs_review", "completed", "partial", "failed", "cancelled"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const TERMINAL_STATUSES: readonly JobStatus[] = ["completed", "partial", "failed", "cancelled", "needs_review"];

export const STAGES = ["upload", "detect", "classify", "extract", "validate", "load", "finalize", "done"] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const jobCountsSchema = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
});
export type JobCounts = z.infer<typeof jobCountsSchema>;

/** One progress tick, worker → main thread → Socket.IO room `job:<id>` → browser. */
export const progressEventSchema = z.object({
  jobId: z.string(),
  status: jobStatusSchema,
  stage: stageSchema,
  percent: z.number().min(0).max(100),
  bytesProcessed: z.number(),
  bytesTotal: z.number(),
  counts: jobCountsSchema,
  rowsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  at: z.number(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

/** A job as the API returns it. */
export const jobDtoSchema = z.object({
  id: z.string(),
  caseId: z.number(),
  fileName: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  status: jobStatusSchema,
  stage: stageSchema.nullable(),
  progress: z.number(),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerLine: z.number().nullable(),
  carrier: z.string().nullable(),
  confidence: z.number().nullable(),
  timezone: z.string().nullable(),
  target: z.string().nullable(),
  counts: jobCountsSchema,
  attempts: z.number(),
  qualityScore: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Why a job waits for a reviewer (the first of the plan's reasons), for lists that show no plan. */
  reviewReason: z.string().nullable(),
  userId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobDto = z.infer<typeof jobDtoSchema>;
