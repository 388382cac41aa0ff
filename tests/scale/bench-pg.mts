// Throughput of the PostgreSQL load path: `npx tsx tests/scale/bench-pg.mts [rows]`.
// One worker: one 1M-row file through runIngestTask (COPY sink). Two workers: two different
// 1M-row files at once in two processes. Fresh schema, dropped afterwards. Prints rows/s.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error -- a plain .mjs script (another engineer's) without type declarations
import { writeCdrCsv } from "../../scripts/gen-cdr-csv.mjs";
import { tempPgSchema } from "../support/pg-test-db";

const rows = Number(process.argv[2] ?? 1_000_000);
if (process.argv[3] === "--one") {
  // child: ingest one file into the given URL
  const { getDb } = await import("../../lib/db/prisma");
  const { createJob } = await import("../../lib/jobs/job-commands");
  const { executeJob } = await import("../../lib/jobs/execute-job");
  const { silentJobEvents } = await import("../../lib/jobs/job-events");
  const { runIngestTask } = await import("../../lib/jobs/run-ingest-task");
  const [, , , , url, file] = process.argv;
  const db = getDb(url!);
  const job = await createJob(db, { fileName: path.basename(file!), storedPath: file!, sha256: "bench", sizeBytes: fs.statSync(file!).size });
  const t0 = performance.now();
  const out = await executeJob(db, url!, job.id, (task, onP) => runIngestTask(task, onP), silentJobEvents);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, counts: out?.counts, status: out?.status }) + "\n");
  await db.$disconnect();
  process.exit(0);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-bench-pg-"));
const files = [path.join(tmp, "a.csv"), path.join(tmp, "b.csv"), path.join(tmp, "c.csv")];
await Promise.all(files.map((f, i) => writeCdrCsv({ rows, out: f, seed: 1000 + i })));
const run = (url: string, file: string) =>
  new Promise<{ ms: number; counts: { inserted: number } }>((resolve, reject) => {
    const p = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), import.meta.filename, String(rows), "--one", url, file], {
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d));
    p.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`child exited ${code}`))));
  });
const schema = await tempPgSchema("bench");
if (!schema) process.exit(1);
try {
  const one = await run(schema.databaseUrl, files[0]!);
  const t0 = performance.now();
  const two = await Promise.all([run(schema.databaseUrl, files[1]!), run(schema.databaseUrl, files[2]!)]);
  const wall = performance.now() - t0;
  const mb = fs.statSync(files[0]!).size / 1024 ** 2;
  process.stdout.write(`file: ${rows} rows, ${mb.toFixed(0)} MB; cores: ${os.availableParallelism()}\n`);
  process.stdout.write(`one worker : ${one.counts.inserted} rows in ${(one.ms / 1000).toFixed(1)} s = ${Math.round(one.counts.inserted / (one.ms / 1000))} rows/s\n`);
  const ins = two.reduce((s, r) => s + r.counts.inserted, 0);
  process.stdout.write(
    `two workers: ${ins} rows in ${(wall / 1000).toFixed(1)} s wall = ${Math.round(ins / (wall / 1000))} rows/s aggregate (each ${two.map((r) => (r.ms / 1000).toFixed(1) + " s").join(", ")})\n`,
  );
} finally {
  await schema.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
}
