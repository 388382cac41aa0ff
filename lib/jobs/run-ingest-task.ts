import { parseDatabaseUrl } from "../db/database-url";
import { openSqlite } from "../db/open-sqlite";
import { SqliteRecordSink } from "../db/sqlite-record-sink";
import { openPgRecordSink } from "../db/pg-open-sink";
import type { RecordSink } from "../ingest/pipeline/record-sink";
import { ingestFile } from "../ingest/pipeline/ingest-file";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import type { IngestOutcome, IngestTask } from "../schemas/worker-protocol";
import { loadConfig } from "../config";
import { log } from "../log";
import { openPlaintext, unreadableUploadOutcome, type Plaintext } from "../security/plaintext-copy";

/**
 * Runs one ingest task against its own database connection. The worker thread calls this; so
 * does the CLI, in-process. `isCancelled` is polled between batches.
 */
export async function runIngestTask(
  task: IngestTask,
  onProgress: (tick: ProgressTick) => void,
  isCancelled: () => boolean = () => false,
): Promise<IngestOutcome> {
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
    sink = target.kind === "postgres"
      ? await openPgRecordSink(task.databaseUrl, task.jobId)
      : new SqliteRecordSink(openSqlite(target.file), task.jobId, true);
  } catch (err) {
    await plain.dispose();
    throw err;
  }
  try {
    const result = await ingestFile(
      {
        filePath: plain.path,
        fileName: task.fileName,
        templates: task.templates,
        override: task.override,
        privacyRules: task.privacyRules,
        allowFormatMismatch: loadConfig().formatMismatch === "read",
        storedHashesFile: target.kind === "sqlite" ? target.file : undefined,
        onProgress,
        isCancelled,
      },
      sink,
    );
    log.debug({ jobId: task.jobId, decryptMs: decryptedMs, ...result.timings }, "ingest timings");
    return { ...result, durationMs: Date.now() - started };
  } finally {
    await sink.close();
    await plain.dispose();
  }
}
