import { z } from "zod";
import { recordDtoFields } from "./record-fields";
import { jobDtoSchema, jobStatusSchema } from "./job";
import { layoutPlanSchema } from "./mapping";
import { caseIdSchema } from "./case";
import { directionSchema, recordTypeSchema } from "./fields";

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

/** An IMEI or IMSI as a person types it: digits (MEIDs: hex), spaces, dashes and dots between them are ignored. */
const deviceIdQuery = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^[0-9a-f]{1,32}$/i.test(v.replace(/[\s.-]/g, "")), { error: `${what} must be its digits (spaces, dashes and dots are ignored), at most 32 of them.` });
const durationQuery = z.coerce
  .number({ error: "A duration is a whole number of seconds." })
  .int("A duration is a whole number of seconds.")
  .min(0, "A duration cannot be negative.");

/**
 * The query parameters a records list or export takes: ones it does not know are refused (400,
 * naming them) rather than ignored, so a misspelt filter never returns every record.
 */
const unknownQueryParameter = (iss: { code?: string; keys?: string[]; inst?: unknown }) => {
  if (iss.code !== "unrecognized_keys" || !iss.keys) return undefined;
  const known = Object.keys((iss.inst as { _zod?: { def?: { shape?: object } } })?._zod?.def?.shape ?? {});
  const names = iss.keys.map((k) => `"${k}"`).join(", ");
  const hint = iss.keys.includes("case") ? " The case is named by caseId." : "";
  return `Unknown query parameter${iss.keys.length > 1 ? "s" : ""} ${names}; the known ones are ${known.join(", ")}.${hint}`;
};

/** GET /api/records' filters and paging, before the cross-field check (the export derives its own from this). */
export const recordListQueryObject = z
  .object(
    {
      caseId: caseIdSchema.optional(),
      jobId: z.string().optional(),
      /** Show the linked duplicate legs too (hidden by default: they would count a call twice). */
      includeDuplicates: queryFlag.default(false),
      number: z.string().optional(),
      imei: deviceIdQuery("An IMEI").optional(),
      imsi: deviceIdQuery("An IMSI").optional(),
      /** A cell id: the record's first or last cell. */
      cell: z.string().trim().min(1).max(64).optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      type: recordTypeSchema.optional(),
      direction: directionSchema.optional(),
      /** Seconds, inclusive; records without a duration never match a duration filter. */
      minDuration: durationQuery.optional(),
      maxDuration: durationQuery.optional(),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(100),
    },
    { error: unknownQueryParameter },
  )
  .strict();

/** minDuration ≤ maxDuration, said in a sentence. */
export function durationRangeOk(q: { minDuration?: number | undefined; maxDuration?: number | undefined }): boolean {
  return q.minDuration === undefined || q.maxDuration === undefined || q.minDuration <= q.maxDuration;
}
export const DURATION_RANGE = { path: ["minDuration"], error: "minDuration must not be greater than maxDuration: no record could match." };

export const recordListQuerySchema = recordListQueryObject.refine(durationRangeOk, DURATION_RANGE);
export const recordListResponseSchema = z.object({ records: z.array(recordDtoSchema), total: z.number() });
export type RecordListResponse = z.infer<typeof recordListResponseSchema>;

/**
 * Every API error body: a stable code and a sentence a person understands; `details` only where an
 * error carries structure, e.g. a refused mapping's `{problems: [{code, on, message}]}`.
 */
export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
export type ApiError = z.infer<typeof apiErrorSchema>;
