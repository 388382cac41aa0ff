import path from "node:path";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgPool } from "../../lib/db/pg-connection";
import { getDb, type Db } from "../../lib/db/prisma";
import type { TaskRunner } from "../../lib/jobs/execute-job";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { PgBossQueue } from "../../lib/jobs/pg-boss-queue";
import { bossSchemaFor, DEAD_LETTER_QUEUE, INGEST_QUEUE, startBoss } from "../../lib/jobs/pg-boss-setup";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { cdrFixtures } from "../support/corpora";
import { tempPgSchema } from "../support/pg-test-db";

const dir = cdrFixtures();
const pgdb = await tempPgSchema("queue");
let db: Db;
let boss: PgBoss;
let lockPool: pg.Pool;
let queue: PgBossQueue;
const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

beforeAll(async () => {
  if (!pgdb) return;
  db = getDb(pgdb.databaseUrl);
  boss = await startBoss(pgdb.databaseUrl, { expireInSeconds: 60, superviseSeconds: 1 });
  lockPool = openPgPool(pgdb.databaseUrl, { max: 3 });
  queue = new PgBossQueue({ db, databaseUrl: pgdb.databaseUrl, boss, bossSchema: bossSchemaFor(pgdb.databaseUrl), events: silentJobEvents, lockPool, run: inline, concurrency: 1 });
});
afterAll(async () => {
  await queue?.close();
  await lockPool?.end();
  await db?.$disconnect();
  await pgdb?.cleanup();
});

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const queueJobs = async (name: string, key: string) =>
  (await boss.getDb().executeSql(`SELECT state FROM "${bossSchemaFor(pgdb!.databaseUrl)}".job WHERE name = $1 AND singleton_key = $2`, [name, key])).rows as { state: string }[];

describe.skipIf(!pgdb || !dir)("pg-boss queue (real PostgreSQL)", () => {
  it("enqueues in the job row's transaction: a rollback leaves neither the row nor the queue job", async () => {
    const file = path.join(dir!, "att-1.csv");
    await expect(db.$transaction(async (tx) => {
      await tx.ingestionJob.create({ data: { id: "rolled-back", fileName: "x", storedPath: file, sha256: "s", sizeBytes: 1n, status: "queued" } });
      const { fromPrisma } = await import("pg-boss");
      await boss.send(INGEST_QUEUE, { jobId: "rolled-back" }, { singletonKey: "rolled-back", db: fromPrisma(tx) });
      throw new Error("abort");
    })).rejects.toThrow("abort");
    expect(await db.ingestionJob.findUnique({ where: { id: "rolled-back" } })).toBeNull();
    expect(await queueJobs(INGEST_QUEUE, "rolled-back")).toEqual([]);
  });

  it("a committed job is consumed, loaded through COPY and completed; sending it again is refused while it waits", async () => {
    const job = await queue.createAndEnqueue({ fileName: "att-1.csv", storedPath: path.join(dir!, "att-1.csv"), sha256: "s", sizeBytes: 1 });
    expect((await queueJobs(INGEST_QUEUE, job.id)).length).toBe(1);
    await queue.enqueue(job.id); // exclusive policy: still one waiting job
    expect((await queueJobs(INGEST_QUEUE, job.id)).length).toBe(1);
    await queue.start();
    const done = await waitFor("job completed", async () => {
      const j = await db.ingestionJob.findUnique({ where: { id: job.id } });
      return j && ["completed", "partial", "failed"].includes(j.status) ? j : null;
    });
    expect(done.status).toBe("completed");
    expect(done.inserted).toBeGreaterThan(0);
    expect(await db.callRecord.count({ where: { jobId: job.id } })).toBe(done.inserted);
    expect(done.attempts).toBe(1);
  });

  it("a job pg-boss gives up on is marked failed with a reason (dead-letter queue)", async () => {
    await db.ingestionJob.create({ data: { id: "doomed", fileName: "x", storedPath: "/nonexistent", sha256: "s", sizeBytes: 1n, status: "processing" } });
    await boss.send(DEAD_LETTER_QUEUE, { jobId: "doomed" });
    const j = await waitFor("dead-lettered job failed", async () => {
      const r = await db.ingestionJob.findUnique({ where: { id: "doomed" } });
      return r?.status === "failed" ? r : null;
    });
    expect(j.errorCode).toBe("dead_letter");
    expect(j.errorMessage).toMatch(/abandoned after 4 attempts/);
  });
});
