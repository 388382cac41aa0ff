import fs from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../config";
import type { Db } from "../db/prisma";
import { log } from "../log";
import { databaseUrlOf, purgeJob } from "./purge-job";
import { isStoredUpload, removeUpload as removeStoredUpload } from "../storage/upload-store";

/**
 * Retention: uploads older than RETENTION_DAYS are deleted from DATA_DIR/uploads (only files
 * the server stored there; a CLI-ingested file elsewhere is never touched). The job row stays,
 * with a note "Upload removed by retention on <date>"; with RETENTION_DELETE_RECORDS the job's
 * records and row errors go too, and its case's contacts and gaps are recomputed without them
 * (purge-job.ts). Jobs still queued or processing are left alone. The sweep also removes
 * plaintext work copies left behind by a worker that was killed mid-job.
 */
export type RetentionConfig = Pick<AppConfig, "dataDir" | "uploadsDir" | "retentionDays" | "retentionDeleteRecords" | "jobTimeoutMs"> & {
  /** The database `db` is on (default: the URL it was opened with by getDb). */
  databaseUrl?: string;
};

export interface RetentionResult {
  uploadsRemoved: number;
  recordsDeleted: number;
  workFilesRemoved: number;
}

const NOTE = "Upload removed by retention on";
const RECORDS_NOTE = "Records deleted by retention on";
const BATCH = 200;
const DAY_MS = 86_400_000;

export async function sweepRetention(db: Db, config: RetentionConfig, now = new Date()): Promise<RetentionResult> {
  const result: RetentionResult = { uploadsRemoved: 0, recordsDeleted: 0, workFilesRemoved: await sweepWorkDir(config, now) };
  if (config.retentionDays <= 0) return result;
  const cutoff = new Date(now.getTime() - config.retentionDays * DAY_MS);
  const day = now.toISOString().slice(0, 10);
  let cursor: string | undefined;
  for (;;) {
    const jobs = await db.ingestionJob.findMany({
      where: { createdAt: { lt: cutoff }, status: { notIn: ["queued", "processing", "pending"] }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, storedPath: true, errorCode: true, errorMessage: true },
    });
    if (jobs.length === 0) break;
    cursor = jobs[jobs.length - 1]!.id;
    for (const job of jobs) {
      const message = job.errorMessage ?? "";
      const removeUpload = !message.includes(NOTE) && isStoredUpload(job.storedPath, config.uploadsDir);
      const deleteRecords = config.retentionDeleteRecords && !message.includes(RECORDS_NOTE);
      if (!removeUpload && !deleteRecords) continue;
      const notes: string[] = [];
      if (removeUpload) {
        await removeStoredUpload(job.storedPath);
        result.uploadsRemoved++;
        notes.push(`${NOTE} ${day}.`);
      }
      if (deleteRecords) {
        result.recordsDeleted += await deleteJobData(db, config.databaseUrl ?? databaseUrlOf(db), job.id);
        notes.push(`${RECORDS_NOTE} ${day}.`);
      }
      const note = notes.join(" ");
      await db.ingestionJob.update({
        where: { id: job.id },
        // No note field in the schema: a job without an error gets the note as its message; an error message gets it appended.
        data: job.errorCode ? { errorMessage: `${message} ${note}`.trim() } : { errorCode: "upload_removed", errorMessage: note },
      });
    }
  }
  if (result.uploadsRemoved > 0 || result.recordsDeleted > 0) log.info({ ...result, cutoff }, "retention sweep");
  return result;
}

/** The job's records and errors, with its share of its case's contacts and gaps (purge-job.ts); returns how many records went. */
async function deleteJobData(db: Db, databaseUrl: string, jobId: string): Promise<number> {
  const records = await db.callRecord.count({ where: { jobId } });
  await purgeJob(databaseUrl, jobId);
  return records;
}

/** Plaintext copies older than a job can run (plus an hour) belong to no live worker. */
async function sweepWorkDir(config: RetentionConfig, now: Date): Promise<number> {
  const dir = path.join(config.dataDir, "work");
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const st = await fs.stat(file).catch(() => null);
    if (st && now.getTime() - st.mtimeMs > config.jobTimeoutMs + 3_600_000) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Runs the sweep soon after start and then hourly; the timer never keeps the process alive. */
export function startRetentionTimer(db: Db, config: RetentionConfig, everyMs = 3_600_000): () => void {
  const run = () => void sweepRetention(db, config).catch((err: unknown) => log.error({ err }, "retention sweep failed"));
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
