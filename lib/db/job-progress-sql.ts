import type { ProgressTick } from "../ingest/pipeline/progress-meter";

/**
 * A running job's progress columns, as both SQLite writers of them set them (progress-writer.ts,
 * sqlite-record-sink.ts). Never on a cancelled job: its counts are zero once its records are purged,
 * and a late tick must not bring them back.
 */
export const JOB_PROGRESS_SQL = `UPDATE ingestion_jobs SET stage = ?, progress = ?, bytes_processed = ?, rows_read = ?, inserted = ?, duplicates = ?, rejected = ?, updated_at = ? WHERE id = ? AND status <> 'cancelled'`;

/** The parameters of JOB_PROGRESS_SQL; updated_at as Prisma's SQLite adapter writes DateTime (ISO 8601 with an explicit offset). */
export function jobProgressParams(jobId: string, t: ProgressTick): (string | number)[] {
  const now = new Date().toISOString().replace("Z", "+00:00");
  return [t.stage, t.percent, Math.round(t.bytesProcessed), t.counts.rows, t.counts.inserted, t.counts.duplicates, t.counts.rejected, now, jobId];
}
