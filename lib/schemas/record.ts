import { z } from "zod";
import { HASHED_FIELD_NAMES, recordShape } from "./record-fields";

/** A normalized record as it is hashed, stored and exported (fields: record-fields.ts). Optional fields are null when absent. */
export const canonicalRecordSchema = z.object(recordShape);
export type CanonicalRecord = z.infer<typeof canonicalRecordSchema>;

/** The hashed keys in the fixed (sorted) order of the content hash (the party kind/raw columns are hashed only for parties without an E.164 form; see hash-record.ts). */
export const RECORD_KEYS = HASHED_FIELD_NAMES as (keyof CanonicalRecord)[];

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
