import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb } from "../../lib/db/prisma";
import { SqliteRecordSink } from "../../lib/db/sqlite-record-sink";
import { ingestFile, type IngestInput } from "../../lib/ingest/pipeline/ingest-file";
import { createJob } from "../../lib/jobs/job-commands";
import { bundledWorkerScript } from "../../lib/worker-script";
// @ts-expect-error: a plain .mjs generator script without type declarations
import { createCdrGenerator } from "../../scripts/bench/cdr-rows.mjs";
import { tempDataDir } from "../support/temp-db";

/**
 * The producer threads (whole-file and byte-range modes, threaded-producer.ts) must load exactly
 * what the inline path loads: the same records with the same line numbers, the same rejected
 * rows, the same duplicates — including when a quoted cell spans a range boundary (the fallback).
 */
const tmp = tempDataDir("switchyard-parallel-");
const db = getDb(tmp.databaseUrl);
const file = path.join(tmp.dir, "att-parallel.csv");
let splitAt = 0;

beforeAll(() => {
  const gen = createCdrGenerator({ seed: 7 }) as { rows(n: number): Iterable<string[]> };
  const lines = ["AT&T Subpoena Compliance", "Target: 7133537623", "All times shown in UTC", "", HEADER];
  for (const cells of gen.rows(12_000)) {
    // The Feature cell of one row early in the file gets a quoted line break.
    if (lines.length === 2500) cells[10] = '"[call\r\nwaiting]"';
    lines.push(cells.join(","));
  }
  // A rejected row, an exact duplicate line, a repeated header and a quoted cell with a line break.
  lines[3000] = lines[3000]!.replace(/,(\d{10}),/, ",N/A,");
  lines[6000] = lines[5999]!;
  lines[7000] = HEADER;
  const text = lines.join("\r\n") + "\r\n";
  fs.writeFileSync(file, text);
  // A range size whose first boundary falls right after the line break inside that quoted cell.
  splitAt = Buffer.byteLength(text.slice(0, text.indexOf("[call\r\n") + "[call\r\n".length));
  expect(splitAt).toBeGreaterThan(200_000);
});

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

const HEADER = "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location";

async function load(opts: Pick<IngestInput, "producer" | "threads">) {
  const job = await createJob(db, { fileName: "att-parallel.csv", storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size });
  const conn = openSqlite(tmp.databaseUrl.slice(5));
  const result = await ingestFile({ filePath: file, fileName: "att-parallel.csv", templates: [], ...opts }, new SqliteRecordSink(conn, job.id, job.caseId, true));
  const read = openSqlite(tmp.databaseUrl.slice(5));
  const records = read.prepare(`SELECT content_hash || ':' || line FROM call_records WHERE job_id = ? ORDER BY line`).pluck().all(job.id) as string[];
  const errors = read.prepare(`SELECT line || ':' || code FROM ingestion_errors WHERE job_id = ? ORDER BY line`).pluck().all(job.id) as string[];
  read.close();
  // Each job's records are its own: clear them so the next mode loads the same rows afresh.
  await db.callRecord.deleteMany({ where: { jobId: job.id } });
  return { result, records, errors };
}

describe("producer threads load exactly what the inline path loads", () => {
  it("whole-file and range modes, with a quoted line break across a range boundary", async () => {
    expect(bundledWorkerScript("row-producer"), "dist/workers/row-producer.mjs is built by `npm run build` (npm test builds first)").not.toBeNull();
    const inline = await load({ producer: "inline" });
    expect(inline.result.status).toBe("partial");
    // 12,000 rows less the one turned into a repeated header.
    expect(inline.result.counts).toEqual({ rows: 11_999, inserted: 11_997, duplicates: 1, rejected: 1 });
    expect(inline.errors).toEqual(["3002:invalid_phone"]); // one more physical line: the quoted line break above it
    expect(inline.records).toHaveLength(11_997);

    const variants: Pick<IngestInput, "producer" | "threads">[] = [
      { producer: "thread", threads: { producers: 1 } },
      { producer: "thread", threads: { producers: 2, rangeBytes: 64 * 1024 } },
      { producer: "thread", threads: { producers: 2, rangeBytes: 64 * 1024, startAll: true } },
      { producer: "thread", threads: { producers: 3, rangeBytes: 50_000, startAll: true } },
      { producer: "thread", threads: { producers: 2, rangeBytes: splitAt, startAll: true } },
    ];
    for (const threads of variants) {
      const got = await load(threads);
      expect(got.result.counts, JSON.stringify(threads)).toEqual(inline.result.counts);
      expect(got.errors, JSON.stringify(threads)).toEqual(inline.errors);
      expect(got.records, JSON.stringify(threads)).toEqual(inline.records);
    }
  }, 60_000);

  it("a file that fails to plan fails the job with the same sentence in a thread", async () => {
    const empty = path.join(tmp.dir, "empty.csv");
    fs.writeFileSync(empty, "");
    const job = await createJob(db, { fileName: "empty.csv", storedPath: empty, sha256: "t", sizeBytes: 0 });
    const sink = new SqliteRecordSink(openSqlite(tmp.databaseUrl.slice(5)), job.id, job.caseId, true);
    const inThread = await ingestFile({ filePath: empty, fileName: "empty.csv", templates: [], producer: "thread" }, sink);
    expect(inThread.status).toBe("failed");
    expect(inThread.error?.code).toBe("empty_file");
  });
});
