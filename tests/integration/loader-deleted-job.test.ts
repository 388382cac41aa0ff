import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb } from "../../lib/db/prisma";
import { SqliteRecordSink } from "../../lib/db/sqlite-record-sink";
import { createJob } from "../../lib/jobs/job-commands";
import { syntheticBatch } from "../support/record-batch";
import { tempDataDir } from "../support/temp-db";

/**
 * The loader's own connection runs without per-row foreign-key checks (sqlite-record-sink.ts) and
 * checks the job once per commit instead. A job deleted while its file loads (cancel, then delete)
 * must still end with no orphan records, and the loader must stop with a sentence. The same
 * per-commit hook stores the job's progress (nobody else can write the job row during a load).
 */
const tmp = tempDataDir("switchyard-deleted-job-");
const db = getDb(tmp.databaseUrl);
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

const batch = syntheticBatch;

const storedRecords = (jobId: string) => {
  const read = openSqlite(tmp.databaseUrl.slice(5));
  const n = read.prepare(`SELECT count(*) FROM call_records WHERE job_id = ?`).pluck().get(jobId) as number;
  read.close();
  return n;
};

const jobProgress = (jobId: string) => {
  const read = openSqlite(tmp.databaseUrl.slice(5));
  const row = read.prepare(`SELECT stage, progress, bytes_processed, rows_read, inserted FROM ingestion_jobs WHERE id = ?`).get(jobId);
  read.close();
  return row;
};

/** A job row and a loader on its own connection, begun as the worker begins one. */
async function startLoad(fileName: string) {
  const job = await createJob(db, { fileName, storedPath: "/nonexistent", sha256: "t", sizeBytes: 1 });
  const sink = new SqliteRecordSink(openSqlite(tmp.databaseUrl.slice(5)), job.id, job.caseId, true);
  await sink.begin("att");
  return { job, sink };
}

describe("a job deleted while its records load", () => {
  it("keeps no orphan records and fails the load as job_deleted", async () => {
    const { job, sink } = await startLoad("gone.csv");
    expect(await sink.insertRecords(batch(0, 120))).toBe(120);
    await sink.commit();
    expect(storedRecords(job.id)).toBe(120);

    // Another connection deletes the job (the cascade removes what was committed so far).
    await db.ingestionJob.delete({ where: { id: job.id } });
    expect(storedRecords(job.id)).toBe(0);

    // The next batch is written inside the loader's transaction, but its commit refuses.
    await expect(
      (async () => {
        await sink.insertRecords(batch(120, 80));
        await sink.commit();
      })(),
    ).rejects.toMatchObject({ code: "job_deleted" });
    await sink.close();
    expect(storedRecords(job.id)).toBe(0);
  });

  it("stores the job's progress with its own commits", async () => {
    const { job, sink } = await startLoad("progress.csv");
    const tick = {
      stage: "load" as const,
      percent: 40,
      bytesProcessed: 4000,
      bytesTotal: 10000,
      counts: { rows: 100, inserted: 100, duplicates: 0, rejected: 0 },
      rowsPerSecond: null,
      etaSeconds: null,
    };
    sink.noteProgress(tick);
    expect(jobProgress(job.id)).toMatchObject({ stage: null, rows_read: 0 });
    expect(await sink.insertRecords(batch(2000, 100))).toBe(100);
    await sink.commit();
    expect(jobProgress(job.id)).toMatchObject({ stage: "load", progress: 40, bytes_processed: 4000, rows_read: 100, inserted: 100 });
    // Stored once: a commit with no newer tick leaves the row alone.
    await sink.insertRecords(batch(2100, 10));
    await sink.commit();
    expect(jobProgress(job.id)).toMatchObject({ rows_read: 100 });
    await sink.finish();
    await sink.close();
  });

  it("loads normally while the job exists", async () => {
    const { job, sink } = await startLoad("kept.csv");
    expect(await sink.insertRecords(batch(1000, 50))).toBe(50);
    await sink.finish();
    await sink.close();
    expect(storedRecords(job.id)).toBe(50);
  });
});
