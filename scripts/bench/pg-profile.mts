// Profile of the PostgreSQL load path (issue 20): where one job's time goes, phase by phase.
//
//   npx tsx scripts/bench/pg-profile.mts [--rows 1000000] [--counterparties 300] [--workers 1|2] [--again] [--cpu-prof] [--input FILE]
//
// Writes AT&T-style file(s) with the bench generator (scripts/bench/cdr-rows.mjs; one per worker,
// different seeds; cached under /tmp/sy-pg-profile), creates a fresh schema on the test PostgreSQL
// (tests/support/pg-test-db.ts; SWITCHYARD_TEST_PG_URL) and loads them through the production path:
// createJob + executeJob → runIngestTask → PgRecordSink, one case per file, all files at once, each
// job in a child process of its own (as an ingest worker thread would run it; its row producers are
// the built dist/workers bundle, as in production, so run the build first if that is stale). --again uploads the same files a second
// time (all duplicates). The workers' debug logs ("ingest timings", "pg load timings", "post-load
// timings") are read from the children's stderr and printed with the wall times (process start
// and the Prisma client's ~0.5 s included).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith("--")) args.set(a.slice(2), process.argv[i + 1] && !process.argv[i + 1]!.startsWith("--") ? process.argv[++i]! : "true");
}
const rows = Number(args.get("rows") ?? 1_000_000);
const counterparties = Number(args.get("counterparties") ?? 300);
const workers = Number(args.get("workers") ?? 1);
const again = args.has("again");

if (args.has("child")) await child();
else await parent();

/** Starts one child per file, all at once, and prints their timing lines; returns the wall time in ms. */
async function runChildren(databaseUrl: string, jobs: { file: string; caseId: number }[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    jobs.map(
      ({ file, caseId }) =>
        new Promise<void>((resolve, reject) => {
          // --import tsx (not the tsx CLI): the dist row-producer threads then start as in production.
          const prof = args.has("cpu-prof") ? ["--cpu-prof", "--cpu-prof-dir", "/tmp/sy-pg-profile/prof"] : [];
          const c = spawn(
            process.execPath,
            [...prof, "--import", "tsx", fileURLToPath(import.meta.url), "--child", "--url", databaseUrl, "--file", file, "--case", String(caseId)],
            {
              env: { ...process.env, LOG_LEVEL: "debug" },
              stdio: ["ignore", "inherit", "pipe"],
            },
          );
          let rest = "";
          c.stderr.on("data", (d: Buffer) => {
            const lines = (rest + d.toString()).split("\n");
            rest = lines.pop() ?? "";
            for (const line of lines) printLog(line);
          });
          c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`child exited with ${code}`))));
        }),
    ),
  );
  return performance.now() - t0;
}

function printLog(line: string): void {
  if (!line.startsWith("{")) {
    if (line.trim()) process.stderr.write(line + "\n");
    return;
  }
  try {
    const { msg, level, pid: _p, time: _t, hostname: _h, ...rest } = JSON.parse(line) as Record<string, unknown>;
    if (typeof msg === "string" && (msg.includes("timings") || (level as number) >= 40)) console.log(`  ${msg}: ${JSON.stringify(rest)}`);
  } catch {
    process.stderr.write(line + "\n");
  }
}

/** One job in this process: createJob + executeJob with runIngestTask inline (what an ingest worker thread runs). */
async function child() {
  const { getDb } = await import("../../lib/db/prisma");
  const { createJob } = await import("../../lib/jobs/job-commands");
  const { executeJob } = await import("../../lib/jobs/execute-job");
  const { silentJobEvents } = await import("../../lib/jobs/job-events");
  const { runIngestTask } = await import("../../lib/jobs/run-ingest-task");
  const url = args.get("url")!;
  const file = args.get("file")!;
  const db = getDb(url);
  const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "profile", sizeBytes: fs.statSync(file).size, caseId: Number(args.get("case")) });
  const t = performance.now();
  const o = await executeJob(db, url, job.id, (task, onProgress) => runIngestTask(task, onProgress), silentJobEvents);
  console.log(
    `  job: ${o?.status} ${JSON.stringify(o?.counts)} ${o?.error ? JSON.stringify(o.error) : ""} ${((performance.now() - t) / 1000).toFixed(2)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  await db.$disconnect();
}

async function parent() {
  const { getDb } = await import("../../lib/db/prisma");
  const { tempPgSchema } = await import("../../tests/support/pg-test-db");
  // @ts-expect-error -- a plain .mjs module without type declarations
  const { createCdrGenerator } = await import("./cdr-rows.mjs");

  const dir = "/tmp/sy-pg-profile";
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let w = 0; w < workers; w++) {
    // --input: that file (e.g. a bench shape from scripts/bench/shape-rows.mjs) for every worker, each into its own case.
    const file = args.get("input") ?? path.join(dir, `att-${rows}-${counterparties}-${w}.csv`);
    if (!fs.existsSync(file)) {
      const t = performance.now();
      const gen = createCdrGenerator({ seed: 20240301 + w, counterparties });
      const out = fs.createWriteStream(file);
      out.write([...gen.preamble, "", gen.header.join(",")].join("\r\n") + "\r\n");
      let buf = "";
      for (const row of gen.rows(rows) as Iterable<string[]>) {
        buf += row.join(",") + "\r\n";
        if (buf.length > 1 << 20) {
          if (!out.write(buf)) await new Promise((r) => out.once("drain", r));
          buf = "";
        }
      }
      out.end(buf);
      await new Promise((r) => out.on("finish", r));
      console.log(`wrote ${file} in ${Math.round(performance.now() - t)} ms`);
    }
    files.push(file);
  }

  const pgdb = await tempPgSchema("pg_profile");
  if (!pgdb) process.exit(1);
  const db = getDb(pgdb.databaseUrl);
  try {
    await db.case.count(); // migrates the schema
    const cases = await Promise.all(files.map((_, i) => db.case.create({ data: { name: `profile ${i}` } })));
    const jobs = files.map((file, i) => ({ file, caseId: cases[i]!.id }));
    const report = (label: string, ms: number) =>
      console.log(`${label}: ${workers} × ${rows} rows (${counterparties} counterparties) in ${(ms / 1000).toFixed(2)} s = ${Math.round((workers * rows) / (ms / 1000))} rows/s`);
    console.log(`PostgreSQL profile, ${new Date().toISOString()}, load ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
    report("first upload", await runChildren(pgdb.databaseUrl, jobs));
    if (again) report("re-upload", await runChildren(pgdb.databaseUrl, jobs));
  } finally {
    await db.$disconnect();
    if (!args.has("keep")) await pgdb.cleanup();
  }
}
