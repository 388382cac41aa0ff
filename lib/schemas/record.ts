import { z } from "zod";
import { directionSchema, recordTypeSchema } from "./fields";

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "not an E.164 number");
const isoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "not a UTC ISO-8601 instant");

/** A normalized record as it is hashed, stored and exported. Optional fields are null when absent. */
export const canonicalRecordSchema = z.object({
  start_time: isoUtc,
  end_time: isoUtc.nullable(),
  duration_seconds: z.number().int().min(0).max(7 * 24 * 3600),
  caller: e164.nullable(),
  callee: e164.nullable(),
  direction: directionSchema.nullable(),
  record_type: recordTypeSchema,
  target: e164.nullable(),
  dialed_digits: z.string().max(64).nullable(),
  imei: z.string().max(32).nullable(),
  imsi: z.string().max(32).nullable(),
  cell_first: z.string().max(64).nullable(),
  cell_last: z.string().max(64).nullable(),
});
export type CanonicalRecord = z.infer<typeof canonicalRecordSchema>;

/** Keys in the fixed (sorted) order used for the content hash. */
export const RECORD_KEYS = Object.keys(canonicalRecordSchema.shape).sort() as (keyof CanonicalRecord)[];

/** What the error table stores for a row that could not be loaded. */
export const rowErrorSchema = z.object({
  line: z.number().int().min(0),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  raw: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

/** Stable error codes for rows. */
export const ROW_ERROR_CODES = [
  "missing_value",
  "invalid_phone",
  "invalid_date",
  "invalid_time",
  "invalid_duration",
  "invalid_record",
  "wrong_column_count",
  "line_too_long",
  "undecodable",
  "suppressed",
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
