import { z } from "zod";
import { recordDtoFields } from "./record-fields";
import { jobDtoSchema, jobStatusSchema } from "./job";
import { layoutPlanSchema } from "./mapping";
import { caseIdSchema } from "./case";

/** HTTP contract of the ingestion API. Route handlers parse with these; the client types its fetches with them. */

export const uploadResponseSchema = z.object({
  /** The case the files went into. */
  caseId: z.number(),
  jobs: z.array(z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number(), sha256: z.string(), caseId: z.number() })),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

export const jobListQuerySchema = z.object({
  caseId: caseIdSchema.optional(),
  status: jobStatusSchema.optional(),
  carrier: z.string().optional(),
  userId: z.string().optional(),
  from: z.string().date().or(z.string().datetime()).optional(),
  to: z.string().date().or(z.string().datetime()).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const jobListResponseSchema = z.object({ jobs: z.array(jobDtoSchema), total: z.number() });
export type JobListResponse = z.infer<typeof jobListResponseSchema>;

export const errorDtoSchema = z.object({
  id: z.number(),
  jobId: z.string(),
  line: z.number(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  raw: z.string(),
});
export type ErrorDto = z.infer<typeof errorDtoSchema>;

export const jobDetailResponseSchema = z.object({
  job: jobDtoSchema,
  plan: layoutPlanSchema.nullable(),
  errors: z.array(errorDtoSchema),
});
export type JobDetailResponse = z.infer<typeof jobDetailResponseSchema>;

export const errorListQuerySchema = z.object({
  caseId: caseIdSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  code: z.string().optional(),
  field: z.string().optional(),
});
export const errorListResponseSchema = z.object({ errors: z.array(errorDtoSchema), total: z.number() });
export type ErrorListResponse = z.infer<typeof errorListResponseSchema>;

/**
 * A stored record as the API returns it: the field table's columns (record-fields.ts; types as
 * stored, since a privacy mask makes a number no longer E.164), plus where it came from.
 */
export const recordDtoSchema = z.object({
  id: z.number(),
  jobId: z.string(),
  ...recordDtoFields,
  /** The record this one repeats (the other leg or carrier's report of the same call); null for the one that counts. */
  duplicate_of: z.number().nullable(),
  carrier: z.string().nullable(),
  source_file: z.string(),
  source_line: z.number(),
});
export type RecordDto = z.infer<typeof recordDtoSchema>;

/** "1"/"true" and "0"/"false" as query-string booleans (z.coerce.boolean would read "0" as true). */
const queryFlag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");

export const recordListQuerySchema = z.object({
  caseId: caseIdSchema.optional(),
  jobId: z.string().optional(),
  /** Show the linked duplicate legs too (hidden by default: they would count a call twice). */
  includeDuplicates: queryFlag.default(false),
  number: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  type: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const recordListResponseSchema = z.object({ records: z.array(recordDtoSchema), total: z.number() });
export type RecordListResponse = z.infer<typeof recordListResponseSchema>;

/** Every API error body: a stable code and a sentence a person understands. */
/** `details` only where an error carries structure, e.g. a refused mapping's `{problems: [{code, on, message}]}`. */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
export type ApiError = z.infer<typeof apiErrorSchema>;
