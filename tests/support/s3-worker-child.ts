/**
 * A worker node in its own process (spawned by tests/hardening/s3-storage.test.ts): it runs one
 * queued job through the job executor, reading the upload from object storage (STORAGE_URL and
 * the S3 variables in its environment; its DATA_DIR is its own, shared with nobody), and prints the
 * outcome as one JSON line.
 */
import { getDb } from "../../lib/db/prisma";
import { executeJob } from "../../lib/jobs/execute-job";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  const jobId = process.argv[2]!;
  const db = getDb(databaseUrl);
  const outcome = await executeJob(db, databaseUrl, jobId, (task, onProgress) => runIngestTask(task, onProgress), silentJobEvents);
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ outcome })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`worker child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
