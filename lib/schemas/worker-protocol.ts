import { z } from "zod";
import { jobCountsSchema, jobStatusSchema, stageSchema } from "./job";
import { layoutPlanSchema, mappingOverrideSchema, regionSchema } from "./mapping";
import { layoutTemplateSchema } from "./template";
import { rowErrorSchema } from "./record";
import { ingestErrorCodeSchema } from "./job-errors";

/** Main thread → worker thread: everything one ingest needs; the worker opens its own DB connection. */
export const ingestTaskSchema = z.object({
  jobId: z.string(),
  /** The job's case: records are deduplicated against this case's records only. */
  caseId: z.number().int(),
  filePath: z.string(),
  fileName: z.string(),
  databaseUrl: z.string(),
  templates: z.array(layoutTemplateSchema),
  override: mappingOverrideSchema.nullable(),
  /** The case's region for national numbers (used when neither the file, its carrier nor a template says). */
  caseRegion: regionSchema.nullable().optional(),
  privacyRules: z.array(z.object({ pattern: z.string(), kind: z.enum(["number", "prefix"]), action: z.enum(["mask", "suppress"]) })),
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

/**
 * Row producer (a thread the ingest worker starts for large files, see threaded-producer.ts):
 * its input, and the messages it sends back. It plans the file, then sends one batch per credit
 * the writer grants, so at most a few batches are ever in flight (memory stays flat).
 */
export const producerInputSchema = z.object({
  filePath: z.string(),
  fileName: z.string(),
  templates: z.array(layoutTemplateSchema),
  override: mappingOverrideSchema.nullable().optional(),
  caseRegion: regionSchema.nullable().optional(),
  privacyRules: ingestTaskSchema.shape.privacyRules.optional(),
  allowFormatMismatch: z.boolean().optional(),
  /**
   * The SQLite database the job loads into and the job's case: the producer drops records the case
   * already holds there (StoredHashFilter); `fingerprints`, the buffer in which the job's producers
   * share the case's hashes when they read them into memory (StoredHashFingerprints).
   */
  storedHashes: z.object({ file: z.string(), caseId: z.number().int(), fingerprints: z.instanceof(SharedArrayBuffer).optional() }).optional(),
});
export type ProducerInput = z.infer<typeof producerInputSchema>;

/**
 * Writer → producer, first of all: the file to plan. A producer thread is started before it has a
 * job (a spare, see producer-thread.ts), so its modules are loaded by the time the input comes.
 */
export const producerStartSchema = z.object({ type: z.literal("start"), input: producerInputSchema });
export type ProducerStart = z.infer<typeof producerStartSchema>;

const recordValuesSchema = z.custom<(string | number | null)[]>((v) => Array.isArray(v), "record values must be an array");
export const producerMessageSchema = z.discriminatedUnion("type", [
  // `rangeable`: the source can be parsed in byte ranges by several producers (see RangeReader).
  z.object({ type: z.literal("planned"), plan: layoutPlanSchema, formatMismatch: z.string().nullable(), bytesTotal: z.number(), rangeable: z.boolean() }),
  // Range mode frames each range's batches; line numbers inside count from 1 at the range's start.
  z.object({ type: z.literal("range-start"), index: z.number().int(), start: z.number() }),
  z.object({ type: z.literal("range-end"), index: z.number().int(), end: z.number(), lines: z.number().int() }),
  z.object({
    type: z.literal("batch"),
    // Checked shallowly: validating 150,000 values per batch would cost more than moving them.
    batch: z.object({
      rows: z.number(),
      count: z.number(),
      values: recordValuesSchema,
      stored: z.number().int().min(0).optional(),
      errors: z.array(rowErrorSchema),
      bytesRead: z.number(),
    }),
  }),
  z.object({ type: z.literal("end") }),
  z.object({ type: z.literal("failed"), code: ingestErrorCodeSchema, message: z.string() }),
]);
export type ProducerMessage = z.infer<typeof producerMessageSchema>;

/**
 * Writer → producer. After planning the producer waits for what to read: the whole source; range
 * `index` of `rangeBytes` (orders queue up and are read in turn); or one range from byte `start`
 * to the end (the fallback when a quoted cell spanned two ranges). `credit` grants `n` more batches.
 */
export const producerCommandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("credit"), n: z.number().int().positive() }),
  z.object({ type: z.literal("read-all") }),
  z.object({ type: z.literal("read-range"), index: z.number().int().min(0), rangeBytes: z.number().int().positive() }),
  z.object({ type: z.literal("read-from"), start: z.number().int().min(0) }),
]);
export type ProducerCommand = z.infer<typeof producerCommandSchema>;
