import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { createWorkerPool, poolTaskRunner } from "../../lib/jobs/worker-pool";
import { log } from "../../lib/log";
import { tempDataDir } from "../support/temp-db";

/**
 * A hostile file can exhaust a worker thread's heap or hold it forever; either must fail that
 * one job with a sentence while the process, the pool and the database carry on.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = tempDataDir("switchyard-isolation-");
const db = getDb(tmp.databaseUrl);
log.level = "silent";
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

const CLEAN_CSV =
  "All times are UTC\nDate,Time,Calling Number,Called Number,Duration,Call Type\n" +
  Array.from({ length: 40 }, (_, i) => `02/28/2023,0${i % 10}:1${i % 6}:36 AM,1312930486${i % 10},1214343342${i % 10},${(i * 397) % 3000},mSTerminating\n`).join("");

async function ingest(run: TaskRunner, name: string, file: string) {
  const job = await createJob(db, { fileName: name, storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size });
  const outcome = await executeJob(db, tmp.databaseUrl, job.id, run, silentJobEvents);
  return { outcome: outcome!, row: await db.ingestionJob.findUniqueOrThrow({ where: { id: job.id } }) };
}

describe("worker isolation", () => {
  it("a worker that runs out of heap fails only its job; the next job loads on a fresh worker", async () => {
    // 64 MB of heap. A JSON document holding one 100 MB string is refused before it is read
    // (one allocation that size past a worker's cap would take the whole process down), and
    // 600,000 tiny records (6 MB of text, far more in objects) exhaust the heap step by step.
    const pool = createWorkerPool(1, 64);
    const run = poolTaskRunner(pool, 60_000);
    try {
      const bomb = path.join(tmp.dir, "bomb.json");
      const fd = fs.openSync(bomb, "w");
      fs.writeSync(fd, '[{"Calling Number":"+13125550100","Note":"');
      const block = Buffer.alloc(1024 * 1024, 0x78);
      for (let i = 0; i < 100; i++) fs.writeSync(fd, block);
      fs.writeSync(fd, '"}]');
      fs.closeSync(fd);
      const refused = await ingest(run, "bomb.json", bomb);
      expect(refused.row.status).toBe("failed");
      expect(refused.row.errorCode).toBe("json_too_large");

      const many = path.join(tmp.dir, "many.json");
      fs.writeFileSync(many, `[${Array.from({ length: 600_000 }, (_, i) => `{"n":${i}}`).join(",")}]`);
      const started = Date.now();
      const { outcome, row } = await ingest(run, "many.json", many);
      expect(outcome.status).toBe("failed");
      expect(row.status).toBe("failed");
      expect(row.errorCode).toBe("out_of_memory");
      expect(row.errorMessage).toMatch(/more memory than a worker is allowed/);
      expect(Date.now() - started).toBeLessThan(60_000);

      const clean = path.join(tmp.dir, "clean.csv");
      fs.writeFileSync(clean, CLEAN_CSV);
      const after = await ingest(run, "clean.csv", clean);
      expect(after.row.status).toBe("completed");
      expect(after.row.inserted).toBe(40);
    } finally {
      await pool.destroy();
    }
  }, 120_000);

  it("a job past its time limit is stopped, fails with the limit in words, and its worker is replaced", async () => {
    const pool = createWorkerPool(1, 512);
    const run = poolTaskRunner(pool, 1_000);
    try {
      const big = path.join(tmp.dir, "big.csv");
      // Big enough to outlast the 1-second limit by far: 150,000 rows (≈ 1.07 s at the measured
      // 140,000 rows/s) sometimes finished inside it.
      execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-cdr-csv.mjs"), "--rows", "600000", "--out", big], { stdio: "ignore" });
      const { row } = await ingest(run, "big.csv", big);
      expect(row.status).toBe("failed");
      expect(row.errorCode).toBe("job_timeout");
      expect(row.errorMessage).toMatch(/took longer than 1 second and was stopped/);

      const clean = path.join(tmp.dir, "clean2.csv");
      fs.writeFileSync(clean, CLEAN_CSV.replaceAll("2023", "2022"));
      const after = await ingest(poolTaskRunner(pool, 60_000), "clean2.csv", clean);
      expect(["completed", "partial", "needs_review"]).toContain(after.row.status);
    } finally {
      await pool.destroy();
    }
  }, 120_000);
});
