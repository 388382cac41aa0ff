import { parseDatabaseUrl } from "../db/database-url";
import { openSqlite } from "../db/open-sqlite";
import { SqliteRecordSink } from "../db/sqlite-record-sink";
import { openPgRecordSink } from "../db/pg-open-sink";
import { StoredHashFingerprints } from "../db/stored-hash-fingerprints";
import type { RecordSink } from "../ingest/pipeline/record-sink";
import { ingestFile } from "../ingest/pipeline/ingest-file";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import type { IngestOutcome, IngestTask } from "../schemas/worker-protocol";
import { loadConfig } from "../config";
import { log } from "../log";
import { openPlaintext, unreadableUploadOutcome, type Plaintext } from "../security/plaintext-copy";
import { purgeJob } from "./purge-job";

/**
 * Runs one ingest task against its own database connection, into the task's case. The worker
 * thread calls this; so does the CLI, in-process. `isCancelled` is polled between batches (and the
 * SQLite loader also stops at its next commit once the job row says cancelled). A task that ends
 * cancelled — stopped mid-load, or cancelled during its post-load — removes everything it stored
 * before it returns, here in the worker thread (purge-job.ts): the server's own purge after it
 * (execute-job.ts) then finds nothing left.
 */
export async function runIngestTask(task: IngestTask, onProgress: (tick: ProgressTick) => void, isCancelled: () => boolean = () => false): Promise<IngestOutcome> {
  const started = Date.now();
  // Uploads are stored encrypted: a private plaintext copy exists only until this task ends.
  let plain: Plaintext;
  try {
    plain = await openPlaintext(task.filePath, loadConfig().dataDir, task.jobId);
  } catch (err) {
    return unreadableUploadOutcome(err, Date.now() - started);
  }
  const decryptedMs = Date.now() - started;
  const target = parseDatabaseUrl(task.databaseUrl);
  // Scale-out: a postgres:// URL loads through COPY (pg-record-sink.ts); SQLite stays the default.
  let sink: RecordSink;
  try {
    sink =
      target.kind === "postgres" ? await openPgRecordSink(task.databaseUrl, task.jobId, task.caseId) : new SqliteRecordSink(openSqlite(target.file), task.jobId, task.caseId, true);
  } catch (err) {
    await plain.dispose();
    throw err;
  }
  let closed = false;
  try {
    const result = await ingestFile(
      {
        filePath: plain.path,
        fileName: task.fileName,
        templates: task.templates,
        override: task.override,
        caseRegion: task.caseRegion ?? null,
        privacyRules: task.privacyRules,
        allowFormatMismatch: loadConfig().formatMismatch === "read",
        // One buffer for the producers' shared table of stored hashes (untouched, it takes no memory).
        storedHashes: target.kind === "sqlite" ? { file: target.file, caseId: task.caseId, fingerprints: StoredHashFingerprints.sharedBuffer() } : undefined,
        onProgress,
        isCancelled,
      },
      sink,
    );
    log.debug({ jobId: task.jobId, decryptMs: decryptedMs, ...result.timings }, "ingest timings");
    if (result.status === "cancelled" || isCancelled()) {
      await sink.close();
      closed = true;
      await purgeJob(task.databaseUrl, task.jobId);
      return { ...cancelledOutcome(result.plan, result.formatMismatch), durationMs: Date.now() - started };
    }
    if (result.status === "failed" && result.counts.rows === 0) {
      // A file refused mid-load (a zip bomb caught while inflating, a cell past the cap) reports
      // zero rows: remove whatever batches were committed before the refusal, so records and
      // counts agree.
      await sink.close();
      closed = true;
      await purgeJob(task.databaseUrl, task.jobId);
    }
    return { ...result, durationMs: Date.now() - started };
  } finally {
    if (!closed) await sink.close();
    await plain.dispose();
  }
}

/** A cancelled job's outcome: nothing of it is kept, whatever it had counted. */
function cancelledOutcome(plan: IngestOutcome["plan"], formatMismatch: string | null): Omit<IngestOutcome, "durationMs"> {
  return {
    status: "cancelled",
    plan,
    counts: { rows: 0, inserted: 0, duplicates: 0, rejected: 0 },
    formatMismatch,
    qualityScore: null,
    error: { code: "cancelled", message: "The job was cancelled." },
  };
}
