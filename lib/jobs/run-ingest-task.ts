import { parseDatabaseUrl } from "../db/database-url";
import { openSqlite } from "../db/open-sqlite";
import { SqliteRecordSink } from "../db/sqlite-record-sink";
import { openPgRecordSink } from "../db/pg-open-sink";
import type { RecordSink } from "../ingest/pipeline/record-sink";
import { ingestFile } from "../ingest/pipeline/ingest-file";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import type { IngestOutcome, IngestTask } from "../schemas/worker-protocol";

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
  const target = parseDatabaseUrl(task.databaseUrl);
  // Scale-out: a postgres:// URL loads through COPY (pg-record-sink.ts); SQLite stays the default.
  const sink: RecordSink = target.kind === "postgres"
    ? await openPgRecordSink(task.databaseUrl, task.jobId)
    : new SqliteRecordSink(openSqlite(target.file), task.jobId, true);
  try {
    const result = await ingestFile(
      {
        filePath: task.filePath,
        fileName: task.fileName,
        templates: task.templates,
        override: task.override,
        privacyRules: task.privacyRules,
        onProgress,
        isCancelled,
      },
      sink,
    );
    return { ...result, durationMs: Date.now() - started };
  } finally {
    await sink.close();
  }
}
