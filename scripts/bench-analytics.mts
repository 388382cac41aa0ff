// The analytics bench (issue 21): "on a case of 1M records over 50 targets, every analysis answers
// in ≤ 1 s on SQLite and PostgreSQL".
//
//   npx tsx scripts/bench-analytics.mts [--rows 1000000] [--targets 50] [--pg] [--skip-sqlite] [--runs 5] [--keep]
//
// 1. Writes one AT&T-style file per target (scripts/bench/case-cdr-files.mjs: shared counterparties,
//    IMEI changes, a day/night rhythm) into a temp dir.
// 2. Loads them, one job per file, through the real loader (createJob + executeJob + runIngestTask,
//    as tests/support/case-sqlite.ts does) into one case of a fresh SQLite file under /tmp and, with
//    --pg, of a temp PostgreSQL schema (tests/support/pg-test-db.ts; SWITCHYARD_TEST_PG_URL).
// 3. Times every analysis the app offers per case through the lib functions its routes call, one
//    warm-up then --runs runs each (min and median), and prints a table.
// --keep leaves the SQLite file and the PostgreSQL schema in place (for EXPLAIN) and prints where.
// --try-index "case_id, start_time, id" creates that extra index on call_records before loading (an
// experiment: what an index would cost the load and gain the analyses, without a migration).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.LOG_LEVEL ??= "warn";

const { getDb } = await import("../lib/db/prisma");
const { createJob } = await import("../lib/jobs/job-commands");
const { executeJob } = await import("../lib/jobs/execute-job");
const { silentJobEvents } = await import("../lib/jobs/job-events");
const { runIngestTask } = await import("../lib/jobs/run-ingest-task");
const { listRecords } = await import("../lib/data/records");
const { commonContacts } = await import("../lib/data/common-contacts");
const { targetPatterns, targetDevices } = await import("../lib/data/patterns-of-life");
const { caseGraph } = await import("../lib/data/case-graph");
const { targetTimeline } = await import("../lib/data/timeline");
const { listContacts } = await import("../lib/data/contacts");
const { targetCells, targetCellCalls } = await import("../lib/data/target-cells");
const { caseGaps } = await import("../lib/data/gap-thresholds");
const { caseReport } = await import("../lib/data/case-report");
const { tempPgSchema } = await import("../tests/support/pg-test-db");
// @ts-expect-error -- a plain .mjs script without type declarations
const { writeCaseCdrFiles } = await import("./bench/case-cdr-files.mjs");

type Db = ReturnType<typeof getDb>;
interface GenFile {
  file: string;
  target: string;
  rows: number;
  imeis: string[];
  cells: string[];
}

// ─── Options ─────────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} wants a positive integer`);
  return v;
};
const ROWS = opt("rows", 1_000_000);
const TARGETS = opt("targets", 50);
const RUNS = opt("runs", 5);
const WITH_PG = argv.includes("--pg");
const WITH_SQLITE = !argv.includes("--skip-sqlite");
const KEEP = argv.includes("--keep");
const TRY_INDEX = argv.includes("--try-index") ? argv[argv.indexOf("--try-index") + 1] : undefined;
if (TRY_INDEX !== undefined && !/^[a-z_]+(, *[a-z_]+)*$/.test(TRY_INDEX)) throw new Error(`--try-index wants column names, e.g. "case_id, start_time, id"`);
const LIMIT_MS = 1000;

const say = (s: string) => process.stderr.write(s + "\n");
const secs = (ms: number) => (ms / 1000).toFixed(1) + " s";

// ─── Files ───────────────────────────────────────────────────────────────────────────────────────

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-bench-analytics-"));
const t0 = performance.now();
const gen = (await writeCaseCdrFiles({ rows: ROWS, targets: TARGETS, out: path.join(tmp, "files") })) as { files: GenFile[]; rows: number; bytes: number };
say(`generated ${gen.files.length} files, ${gen.rows} rows, ${(gen.bytes / 1e6).toFixed(0)} MB in ${secs(performance.now() - t0)} (${tmp})`);

// ─── Load ────────────────────────────────────────────────────────────────────────────────────────

async function loadCase(db: Db, url: string): Promise<{ caseId: number; ms: number; inserted: number }> {
  const caseId = (await db.case.create({ data: { name: "analytics bench" } })).id;
  if (TRY_INDEX) await db.$executeRawUnsafe(`CREATE INDEX bench_try_idx ON call_records (${TRY_INDEX})`);
  const start = performance.now();
  let inserted = 0;
  for (const [i, f] of gen.files.entries()) {
    const job = await createJob(db, { fileName: path.basename(f.file), storedPath: f.file, sha256: "bench", sizeBytes: fs.statSync(f.file).size, caseId });
    const out = await executeJob(db, url, job.id, (task, onProgress) => runIngestTask(task, onProgress), silentJobEvents);
    if (out?.status !== "completed") throw new Error(`${f.file}: job ${out?.status ?? "vanished"}`);
    inserted += out.counts.inserted;
    if ((i + 1) % 10 === 0 || i === gen.files.length - 1) say(`  loaded ${i + 1}/${gen.files.length} files, ${inserted} records, ${secs(performance.now() - start)}`);
  }
  return { caseId, ms: performance.now() - start, inserted };
}

// ─── The analyses ────────────────────────────────────────────────────────────────────────────────

interface Probe {
  busyTarget: string;
  sharedNumber: string;
  imei: string;
  cell: string;
  month: { from: string; to: string };
}

/** Filter values a user would type, taken from the loaded case itself (so they match on either engine). */
async function probeValues(db: Db, caseId: number): Promise<Probe> {
  const busy = gen.files[0]!;
  const busyTarget = `+1${busy.target}`;
  // The number most targets share (common contacts' first row), as an analyst would click it.
  const cc = await commonContacts(db, caseId, { minTargets: 2, limit: 1 });
  const sharedNumber = cc.contacts[0]?.number ?? busyTarget;
  const cellRow = await db.callRecord.findFirst({ where: { caseId, target: busyTarget, cellFirst: { not: null } }, select: { cellFirst: true } });
  return { busyTarget, sharedNumber, imei: busy.imeis[busy.imeis.length - 1]!, cell: cellRow?.cellFirst ?? "", month: { from: "2024-03-01", to: "2024-03-31" } };
}

type Analysis = [name: string, run: (db: Db, caseId: number, p: Probe) => Promise<unknown>];

const page = { page: 1, pageSize: 100 };
const ANALYSES: Analysis[] = [
  ["records: case, page 1", (db, caseId) => listRecords(db, { scope: { caseId }, ...page })],
  ["records: case, page 100", (db, caseId) => listRecords(db, { scope: { caseId }, page: 100, pageSize: 100 })],
  ["records: number (shared contact)", (db, caseId, p) => listRecords(db, { scope: { caseId }, number: p.sharedNumber, ...page })],
  ["records: number, partial (7 digits)", (db, caseId, p) => listRecords(db, { scope: { caseId }, number: p.sharedNumber.slice(-7), ...page })],
  ["records: imei", (db, caseId, p) => listRecords(db, { scope: { caseId }, imei: p.imei, ...page })],
  ["records: cell", (db, caseId, p) => listRecords(db, { scope: { caseId }, cell: p.cell, ...page })],
  ["records: direction outgoing", (db, caseId) => listRecords(db, { scope: { caseId }, direction: "outgoing", ...page })],
  ["records: duration 600–3600 s", (db, caseId) => listRecords(db, { scope: { caseId }, minDuration: 600, maxDuration: 3600, ...page })],
  [
    "records: number + outgoing + ≥ 60 s + month",
    (db, caseId, p) => listRecords(db, { scope: { caseId }, number: p.sharedNumber, direction: "outgoing", minDuration: 60, from: p.month.from, to: p.month.to, ...page }),
  ],
  ["common contacts", (db, caseId) => commonContacts(db, caseId, { minTargets: 2, limit: 100 })],
  ["patterns (busy target)", (db, caseId, p) => targetPatterns(db, caseId, p.busyTarget)],
  ["devices (busy target)", (db, caseId, p) => targetDevices(db, caseId, p.busyTarget)],
  ["graph json", (db, caseId) => caseGraph(db, caseId, { minWeight: 1, limit: 2000 })],
  ["graph json, one month", (db, caseId, p) => caseGraph(db, caseId, { minWeight: 1, limit: 2000, from: p.month.from, to: p.month.to })],
  ["timeline (busy target)", (db, caseId, p) => targetTimeline(db, p.busyTarget, { caseId })],
  ["contacts: case, page 1", (db, caseId) => listContacts(db, { caseId }, { page: 1, pageSize: 50 })],
  ["contacts: busy target", (db, caseId, p) => listContacts(db, { caseId }, { target: p.busyTarget, page: 1, pageSize: 50 })],
  ["cells (busy target)", (db, caseId, p) => targetCells(db, { caseId, target: p.busyTarget, limit: 1000, hourCells: 20 })],
  ["cell calls (busy target, 500)", (db, caseId, p) => targetCellCalls(db, { caseId, target: p.busyTarget, limit: 500 })],
  ["gaps across files (case)", (db, caseId) => caseGaps(db, caseId)],
  ["case report: one target's page (busy target)", (db, caseId, p) => caseReport(db, caseId, p.busyTarget)],
  ["case report: whole case as one JSON (50 targets)", (db, caseId) => caseReport(db, caseId)],
];

interface Timing {
  min: number;
  median: number;
}

async function timeAll(db: Db, caseId: number): Promise<Map<string, Timing>> {
  const p = await probeValues(db, caseId);
  say(`  probes: busy target ${p.busyTarget}, shared number ${p.sharedNumber}, imei ${p.imei}, cell ${p.cell}`);
  const out = new Map<string, Timing>();
  for (const [name, run] of ANALYSES) {
    await run(db, caseId, p); // warm-up (statement cache, page cache)
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await run(db, caseId, p);
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    out.set(name, { min: ms[0]!, median: ms[Math.floor(ms.length / 2)]! });
    say(`  ${name}: min ${ms[0]!.toFixed(0)} ms, median ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms`);
  }
  return out;
}

// ─── Run ─────────────────────────────────────────────────────────────────────────────────────────

const results: { engine: string; load: { ms: number; inserted: number }; timings: Map<string, Timing> }[] = [];
const cleanups: (() => Promise<void>)[] = [];
try {
  if (WITH_SQLITE) {
    const url = `file:${path.join(tmp, "switchyard.db")}`;
    say(`SQLite: ${url}`);
    const db = getDb(url);
    const load = await loadCase(db, url);
    say(`  load: ${load.inserted} records in ${secs(load.ms)} = ${Math.round(load.inserted / (load.ms / 1000))} rows/s`);
    results.push({ engine: "SQLite", load, timings: await timeAll(db, load.caseId) });
    cleanups.push(() => db.$disconnect());
  }
  if (WITH_PG) {
    const schema = await tempPgSchema("bench_analytics");
    if (!schema) throw new Error("PostgreSQL unreachable");
    say(`PostgreSQL: ${schema.databaseUrl}`);
    const db = getDb(schema.databaseUrl);
    cleanups.push(async () => {
      await db.$disconnect();
      if (!KEEP) await schema.cleanup();
    });
    const load = await loadCase(db, schema.databaseUrl);
    say(`  load: ${load.inserted} records in ${secs(load.ms)} = ${Math.round(load.inserted / (load.ms / 1000))} rows/s`);
    await db.$executeRawUnsafe("ANALYZE"); // autovacuum may not have seen the fresh tables yet
    results.push({ engine: "PostgreSQL", load, timings: await timeAll(db, load.caseId) });
  }
} finally {
  for (const c of cleanups) await c();
  if (KEEP) say(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

// ─── Table ───────────────────────────────────────────────────────────────────────────────────────

const fmt = (t: Timing | undefined) => (t ? `${t.min.toFixed(0)} / ${t.median.toFixed(0)}` : "—");
const lines = [
  `case: ${ROWS} records over ${TARGETS} targets${TRY_INDEX ? `, extra index (${TRY_INDEX})` : ""} (busiest ${gen.files[0]!.rows}); ${RUNS} runs each after a warm-up; min / median ms; ${os.availableParallelism()} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
  ...results.map((r) => `${r.engine} load: ${r.load.inserted} records in ${secs(r.load.ms)} (${Math.round(r.load.inserted / (r.load.ms / 1000))} rows/s)`),
  "",
  `| analysis | ${results.map((r) => `${r.engine} ms`).join(" | ")} | ≤ ${LIMIT_MS} ms? |`,
  `|---|${results.map(() => "---|").join("")}---|`,
  ...ANALYSES.map(([name]) => {
    const ts = results.map((r) => r.timings.get(name));
    const ok = ts.every((t) => t && t.median <= LIMIT_MS);
    return `| ${name} | ${ts.map(fmt).join(" | ")} | ${ok ? "yes" : "**no**"} |`;
  }),
];
process.stdout.write(lines.join("\n") + "\n");
