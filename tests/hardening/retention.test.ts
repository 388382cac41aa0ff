import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { sweepRetention, type RetentionConfig } from "../../lib/jobs/retention";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { log } from "../../lib/log";
import { saveUploadStream } from "../../lib/storage/save-upload";
import { Readable } from "node:stream";
import { tempDataDir } from "../support/temp-db";

const tmp = tempDataDir("switchyard-retention-");
// The worker side finds the upload key and its work directory through DATA_DIR.
process.env.DATA_DIR = tmp.dir;
const db = getDb(tmp.databaseUrl);
log.level = "silent";
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});
const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);
const config = (days: number, deleteRecords: boolean): RetentionConfig => ({
  dataDir: tmp.dir,
  uploadsDir: path.join(tmp.dir, "uploads"),
  retentionDays: days,
  retentionDeleteRecords: deleteRecords,
  jobTimeoutMs: 3_600_000,
});
const csv = (year: number) =>
  "All times are UTC\nDate,Time,Calling Number,Called Number,Duration,Call Type\n" +
  Array.from({ length: 20 }, (_, i) => `02/28/${year},0${i % 10}:1${i % 6}:36 AM,1312930486${i % 10},1214343342${i % 10},${(i * 397) % 3000},mSTerminating\n`).join("");
const DAY = 86_400_000;

async function uploaded(year: number, ageDays: number) {
  const s = await saveUploadStream(Readable.from([Buffer.from(csv(year))]), path.join(tmp.dir, "uploads"), 1_000_000);
  const job = await createJob(db, { fileName: `${year}.csv`, storedPath: s.storedPath, sha256: s.sha256, sizeBytes: s.sizeBytes });
  await executeJob(db, tmp.databaseUrl, job.id, inline, silentJobEvents);
  await db.ingestionJob.update({ where: { id: job.id }, data: { createdAt: new Date(Date.now() - ageDays * DAY) } });
  return { jobId: job.id, storedPath: s.storedPath };
}

describe("retention", () => {
  it("removes expired uploads (keeping the job with a note), spares recent ones and files outside uploads/, and deletes records only when asked", async () => {
    const old = await uploaded(2020, 40);
    const recent = await uploaded(2021, 2);
    const cliFile = path.join(tmp.dir, "cli.csv");
    fs.writeFileSync(cliFile, csv(2019));
    const cli = await createJob(db, { fileName: "cli.csv", storedPath: cliFile, sha256: "x", sizeBytes: 1 });
    await executeJob(db, tmp.databaseUrl, cli.id, inline, silentJobEvents);
    await db.ingestionJob.update({ where: { id: cli.id }, data: { createdAt: new Date(Date.now() - 90 * DAY) } });
    expect(await db.callRecord.count({ where: { jobId: old.jobId } })).toBe(20);
    // A stale plaintext copy from a killed worker.
    fs.mkdirSync(path.join(tmp.dir, "work"), { recursive: true });
    const stale = path.join(tmp.dir, "work", "dead-job");
    fs.writeFileSync(stale, "plaintext");
    fs.utimesSync(stale, new Date(Date.now() - 3 * DAY), new Date(Date.now() - 3 * DAY));

    const first = await sweepRetention(db, config(30, false));
    expect(first).toEqual({ uploadsRemoved: 1, recordsDeleted: 0, workFilesRemoved: 1 });
    expect(fs.existsSync(old.storedPath)).toBe(false);
    expect(fs.existsSync(recent.storedPath)).toBe(true);
    expect(fs.existsSync(cliFile)).toBe(true);
    expect(fs.existsSync(stale)).toBe(false);
    const row = await db.ingestionJob.findUniqueOrThrow({ where: { id: old.jobId } });
    expect(row.status).toBe("completed");
    expect(row.errorMessage).toMatch(/^Upload removed by retention on \d{4}-\d{2}-\d{2}\.$/);
    expect(await db.callRecord.count({ where: { jobId: old.jobId } })).toBe(20);

    // Idempotent; then with RETENTION_DELETE_RECORDS the old jobs' records go (the CLI job's file stays).
    expect((await sweepRetention(db, config(30, false))).uploadsRemoved).toBe(0);
    const second = await sweepRetention(db, config(30, true));
    expect(second.recordsDeleted).toBe(40);
    expect(await db.callRecord.count({ where: { jobId: { in: [old.jobId, cli.id] } } })).toBe(0);
    expect(await db.callRecord.count({ where: { jobId: recent.jobId } })).toBe(20);
    expect(fs.existsSync(cliFile)).toBe(true);
    expect((await db.ingestionJob.findUniqueOrThrow({ where: { id: old.jobId } })).errorMessage).toMatch(/Records deleted by retention/);

    // A retry of a job whose upload is gone fails with a sentence.
    const retried = await executeJob(db, tmp.databaseUrl, old.jobId, inline, silentJobEvents);
    expect(retried?.error?.code).toBe("upload_missing");
    expect(await sweepRetention(db, config(0, false))).toEqual({ uploadsRemoved: 0, recordsDeleted: 0, workFilesRemoved: 0 });
  }, 60_000);
});
