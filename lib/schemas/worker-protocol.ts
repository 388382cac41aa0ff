import { z } from "zod";
import { jobCountsSchema, jobStatusSchema, stageSchema } from "./job";
import { layoutPlanSchema, mappingOverrideSchema } from "./mapping";
import { layoutTemplateSchema } from "./template";

/** Main thread → worker thread: everything one ingest needs; the worker opens its own DB connection. */
export const ingestTaskSchema = z.object({
  jobId: z.string(),
  filePath: z.string(),
  fileName: z.string(),
  databaseUrl: z.string(),
  templates: z.array(layoutTemplateSchema),
  override: mappingOverrideSchema.nullable(),
  privacyRules: z.array(
    z.object({ pattern: z.string(), kind: z.enum(["number", "prefix"]), action: z.enum(["mask", "suppress"]) }),
  ),
});
export type IngestTask = z.infer<typeof ingestTaskSchema>;

/** Worker → main thread over the MessagePort, throttled to ~10 per second. */
export const workerProgressSchema = z.object({
  type: z.literal("progress"),
  stage: stageSchema,
  percent: z.number(),
  bytesProcessed: z.number(),
  bytesTotal: z.number(),
  counts: jobCountsSchema,
  rowsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type WorkerProgress = z.infer<typeof workerProgressSchema>;

/** The worker's return value. */
export const ingestOutcomeSchema = z.object({
  status: jobStatusSchema,
  plan: layoutPlanSchema.nullable(),
  counts: jobCountsSchema,
  formatMismatch: z.string().nullable(),
  qualityScore: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  durationMs: z.number(),
});
export type IngestOutcome = z.infer<typeof ingestOutcomeSchema>;
