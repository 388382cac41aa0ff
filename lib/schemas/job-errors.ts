import { z } from "zod";

/**
 * Why a file failed, as a stable code (the message says it in words). The pipeline throws the
 * first group (IngestError); the job layer adds the rest. Clients may branch on these codes.
 */
export const INGEST_ERROR_CODES = [
  "binary_file",
  "cell_too_large",
  "corrupt_workbook",
  "empty_file",
  "encrypted_file",
  "event_log",
  "format_mismatch",
  "invalid_json",
  "job_deleted",
  "json_too_deep",
  "json_too_large",
  "no_rows",
  "no_table",
  "out_of_memory",
  "parse_timeout",
  "pdf_encrypted",
  "pdf_no_table",
  "pdf_unreadable",
  "too_many_columns",
  "unknown_timezone",
  "unsupported_archive",
  "unsupported_format",
  "workbook_too_large",
  "zip_bomb",
  "zip_too_many_parts",
  "internal_error",
] as const;
export const ingestErrorCodeSchema = z.enum(INGEST_ERROR_CODES);
export type IngestErrorCode = z.infer<typeof ingestErrorCodeSchema>;

/** Failures decided outside the pipeline: the worker, the queue, the stored upload. */
export const JOB_FAILURE_CODES = ["worker_crashed", "job_timeout", "dead_letter", "upload_missing", "upload_unreadable"] as const;
export type JobFailureCode = (typeof JOB_FAILURE_CODES)[number];

/** Every code a job's `error` can carry: failures (one is a file whose every row was rejected), a cancel, and a partial load's "rows_rejected". */
export type JobErrorCode = IngestErrorCode | JobFailureCode | "all_rows_rejected" | "cancelled" | "rows_rejected";
