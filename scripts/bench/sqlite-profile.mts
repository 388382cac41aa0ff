// Profile of the SQLite load path for a file in time order against the same rows out of order
// (issue 20: "keys, contacts and post-load must not depend on time order").
//
//   npx tsx scripts/bench/sqlite-profile.mts [--rows 100000] [--seed 606] [--repeat 1] [--only ordered|shuffled] [--cpu-prof]
//   npx tsx scripts/bench/sqlite-profile.mts --file some.csv [--sql "DROP INDEX …; …"] [--again] [--cpu-prof] [--keep]
//
// --file loads that file instead (e.g. a kept bench file: `npm run bench -- --keep`); --sql runs
// statements on the fresh database before the job (what-if experiments: an index dropped, a pragma);
// --keep leaves the database in place and prints its path (scripts/bench/stored-hash-lookups.mts reads one).
//
// Writes the bench's `unordered` shape (scripts/bench/shape-rows.mjs: one target, ~300
// counterparties, rows in a fixed permutation of time) and the same rows sorted by time (cached
// under /tmp/sy-sqlite-profile), then loads each into a fresh SQLite database through the
// production path: createJob + executeJob → runIngestTask → SqliteRecordSink, in a child process
// of its own whose loader runs in a worker thread, as an ingest worker does (the sink holds one
// transaction across batches only off the main thread). The loader is this tree's TypeScript
// (tsx); its row producers are the built dist/workers bundle, as in production. Prints the wall
// time, the child's CPU time (every thread) and the debug timing lines ("ingest timings",
// "post-load timings"). --cpu-prof writes the child's profiles (one per thread) to
// /tmp/sy-sqlite-profile/prof-<order>.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith("--")) args.set(a.slice(2), process.argv[i + 1] && !process.argv[i + 1]!.startsWith("--") ? process.argv[++i]! : "true");
}
const DIR = "/tmp/sy-sqlite-profile";
type Order = "ordered" | "shuffled";

if (!isMainThread) await loaderThread();
else if (args.has("child")) await child();
else await parent();

/** The worker thread: one runIngestTask, progress dropped, the outcome posted back. */
async function loaderThread() {
  const { runIngestTask } = await import("../../lib/jobs/run-ingest-task");
  const outcome = await runIngestTask(workerData.task, () => {});
  parentPort!.postMessage(outcome);
}

/** One job in this process (createJob + executeJob), its task run in a worker thread. */
async function child() {
  const { getDb } = await import("../../lib/db/prisma");
  const { createJob } = await import("../../lib/jobs/job-commands");
  const { executeJob } = await import("../../lib/jobs/execute-job");
  const { silentJobEvents } = await import("../../lib/jobs/job-events");
  const url = args.get("url")!;
  const file = args.get("file")!;
  const db = getDb(url);
  for (const sql of (args.get("sql") ?? "").split(";")) if (sql.trim()) await db.$executeRawUnsafe(sql);
  const c = await db.case.create({ data: { name: "profile" } });
  // A plain `new Worker("x.mts")` on Node 20 gets no tsx hooks: an eval'd shim registers them first.
  const shim = `import("tsx/esm/api").then((t) => t.register()).then(() => import(${JSON.stringify(import.meta.url)}));`;
  // --again: the same file a second time into the same case (a re-upload: every row a duplicate).
  for (let pass = 0; pass < (args.has("again") ? 2 : 1); pass++) {
    const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "profile", sizeBytes: fs.statSync(file).size, caseId: c.id });
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    const o = await executeJob(
      db,
      url,
      job.id,
      (task) =>
        new Promise((resolve, reject) => {
          const w = new Worker(shim, { eval: true, workerData: { task } });
          w.once("message", resolve);
          w.once("error", reject);
        }),
      silentJobEvents,
    );
    const wall = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `  ${pass === 0 ? "job" : "re-upload"}: ${o?.status} ${JSON.stringify(o?.counts)} ${o?.error ? JSON.stringify(o.error) : ""} wall ${(wall / 1000).toFixed(2)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
    );
  }
  const read = (sql: string) => db.$queryRawUnsafe<{ n: bigint }[]>(sql).then((r) => Number(r[0]!.n));
  console.log(
    `  stored: ${await read(`SELECT COUNT(*) AS n FROM call_records`)} records, ${await read(`SELECT COUNT(*) AS n FROM call_records WHERE duplicate_of IS NOT NULL`)} links, ` +
      `${await read(`SELECT COUNT(*) AS n FROM contacts`)} contacts, ${await read(`SELECT COUNT(*) AS n FROM timeline_gaps`)} gaps`,
  );
  await db.$disconnect();
  process.exit(0);
}

/** Both files (the shape's rows, and the same rows sorted by time), written once per size and seed. */
async function writeFiles(rows: number, seed: number): Promise<Record<Order, string>> {
  const files = { ordered: path.join(DIR, `ordered-${rows}-${seed}.csv`), shuffled: path.join(DIR, `shuffled-${rows}-${seed}.csv`) };
  if (fs.existsSync(files.ordered) && fs.existsSync(files.shuffled)) return files;
  fs.mkdirSync(DIR, { recursive: true });
  // @ts-expect-error -- a plain .mjs module without type declarations
  const { shapeLines } = await import("./shape-rows.mjs");
  const lines = [...(shapeLines({ shape: "unordered", rows, seed }) as Iterable<string>)];
  const head = lines.length - rows;
  // Column 2 is MM/DD/YY, column 3 HH:MM:SS: sortable as YY MM DD HH:MM:SS.
  const key = (line: string) => {
    const [, date, time] = line.split(",", 3) as [string, string, string];
    return date.slice(6, 8) + date.slice(0, 2) + date.slice(3, 5) + time;
  };
  const data = lines.slice(head);
  const sorted = data.map((l) => [key(l), l] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  fs.writeFileSync(files.shuffled, lines.join("\r\n") + "\r\n");
  fs.writeFileSync(files.ordered, [...lines.slice(0, head), ...sorted.map((s) => s[1])].join("\r\n") + "\r\n");
  return files;
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

async function parent() {
  const rows = Number(args.get("rows") ?? 100_000);
  const seed = Number(args.get("seed") ?? 606);
  const repeat = Number(args.get("repeat") ?? 1);
  const only = args.get("only");
  const files: Record<string, string> = args.has("file") ? { file: args.get("file")! } : await writeFiles(rows, seed);
  const { tempDataDir } = await import("../../tests/support/temp-db");
  const loadavg = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`SQLite profile, ${rows} rows (seed ${seed}), ${new Date().toISOString()}`);
  for (let r = 0; r < repeat; r++) {
    for (const order of Object.keys(files)) {
      if (only && only !== order) continue;
      const tmp = tempDataDir("sy-sqlite-profile-");
      const prof = args.has("cpu-prof") ? ["--cpu-prof", "--cpu-prof-dir", path.join(DIR, `prof-${order}`)] : [];
      console.log(`${order} (load ${loadavg()}):`);
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        const c = spawn(
          process.execPath,
          [
            ...prof,
            "--import",
            "tsx",
            fileURLToPath(import.meta.url),
            "--child",
            "--url",
            tmp.databaseUrl,
            "--file",
            files[order]!,
            ...(args.has("sql") ? ["--sql", args.get("sql")!] : []),
            ...(args.has("again") ? ["--again"] : []),
          ],
          {
            env: { ...process.env, LOG_LEVEL: "debug", DATABASE_URL: tmp.databaseUrl, DATA_DIR: tmp.dir },
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
      });
      console.log(`  process: ${((performance.now() - t) / 1000).toFixed(2)} s`);
      if (args.has("keep")) console.log(`  kept: ${tmp.databaseUrl}`);
      else tmp.cleanup();
    }
  }
}
