import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { targetTimeline } from "../../lib/data/timeline";
import { openSqlite } from "../../lib/db/open-sqlite";
import { SqliteRecordSink } from "../../lib/db/sqlite-record-sink";
import { ingestFile } from "../../lib/ingest/pipeline/ingest-file";
import type { RecordBatch } from "../../lib/ingest/pipeline/record-sink";
import { createJob, deleteJob } from "../../lib/jobs/job-commands";
import { bundledWorkerScript } from "../../lib/worker-script";
import { caseSqliteHarness } from "../support/case-sqlite";

/**
 * The SQLite storage layer per case (issue 16): the content key is unique within a case, and
 * near-duplicate links, contacts and timeline gaps are computed per case — gaps across every file
 * of a target in the case. Atomic cancel is in cancel-sqlite.test.ts.
 */
const { tmp, db, dbFile, read, inline, newCase, T, attFile, load, recordsOf, recordsIn, contactsIn, gapsIn, linksIn, expectConsistent } = caseSqliteHarness();

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
      const result = await ingestFile(
        { filePath: file, fileName: "att-dedupe.csv", templates: [], producer: "thread", threads: { producers: 1 }, storedHashes: { file: dbFile, caseId } },
        sink,
      );
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
const X = "2125550147",
  Y = "7135550188";
const fileOfX = `All times are UTC\nTarget: ${X}\nStart,From,To,Duration (s),Type\n2023-05-01 10:00:00,${X},${Y},60,Voice\n2023-05-01 12:00:00,${X},3125550111,30,Voice\n`;
const fileOfY = `All times are UTC\nTarget: ${Y}\nStart,From,To,Duration (s),Type,IMEI\n2023-05-01 10:00:01,${X},${Y},61,Voice,356938035643809\n2023-05-01 15:00:00,6175550123,${Y},20,Voice,356938035643809\n`;
const partyMapping = {
  columns: (["start_time", "caller", "callee", "duration_seconds", "record_type", "imei"] as const).map((field, index) => ({ index, field })),
  timezone: "UTC",
};

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
  const busyY =
    fileOfY + Array.from({ length: 12 }, (_, i) => `2023-05-01 1${i < 10 ? 0 : 1}:${String(5 + i * 4).padStart(2, "0")}:00,6175550123,${Y},20,Voice,356938035643809\n`).join("");

  it.each([
    ["few", fileOfY],
    ["many", busyY],
  ])("deleting the job that holds a call's primary report lets the other job's report count again (%s other records around it)", async (_label, yText) => {
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
    const a0 = await newCase(); // empty: a scope of cases with nothing of the target
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
    // The timeline's day buckets (one GROUP BY) agree with a recount of the records, day by day.
    const timeline = await targetTimeline(db, T, { caseId: c });
    const recount = read
      .prepare(`SELECT substr(start_time, 1, 10) AS day, COUNT(*) AS n FROM call_records WHERE case_id = ? AND target = ? AND duplicate_of IS NULL GROUP BY day ORDER BY day`)
      .all(c, T) as { day: string; n: number }[];
    expect(timeline.days.map((d) => ({ day: d.day, n: d.calls + d.messages }))).toEqual(recount);
    expect(timeline.days.reduce((n, d) => n + d.calls + d.messages, 0)).toBe(400);
    expect(timeline.gaps).toHaveLength(1);
    expect((await targetTimeline(db, T, { caseId: { in: [a0] } })).days).toEqual([]);
    expect((await targetTimeline(db, T, { caseId: { in: [c, a0] } })).days).toEqual(timeline.days);
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
