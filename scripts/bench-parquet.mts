// The Parquet export bench (issue 20): "Parquet export of 1M records ≤ 5 s at ≤ 300 MB RSS".
//
//   npx tsx scripts/bench-parquet.mts [--rows 1000000] [--db /path/switchyard.db --case ID] [--encoders N] [--with-csv] [--keep]
//
// 1. Writes the bench's 1M-row AT&T-style CSV (scripts/gen-cdr-csv.mjs, seed 101 like `npm run bench`)
//    and loads it through the real loader (createJob + executeJob + runIngestTask) into one case of a
//    fresh SQLite file under /tmp — or, with --db/--case, reuses a case already loaded (--keep prints one).
// 2. Exports the case to Parquet in a fresh child process (so its peak RSS is the export's alone, not
//    the load's): recordsParquetStream piped to a file, wall time from the first query to the last
//    byte, peak RSS from the child's own getrusage (ru_maxrss, which includes tsx and Prisma).
// 3. Reads the file back with DuckDB (count(*) and the time range) so the figure is of a usable file.
// --with-csv times the CSV export of the same case the same way, for comparison. --encoders N sets the
// Parquet encoder threads (default: the cores, at most 4; 1 = encode in the exporting thread); the
// threads run the bundle dist/workers/parquet-encoder.mjs (`npm run build`), without it the export
// encodes in one thread.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.env.LOG_LEVEL ??= "warn";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const say = (s: string) => process.stderr.write(s + "\n");
const TARGETS = { seconds: 5, rssMb: 300 };

interface ChildResult {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  /** user + system CPU seconds of the child: what the export cost whatever else shares the cores. */
  cpuSeconds: number;
}

// ─── The child: one export, timed, then exit ─────────────────────────────────────────────────────

if (argv.includes("--export-child")) {
  const { getDb } = await import("../lib/db/prisma");
  const { recordsParquetStream } = await import("../lib/data/records-parquet");
  const { recordsCsvStream } = await import("../lib/data/records-export");
  const { Readable } = await import("node:stream");
  const { pipeline } = await import("node:stream/promises");
  const format = arg("format") ?? "parquet";
  const out = arg("out")!;
  const db = getDb(arg("db-url")!);
  const filter = { scope: { caseId: Number(arg("case")) }, includeDuplicates: true };
  const t0 = performance.now();
  const encoders = arg("encoders") ? { encoders: Number(arg("encoders")) } : {};
  const body =
    format === "csv"
      ? recordsCsvStream(db, arg("db-url")!, filter)
      : recordsParquetStream(db, arg("db-url")!, filter, arg("row-group") ? Number(arg("row-group")) : undefined, encoders);
  await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), fs.createWriteStream(out));
  const seconds = (performance.now() - t0) / 1000;
  const rows = await db.callRecord.count({ where: filter.scope });
  await db.$disconnect();
  const result: ChildResult = {
    format,
    rows,
    bytes: fs.statSync(out).size,
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}

// ─── The parent: data, then one child per export ─────────────────────────────────────────────────

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROWS = Number(arg("rows") ?? 1_000_000);
const KEEP = argv.includes("--keep");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-bench-parquet-"));
let dbFile = arg("db");
let caseId = Number(arg("case") ?? 0);

try {
  if (!dbFile) {
    const { getDb } = await import("../lib/db/prisma");
    const { createJob } = await import("../lib/jobs/job-commands");
    const { executeJob } = await import("../lib/jobs/execute-job");
    const { silentJobEvents } = await import("../lib/jobs/job-events");
    const { runIngestTask } = await import("../lib/jobs/run-ingest-task");
    // @ts-expect-error -- a plain .mjs script without type declarations
    const { writeCdrCsv } = await import("./gen-cdr-csv.mjs");
    const csv = path.join(tmp, `cdr-${ROWS}.csv`);
    let t = performance.now();
    await writeCdrCsv({ rows: ROWS, out: csv, seed: 101 });
    say(`generated ${ROWS} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    dbFile = path.join(tmp, "switchyard.db");
    const url = `file:${dbFile}`;
    const db = getDb(url);
    caseId = (await db.case.create({ data: { name: "parquet bench" } })).id;
    t = performance.now();
    const job = await createJob(db, { fileName: path.basename(csv), storedPath: csv, sha256: "bench", sizeBytes: fs.statSync(csv).size, caseId });
    const done = await executeJob(db, url, job.id, (task, onProgress) => runIngestTask(task, onProgress), silentJobEvents);
    if (done?.status !== "completed") throw new Error(`load: job ${done?.status ?? "vanished"}`);
    say(`loaded ${done.counts.inserted} records in ${((performance.now() - t) / 1000).toFixed(1)} s (case ${caseId}, ${dbFile})`);
    await db.$disconnect();
    fs.rmSync(csv);
  }
  if (!caseId) throw new Error("--db wants --case ID");

  const runChild = (format: string): ChildResult => {
    const out = path.join(tmp, `export.${format}`);
    const r = spawnSync(
      process.execPath,
      [
        ...[
          "--import",
          "tsx",
          path.join(root, "scripts/bench-parquet.mts"),
          "--export-child",
          "--format",
          format,
          "--out",
          out,
          "--db-url",
          `file:${dbFile}`,
          "--case",
          String(caseId),
        ],
        ...(arg("encoders") ? ["--encoders", arg("encoders")!] : []),
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn" } },
    );
    if (r.status !== 0) throw new Error(`${format} export failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as ChildResult;
  };

  const results = [runChild("parquet"), ...(argv.includes("--with-csv") ? [runChild("csv")] : [])];
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const duck = await (await DuckDBInstance.create(":memory:")).connect();
  const parquet = path.join(tmp, "export.parquet");
  const t = performance.now();
  const check = (
    await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n, min(start_time)::VARCHAR AS first, max(start_time)::VARCHAR AS last FROM read_parquet('${parquet}')`)
  ).getRowObjects()[0]!;
  say(`DuckDB read the Parquet file: ${check.n} rows, ${check.first} … ${check.last} in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  if (Number(check.n) !== results[0]!.rows) throw new Error(`DuckDB counted ${check.n} rows, the case has ${results[0]!.rows}`);

  console.log(`\nexport of ${results[0]!.rows.toLocaleString("en-US")} records (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)})`);
  for (const r of results) {
    const ok =
      r.format !== "parquet" ? "" : r.seconds <= TARGETS.seconds && r.peakRssMb <= TARGETS.rssMb ? "  (target ≤ 5 s, ≤ 300 MB: met)" : "  (target ≤ 5 s, ≤ 300 MB: MISSED)";
    console.log(
      `  ${r.format.padEnd(8)} ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds).toLocaleString("en-US")} rows/s, ${(r.bytes / 1e6).toFixed(1)} MB, peak RSS ${r.peakRssMb.toFixed(0)} MB, ${r.cpuSeconds.toFixed(1)} CPU s${ok}`,
    );
  }
} finally {
  if (KEEP) say(`kept ${tmp} (reuse: --db ${dbFile} --case ${caseId})`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
