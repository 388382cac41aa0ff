import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb } from "../../lib/db/prisma";
import { SqliteRecordSink } from "../../lib/db/sqlite-record-sink";
import { ingestFile } from "../../lib/ingest/pipeline/ingest-file";
import type { RecordBatch } from "../../lib/ingest/pipeline/record-sink";
import { findTimelineGaps } from "../../lib/ingest/timeline-gaps";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { cancelJob, confirmMapping, createJob, deleteJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { JobQueue } from "../../lib/jobs/job-queue";
import { createWorkerPool, poolTaskRunner } from "../../lib/jobs/worker-pool";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { layoutPlanSchema } from "../../lib/schemas/mapping";
import type { IngestOutcome } from "../../lib/schemas/worker-protocol";
import { bundledWorkerScript } from "../../lib/worker-script";
import { tempDataDir } from "../support/temp-db";
import { createRng } from "../fuzz/prng";

/**
 * The SQLite storage layer per case (issue 16): the content key is unique within a case, and
 * near-duplicate links, contacts and timeline gaps are computed per case — gaps across every file
 * of a target in the case. And cancel is atomic: a cancelled job keeps no records, errors,
 * contacts or gaps, whatever stage it was in, and a worker finishing late never overwrites it.
 */
const tmp = tempDataDir("switchyard-cases-");
const db = getDb(tmp.databaseUrl);
const dbFile = tmp.databaseUrl.slice("file:".length);
const read = openSqlite(dbFile);
afterAll(async () => {
  read.close();
  await db.$disconnect();
  tmp.cleanup();
});

const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

let caseSeq = 0;
const newCase = async (name = `case ${++caseSeq}`) => (await db.case.create({ data: { name } })).id;

// ─── Files ────────────────────────────────────────────────────────────────────────────────────

const TARGET = "7133537623";
const T = `+1${TARGET}`;
const ATT_HEADER = "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location";
const OTHERS = ["2125550147", "3125550111", "6175550123", "4155550190", "2025550133", "3035550166", "7185550199", "9175550121"];
const pad2 = (n: number) => String(n).padStart(2, "0");


/**
 * An AT&T subpoena return of TARGET: `rows` calls `stepSeconds` apart (±30 %) from `startMs`;
 * the rows at `bad` have an unreadable originating number (row errors).
 */
function attFile(name: string, opts: { rows: number; startMs: number; stepSeconds: number; seed: number; bad?: number[] }): string {
  const rnd = createRng(opts.seed).next;
  const lines = ["AT&T Subpoena Compliance", `Target: ${TARGET}`, "All times shown in UTC", "", ATT_HEADER];
  let t = opts.startMs / 1000;
  const bad = new Set(opts.bad ?? []);
  for (let i = 1; i <= opts.rows; i++) {
    t += Math.max(1, Math.round(opts.stepSeconds * (0.7 + 0.6 * rnd())));
    const d = new Date(t * 1000);
    const date = `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`;
    const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
    const other = OTHERS[Math.floor(rnd() * rnd() * OTHERS.length)]!;
    const out = rnd() < 0.5;
    const secs = 1 + Math.floor(rnd() * 600);
    const orig = bad.has(i) ? "N/A" : out ? TARGET : other;
    lines.push([i, date, time, "0:01", `${Math.floor(secs / 60)}:${pad2(secs % 60)}`, orig, out ? other : TARGET, "814901191455192", "310287764668549", out ? "MO" : "MT", "[]", "12345-1"].join(","));
  }
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
  return file;
}

async function load(file: string, caseId: number, run: TaskRunner = inline, mapping?: Parameters<typeof createJob>[1]["mapping"]) {
  const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size, caseId, mapping });
  const outcome = await executeJob(db, tmp.databaseUrl, job.id, run, silentJobEvents);
  const row = await db.ingestionJob.findUniqueOrThrow({ where: { id: job.id } });
  return { jobId: job.id, outcome, row };
}

// ─── What the database holds ─────────────────────────────────────────────────────────────────

const recordsOf = (jobId: string) => read.prepare(`SELECT COUNT(*) FROM call_records WHERE job_id = ?`).pluck().get(jobId) as number;
const errorsOf = (jobId: string) => read.prepare(`SELECT COUNT(*) FROM ingestion_errors WHERE job_id = ?`).pluck().get(jobId) as number;
const recordsIn = (caseId: number) => read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ?`).pluck().get(caseId) as number;
const contactsIn = (caseId: number) =>
  read.prepare(`SELECT target, number, first_seen, last_seen, calls, messages FROM contacts WHERE case_id = ? ORDER BY target, number`).all(caseId);
const gapsIn = (caseId: number) => read.prepare(`SELECT target, from_time, to_time, seconds, ratio FROM timeline_gaps WHERE case_id = ? ORDER BY target, from_time`).all(caseId);
const linksIn = (caseId: number) => read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND duplicate_of IS NOT NULL`).pluck().get(caseId) as number;

/** Contacts as a recount of the case's stored records gives them (the rule of refreshContactsSqlite). */
function recountedContacts(caseId: number) {
  return read
    .prepare(
      `SELECT COALESCE(target, '') AS target, num AS number, MIN(start_time) AS first_seen, MAX(start_time) AS last_seen,
              SUM(record_type = 'voice') AS calls, SUM(record_type IN ('sms', 'mms')) AS messages
         FROM (SELECT target, CASE WHEN caller = target THEN callee ELSE caller END AS num, start_time, record_type
                 FROM call_records WHERE case_id = ? AND duplicate_of IS NULL)
        WHERE num IS NOT NULL AND num IS NOT target GROUP BY target, num ORDER BY 1, 2`,
    )
    .all(caseId);
}

/** Gaps as a pass over all the case's counted records of each target gives them. */
function recomputedGaps(caseId: number) {
  const targets = read.prepare(`SELECT DISTINCT COALESCE(target, '') FROM call_records WHERE case_id = ? ORDER BY 1`).pluck().all(caseId) as string[];
  const times = read.prepare(`SELECT start_time FROM call_records WHERE case_id = ? AND COALESCE(target, '') = ? AND duplicate_of IS NULL ORDER BY start_time`).pluck();
  return targets.flatMap((target) =>
    findTimelineGaps(() => times.iterate(caseId, target) as Iterable<string>).map((g) => ({ target, from_time: g.from, to_time: g.to, seconds: g.seconds, ratio: g.ratio })),
  );
}

function expectConsistent(caseId: number) {
  expect(contactsIn(caseId)).toEqual(recountedContacts(caseId));
  expect(gapsIn(caseId)).toEqual(recomputedGaps(caseId));
  // No link points at a record that is gone, or into another case.
  expect(
    read.prepare(`SELECT COUNT(*) FROM call_records r LEFT JOIN call_records p ON p.id = r.duplicate_of WHERE r.case_id = ? AND r.duplicate_of IS NOT NULL AND (p.id IS NULL OR p.case_id <> r.case_id)`).pluck().get(caseId),
  ).toBe(0);
}

// ─── Deduplication per case ──────────────────────────────────────────────────────────────────

describe("the content key is unique per case", () => {
  const file = attFile("att-dedupe.csv", { rows: 300, startMs: Date.UTC(2023, 4, 1), stepSeconds: 900, seed: 3 });

  it("the same file loaded into two cases gives both cases all its records; twice into one case inserts nothing the second time", async () => {
    const [a, b] = [await newCase(), await newCase()];
    const first = await load(file, a);
    expect(first.outcome?.status).toBe("completed");
    expect(first.row).toMatchObject({ rowsRead: 300, inserted: 300, duplicates: 0 });
    const other = await load(file, b);
    expect(other.row).toMatchObject({ status: "completed", rowsRead: 300, inserted: 300, duplicates: 0 });
    expect(recordsIn(a)).toBe(300);
    expect(recordsIn(b)).toBe(300);
    // The same content keys in both cases: unique per case, not across.
    expect(read.prepare(`SELECT COUNT(DISTINCT content_hash) FROM call_records WHERE case_id IN (?, ?)`).pluck().get(a, b)).toBe(300);

    const again = await load(file, a);
    expect(again.row).toMatchObject({ status: "completed", rowsRead: 300, inserted: 0, duplicates: 300 });
    expect(recordsIn(a)).toBe(300);
    expect(recordsOf(again.jobId)).toBe(0);
    // Each case's contacts count its own copy once.
    expect(contactsIn(a)).toEqual(contactsIn(b));
    expect((contactsIn(a) as { calls: number; messages: number }[]).reduce((n, c) => n + c.calls + c.messages, 0)).toBe(300);
    expectConsistent(a);
    expectConsistent(b);
  });

  it("the producers' stored-hash filter drops only what the job's own case holds", async () => {
    expect(bundledWorkerScript("row-producer"), "dist/workers/row-producer.mjs is built by `npm run build` (npm test builds first)").not.toBeNull();
    const [a, b] = [await newCase(), await newCase()];
    const handed: number[] = [];
    const loadThreaded = async (caseId: number) => {
      const job = await createJob(db, { fileName: "att-dedupe.csv", storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size, caseId });
      const sink = new SqliteRecordSink(openSqlite(dbFile), job.id, caseId, true);
      let n = 0;
      const insert = sink.insertRecords.bind(sink);
      sink.insertRecords = (batch: RecordBatch) => ((n += batch.count), insert(batch));
      const result = await ingestFile({ filePath: file, fileName: "att-dedupe.csv", templates: [], producer: "thread", threads: { producers: 1 }, storedHashes: { file: dbFile, caseId } }, sink);
      await sink.close();
      handed.push(n);
      return result.counts;
    };
    expect(await loadThreaded(a)).toEqual({ rows: 300, inserted: 300, duplicates: 0, rejected: 0 });
    // Case b holds none of them: nothing dropped, everything stored for b.
    expect(await loadThreaded(b)).toEqual({ rows: 300, inserted: 300, duplicates: 0, rejected: 0 });
    // Case a holds them all: the producer drops every one before the writer sees it.
    expect(await loadThreaded(a)).toEqual({ rows: 300, inserted: 0, duplicates: 300, rejected: 0 });
    expect(handed).toEqual([300, 300, 0]);
  });
});

// ─── Near-duplicates and contacts per case ───────────────────────────────────────────────────

// The same call, X → Y, as X's carrier and Y's carrier report it (a second later, a second longer).
const X = "2125550147", Y = "7135550188";
const fileOfX = `All times are UTC\nTarget: ${X}\nStart,From,To,Duration (s),Type\n2023-05-01 10:00:00,${X},${Y},60,Voice\n2023-05-01 12:00:00,${X},3125550111,30,Voice\n`;
const fileOfY = `All times are UTC\nTarget: ${Y}\nStart,From,To,Duration (s),Type,IMEI\n2023-05-01 10:00:01,${X},${Y},61,Voice,356938035643809\n2023-05-01 15:00:00,6175550123,${Y},20,Voice,356938035643809\n`;
const partyMapping = { columns: (["start_time", "caller", "callee", "duration_seconds", "record_type", "imei"] as const).map((field, index) => ({ index, field })), timezone: "UTC" };

async function loadParty(name: string, text: string, caseId: number) {
  const file = path.join(tmp.dir, `${caseId}-${name}`);
  fs.writeFileSync(file, text);
  const r = await load(file, caseId, inline, partyMapping);
  expect(r.outcome?.status).toBe("completed");
  return r;
}

describe("near-duplicates and contacts per case", () => {
  it("two reports of one call link within a case, never across cases; each case counts its own contacts", async () => {
    const [onlyX, onlyY, both] = [await newCase(), await newCase(), await newCase()];
    await loadParty("x.csv", fileOfX, onlyX);
    await loadParty("y.csv", fileOfY, onlyY);
    await loadParty("x.csv", fileOfX, both);
    const y = await loadParty("y.csv", fileOfY, both);
    expect(linksIn(onlyX)).toBe(0);
    expect(linksIn(onlyY)).toBe(0);
    expect(linksIn(both)).toBe(1);
    expect(y.outcome?.error).toBeNull();
    // Y's case alone counts X's call under Y; the case holding both counts it once, under X.
    const xInY = (caseId: number) => read.prepare(`SELECT calls FROM contacts WHERE case_id = ? AND target = ? AND number = ?`).pluck().get(caseId, `+1${Y}`, `+1${X}`);
    const yInX = (caseId: number) => read.prepare(`SELECT calls FROM contacts WHERE case_id = ? AND target = ? AND number = ?`).pluck().get(caseId, `+1${X}`, `+1${Y}`);
    expect(xInY(onlyY)).toBe(1);
    expect(yInX(onlyX)).toBe(1);
    expect(xInY(both)).toBeUndefined();
    expect(yInX(both)).toBe(1);
    expect(contactsIn(onlyX)).toHaveLength(2);
    expect(contactsIn(onlyY)).toHaveLength(2);
    for (const c of [onlyX, onlyY, both]) expectConsistent(c);
  });

  it("keep_longest: the other target's contacts stop counting the report that became the duplicate", async () => {
    process.env.NEAR_DUPLICATE_STRATEGY = "keep_longest";
    try {
      const c = await newCase();
      await loadParty("x.csv", fileOfX, c);
      const y = await loadParty("y.csv", fileOfY, c);
      // Y's report lasted longer: it counts, X's points at it; X's contacts no longer count the call.
      const yInX = () => read.prepare(`SELECT calls FROM contacts WHERE case_id = ? AND target = ? AND number = ?`).pluck().get(c, `+1${X}`, `+1${Y}`);
      expect(yInX()).toBeUndefined();
      expectConsistent(c);
      // Y's file deleted: X's displaced report is the primary again and counts.
      await deleteJob(db, y.jobId);
      expect(linksIn(c)).toBe(0);
      expect(yInX()).toBe(1);
      expectConsistent(c);
    } finally {
      delete process.env.NEAR_DUPLICATE_STRATEGY;
    }
  });

  // Y's file with many more calls around X's than X has: the purge then seeks around X's records
  // instead of reading Y's (sqlite-purge-job.ts picks whichever reads less); both must find the link.
  const busyY = fileOfY + Array.from({ length: 12 }, (_, i) => `2023-05-01 1${i < 10 ? 0 : 1}:${String(5 + i * 4).padStart(2, "0")}:00,6175550123,${Y},20,Voice,356938035643809\n`).join("");

  it.each([["few", fileOfY], ["many", busyY]])("deleting the job that holds a call's primary report lets the other job's report count again (%s other records around it)", async (_label, yText) => {
    const c = await newCase();
    const x = await loadParty("x.csv", fileOfX, c);
    await loadParty("y.csv", yText, c);
    expect(linksIn(c)).toBe(1);
    await deleteJob(db, x.jobId);
    expect(recordsIn(c)).toBe(yText === fileOfY ? 2 : 14);
    expect(linksIn(c)).toBe(0);
    expect(read.prepare(`SELECT calls FROM contacts WHERE case_id = ? AND target = ? AND number = ?`).pluck().get(c, `+1${Y}`, `+1${X}`)).toBe(1);
    expectConsistent(c);
  });
});

// ─── Gaps across the files of a target ───────────────────────────────────────────────────────

describe("timeline gaps per case target", () => {
  const january = attFile("att-january.csv", { rows: 200, startMs: Date.UTC(2023, 0, 1), stepSeconds: 3600, seed: 11 });
  const march = attFile("att-march.csv", { rows: 200, startMs: Date.UTC(2023, 2, 1), stepSeconds: 3600, seed: 12 });

  it("two monthly deliveries of one target show the silence between them", async () => {
    const c = await newCase();
    const jan = await load(january, c);
    expect(jan.row.status).toBe("completed");
    expect(gapsIn(c)).toEqual([]);
    const mar = await load(march, c);
    expect(mar.row.status).toBe("completed");
    const gaps = gapsIn(c) as { target: string; from_time: string; to_time: string; seconds: number }[];
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.target).toBe(T);
    expect(gaps[0]!.from_time.startsWith("2023-01-0")).toBe(true);
    expect(gaps[0]!.to_time.startsWith("2023-03-01")).toBe(true);
    expect(gaps[0]!.seconds).toBeGreaterThan(40 * 86400);
    expectConsistent(c);
    // The silence lies between the files, not within either: neither file's quality score pays for it.
    expect(mar.row.qualityScore).toBe(jan.row.qualityScore);

    // The same files in two cases: each case's timeline is one month, without a gap.
    const [a, b] = [await newCase(), await newCase()];
    await load(january, a);
    await load(march, b);
    expect(gapsIn(a)).toEqual([]);
    expect(gapsIn(b)).toEqual([]);

    // Deleting March closes the case's timeline at January again.
    await deleteJob(db, mar.jobId);
    expect(gapsIn(c)).toEqual([]);
    expectConsistent(c);
  });
});

// ─── Atomic cancel ───────────────────────────────────────────────────────────────────────────

describe("a cancelled job leaves nothing behind", () => {
  // A case with a file of its own (January), then a large file of the same target (March) that is
  // cancelled: the case must look exactly as it did with January alone.
  const big = attFile("att-big.csv", { rows: 20_000, startMs: Date.UTC(2023, 2, 1), stepSeconds: 60, seed: 21, bad: [50, 120, 400, 9000, 15000] });
  const january = attFile("att-january-2.csv", { rows: 300, startMs: Date.UTC(2023, 0, 1), stepSeconds: 3600, seed: 13 });

  async function caseWithJanuary() {
    const c = await newCase();
    expect((await load(january, c)).row.status).toBe("completed");
    return { caseId: c, contacts: contactsIn(c), gaps: gapsIn(c) };
  }

  /** Stops the load by the flag or by a cancel in the database once `share` of the rows are stored, or at the post-load ("finalize"). */
  function cancellingRunner(how: "flag" | "db", when: number | "post-load", seen: { records: number; errors: number }): TaskRunner {
    const cancelDb = openSqlite(dbFile);
    return async (task, onProgress, flag) => {
      const cancel = () => {
        seen.records = recordsOf(task.jobId);
        seen.errors = errorsOf(task.jobId);
        // As cancelJob writes it; a sync write between two commits of the (main-thread) loader.
        if (how === "flag") Atomics.store(flag, 0, 1);
        else cancelDb.prepare(`UPDATE ingestion_jobs SET status = 'cancelled', finished_at = ? WHERE id = ?`).run(Date.now(), task.jobId);
      };
      let done = false;
      try {
        return await runIngestTask(
          task,
          (tick) => {
            onProgress(tick);
            if (when === "post-load" && tick.stage === "finalize" && !done) (done = true), cancel();
          },
          () => {
            if (typeof when === "number" && !done && recordsOf(task.jobId) >= 20_000 * when) (done = true), cancel();
            return Atomics.load(flag, 0) === 1;
          },
        );
      } finally {
        cancelDb.close();
      }
    };
  }

  const stages: [string, "flag" | "db", number | "post-load"][] = [
    ["at 5 %, by the flag", "flag", 0.05],
    ["at 5 %, in the database", "db", 0.05],
    ["at 50 %, by the flag", "flag", 0.5],
    ["at 50 %, in the database", "db", 0.5],
    ["during post-load, by the flag", "flag", "post-load"],
    ["during post-load, in the database", "db", "post-load"],
  ];

  it.each(stages)("%s", async (_label, how, when) => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    const seen = { records: 0, errors: 0 };
    const { jobId, outcome, row } = await load(big, caseId, cancellingRunner(how, when, seen));
    // It was mid-load (or loaded) when cancelled: records and errors were there.
    expect(seen.records).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
    if (when === "post-load") expect(seen.records).toBe(19_995);
    expect(outcome?.status).toBe("cancelled");
    expect(row).toMatchObject({ status: "cancelled", rowsRead: 0, inserted: 0, duplicates: 0, rejected: 0 });
    expect(recordsOf(jobId)).toBe(0);
    expect(errorsOf(jobId)).toBe(0);
    expect(contactsIn(caseId)).toEqual(contacts);
    expect(gapsIn(caseId)).toEqual(gaps);
    expect(recordsIn(caseId)).toBe(300);
    expectConsistent(caseId);
  }, 60_000);

  it("in a worker thread (commit groups held across batches), a cancel mid-load leaves nothing", async () => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    const large = attFile("att-large.csv", { rows: 120_000, startMs: Date.UTC(2023, 5, 1), stepSeconds: 30, seed: 31, bad: [10, 70_000] });
    const pool = createWorkerPool(1, 512);
    const run = poolTaskRunner(pool, 120_000);
    let cancelledAt = -1;
    const seen = { records: 0 };
    try {
      // As the cancel route does it: the job row first, then the running worker's flag.
      const runner: TaskRunner = (task, onProgress, flag) =>
        run(task, (tick) => {
          onProgress(tick);
          if (cancelledAt < 0 && tick.stage === "load" && tick.percent >= 30) {
            cancelledAt = tick.percent;
            seen.records = recordsOf(task.jobId);
            void cancelJob(db, task.jobId, { isRunning: () => true }).then(() => Atomics.store(flag, 0, 1));
          }
        }, flag);
      const { jobId, outcome, row } = await load(large, caseId, runner);
      expect(cancelledAt).toBeGreaterThanOrEqual(30);
      expect(cancelledAt).toBeLessThan(100);
      expect(seen.records).toBeGreaterThan(0);
      expect(outcome?.status).toBe("cancelled");
      expect(row).toMatchObject({ status: "cancelled", inserted: 0, rowsRead: 0 });
      expect(recordsOf(jobId)).toBe(0);
      expect(errorsOf(jobId)).toBe(0);
      expect(contactsIn(caseId)).toEqual(contacts);
      expect(gapsIn(caseId)).toEqual(gaps);
    } finally {
      await pool.destroy();
    }
  }, 120_000);

  it("a worker finishing late does not overwrite cancelled, nor its purge", async () => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    let finished: IngestOutcome | null = null;
    // The worker ignores the flag, loads everything, and returns only after the job was cancelled.
    const late: TaskRunner = async (task, onProgress) => {
      finished = await runIngestTask(task, onProgress, () => false);
      const running = await cancelJob(db, task.jobId, { isRunning: () => true });
      expect(running.status).toBe("cancelled");
      expect(recordsOf(task.jobId)).toBeGreaterThan(0); // still there: its worker purges when it stops
      return finished;
    };
    const { jobId, outcome, row } = await load(big, caseId, late);
    expect(finished!.status).toBe("partial");
    expect(outcome?.status).toBe("cancelled");
    expect(row).toMatchObject({ status: "cancelled", inserted: 0, rejected: 0 });
    expect(recordsOf(jobId)).toBe(0);
    expect(errorsOf(jobId)).toBe(0);
    expect(contactsIn(caseId)).toEqual(contacts);
    expect(gapsIn(caseId)).toEqual(gaps);
    // Run again (a duplicate delivery): a cancelled job is not claimed.
    let ran = false;
    expect(await executeJob(db, tmp.databaseUrl, jobId, async (t, p, f) => ((ran = true), inline(t, p, f)), silentJobEvents)).toBeNull();
    expect(ran).toBe(false);
    expect((await db.ingestionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("cancelled");
  }, 60_000);

  it("the queue drops a job cancelled while it waits, and the server's restart purges a cancelled job its crash left", async () => {
    const { caseId } = await caseWithJanuary();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const started: string[] = [];
    const queue = new JobQueue(db, tmp.databaseUrl, async (t, p, f) => {
      started.push(t.jobId);
      await gate;
      return inline(t, p, f);
    }, silentJobEvents, 1);
    const mk = () => createJob(db, { fileName: "att-january-2.csv", storedPath: january, sha256: "t", sizeBytes: 1, caseId });
    const [one, two] = [await mk(), await mk()];
    queue.enqueue(one.id);
    queue.enqueue(two.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(await cancelJob(db, two.id)).toMatchObject({ status: "cancelled" });
    expect(queue.cancel(two.id)).toBe(true);
    release();
    await queue.drain();
    expect(started).toEqual([one.id]);
    expect((await db.ingestionJob.findUniqueOrThrow({ where: { id: two.id } })).status).toBe("cancelled");

    // A job cancelled while running whose server died before the purge: recover() purges it.
    const april = attFile("att-april.csv", { rows: 100, startMs: Date.UTC(2023, 3, 1), stepSeconds: 3600, seed: 14 });
    const left = await load(april, caseId);
    expect(recordsOf(left.jobId)).toBe(100);
    const w = openSqlite(dbFile);
    w.prepare(`UPDATE ingestion_jobs SET status = 'cancelled' WHERE id = ?`).run(left.jobId);
    w.close();
    await new JobQueue(db, tmp.databaseUrl, inline, silentJobEvents, 1).recover();
    expect(recordsOf(left.jobId)).toBe(0);
    expect(recordsIn(caseId)).toBe(300);
    expectConsistent(caseId);
  }, 60_000);

  it("a job confirmed and then cancelled while queued never starts, and its earlier load is purged at once", async () => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    const first = await load(big, caseId);
    expect(first.row.status).toBe("partial");
    expect(recordsOf(first.jobId)).toBe(19_995);
    // A reviewer confirms a mapping (the job goes back to the queue), then someone cancels it.
    await db.ingestionJob.update({ where: { id: first.jobId }, data: { status: "needs_review" } });
    const plan = layoutPlanSchema.parse(JSON.parse((await db.layoutClassification.findUniqueOrThrow({ where: { jobId: first.jobId } })).plan));
    await confirmMapping(db, first.jobId, { columns: plan.columns.map((c) => ({ index: c.index, field: c.field, format: c.format })), timezone: "UTC" }, null);
    const cancelled = await cancelJob(db, first.jobId);
    expect(cancelled).toMatchObject({ status: "cancelled" });
    expect(recordsOf(first.jobId)).toBe(0);
    expect(errorsOf(first.jobId)).toBe(0);
    expect(contactsIn(caseId)).toEqual(contacts);
    expect(gapsIn(caseId)).toEqual(gaps);
    // The queue still held it: it never runs, and stays cancelled (not partial).
    let ran = false;
    const queue = new JobQueue(db, tmp.databaseUrl, async (t, p, f) => ((ran = true), inline(t, p, f)), silentJobEvents, 1);
    queue.enqueue(first.jobId);
    await queue.drain();
    expect(ran).toBe(false);
    expect(await db.ingestionJob.findUniqueOrThrow({ where: { id: first.jobId } })).toMatchObject({ status: "cancelled", inserted: 0 });
    await expect(cancelJob(db, first.jobId)).rejects.toMatchObject({ code: "conflict" });
  }, 60_000);
});
