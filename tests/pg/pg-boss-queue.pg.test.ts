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
let caseId: number;
const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

beforeAll(async () => {
  if (!pgdb) return;
  db = getDb(pgdb.databaseUrl);
  caseId = (await db.case.create({ data: { name: "queue" } })).id;
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
    await expect(
      db.$transaction(async (tx) => {
        await tx.ingestionJob.create({ data: { id: "rolled-back", caseId, fileName: "x", storedPath: file, sha256: "s", sizeBytes: 1n, status: "queued" } });
        const { fromPrisma } = await import("pg-boss");
        await boss.send(INGEST_QUEUE, { jobId: "rolled-back" }, { singletonKey: "rolled-back", db: fromPrisma(tx) });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.ingestionJob.findUnique({ where: { id: "rolled-back" } })).toBeNull();
    expect(await queueJobs(INGEST_QUEUE, "rolled-back")).toEqual([]);
  });

  it("a committed job is consumed, loaded through COPY and completed; sending it again is refused while it waits", async () => {
    const job = await queue.createAndEnqueue({ caseId, fileName: "att-1.csv", storedPath: path.join(dir!, "att-1.csv"), sha256: "s", sizeBytes: 1 });
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
    await db.ingestionJob.create({ data: { id: "doomed", caseId, fileName: "x", storedPath: "/nonexistent", sha256: "s", sizeBytes: 1n, status: "processing" } });
    await boss.send(DEAD_LETTER_QUEUE, { jobId: "doomed" });
    const j = await waitFor("dead-lettered job failed", async () => {
      const r = await db.ingestionJob.findUnique({ where: { id: "doomed" } });
      return r?.status === "failed" ? r : null;
    });
    expect(j.errorCode).toBe("dead_letter");
    expect(j.errorMessage).toMatch(/abandoned after 4 attempts/);
  });
  it("a job cancelled after its worker was killed mid-file: the redelivery purges what the killed attempt stored", async () => {
    await db.ingestionJob.create({
      data: { id: "killed-then-cancelled", caseId, fileName: "x", storedPath: "/nonexistent", sha256: "s", sizeBytes: 1n, status: "processing", attempts: 1 },
    });
    // What a killed attempt leaves: some records, a row error, and the contacts of its target.
    await lockPool.query(
      `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, duration_seconds, caller, callee, record_type, target)
       SELECT 'killed-then-cancelled', $1, 'k' || i, i, '2023-05-01T00:00:' || lpad(i::text, 2, '0') || 'Z', 10, '+13125550100', '+13125550101', 'voice', '+13125550100'
         FROM generate_series(1, 20) AS i`,
      [caseId],
    );
    await lockPool.query(`INSERT INTO ingestion_errors (job_id, line, code, message, raw) VALUES ('killed-then-cancelled', 21, 'x', 'x', 'x')`);
    await lockPool.query(
      `INSERT INTO contacts (case_id, target, number, first_seen, last_seen, calls) VALUES ($1, '+13125550100', '+13125550101', '2023-05-01T00:00:01Z', '2023-05-01T00:00:20Z', 20)`,
      [caseId],
    );
    await db.ingestionJob.update({ where: { id: "killed-then-cancelled" }, data: { status: "cancelled" } });
    await queue.enqueue("killed-then-cancelled"); // the redelivery
    await waitFor(
      "the partial load purged",
      async () => (await lockPool.query(`SELECT COUNT(*)::int AS n FROM call_records WHERE job_id = 'killed-then-cancelled'`)).rows[0].n === 0,
    );
    expect((await lockPool.query(`SELECT COUNT(*)::int AS n FROM ingestion_errors WHERE job_id = 'killed-then-cancelled'`)).rows[0].n).toBe(0);
    expect((await lockPool.query(`SELECT COUNT(*)::int AS n FROM contacts WHERE case_id = $1 AND target = '+13125550100'`, [caseId])).rows[0].n).toBe(0);
    expect((await db.ingestionJob.findUniqueOrThrow({ where: { id: "killed-then-cancelled" } })).status).toBe("cancelled");
  });
});
