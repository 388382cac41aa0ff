import fs from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb } from "../../lib/db/prisma";
import { SqliteRecordSink } from "../../lib/db/sqlite-record-sink";
import { StoredHashFilter } from "../../lib/db/sqlite-stored-hashes";
import { StoredHashFingerprints } from "../../lib/db/stored-hash-fingerprints";
import { ingestFile, type IngestInput } from "../../lib/ingest/pipeline/ingest-file";
import { COL, ROW_WIDTH, type RecordBatch, type RecordSink } from "../../lib/ingest/pipeline/record-sink";
import { createJob } from "../../lib/jobs/job-commands";
import { bundledWorkerScript } from "../../lib/worker-script";
// @ts-expect-error: a plain .mjs generator script without type declarations
import { createCdrGenerator } from "../../scripts/bench/cdr-rows.mjs";
import { tempDataDir } from "../support/temp-db";

/**
 * Producer threads drop records the database already holds (StoredHashFilter) before the writer
 * sees them. The counts, rows and errors must be exactly those of the writer deduplicating alone,
 * for a full re-upload and for a file that is half new; and the writer must really be spared.
 */
const tmp = tempDataDir("switchyard-stored-hashes-");
const db = getDb(tmp.databaseUrl);
const dbFile = tmp.databaseUrl.slice("file:".length);
const HEADER = "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location";
const PREAMBLE = ["AT&T Subpoena Compliance", "Target: 7133537623", "All times shown in UTC", "", HEADER];
const original = path.join(tmp.dir, "att-original.csv");
const halfNew = path.join(tmp.dir, "att-half-new.csv");
const shuffled = path.join(tmp.dir, "att-shuffled.csv");

function rows(seed: number, n: number): string[] {
  const gen = createCdrGenerator({ seed }) as { rows(n: number): Iterable<string[]> };
  return [...gen.rows(n)].map((cells) => cells.join(","));
}

beforeAll(() => {
  const first = rows(11, 10_000);
  first[4000] = first[4000]!.replace(/,(\d{10}),/, ",N/A,"); // one rejected row
  first[6000] = first[5999]!; // one duplicate inside the file
  fs.writeFileSync(original, [...PREAMBLE, ...first].join("\r\n") + "\r\n");
  // The second half of the original (stored by then) and 5,000 rows of another generator.
  fs.writeFileSync(halfNew, [...PREAMBLE, ...first.slice(5_000), ...rows(12, 5_000)].join("\r\n") + "\r\n");
  // Rows in no time order: row i is row (i · 7,919 mod 12,000) of the generator's.
  const ordered = rows(13, 12_000);
  fs.writeFileSync(shuffled, [...PREAMBLE, ...ordered.map((_, i) => ordered[(i * 7_919) % 12_000]!)].join("\r\n") + "\r\n");
});

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

/** The real sink, counting the records the writer was handed. */
function countingSink(jobId: string, caseId: number): { sink: RecordSink; handed: () => number } {
  const sink = new SqliteRecordSink(openSqlite(dbFile), jobId, caseId, true);
  let handed = 0;
  const insertRecords = sink.insertRecords.bind(sink);
  sink.insertRecords = (batch: RecordBatch) => {
    handed += batch.count;
    return insertRecords(batch);
  };
  return { sink, handed: () => handed };
}

/** Loads the file into the default case; `filtered`: the producers drop what the case holds (storedHashes). */
async function load(file: string, opts: Pick<IngestInput, "producer"> & { filtered?: boolean; fingerprints?: SharedArrayBuffer }) {
  const name = path.basename(file);
  const job = await createJob(db, { fileName: name, storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size });
  const { sink, handed } = countingSink(job.id, job.caseId);
  const threads = { producers: 2, rangeBytes: 64 * 1024, startAll: true };
  const storedHashes = opts.filtered ? { file: dbFile, caseId: job.caseId, fingerprints: opts.fingerprints } : undefined;
  const result = await ingestFile({ filePath: file, fileName: name, templates: [], threads, producer: opts.producer, storedHashes }, sink);
  const read = openSqlite(dbFile);
  const records = read.prepare(`SELECT content_hash || ':' || line FROM call_records WHERE job_id = ? ORDER BY line`).pluck().all(job.id) as string[];
  const errors = read.prepare(`SELECT line || ':' || code FROM ingestion_errors WHERE job_id = ? ORDER BY line`).pluck().all(job.id) as string[];
  read.close();
  return { jobId: job.id, counts: result.counts, records, errors, handed: handed() };
}

describe("producers drop stored duplicates before the writer", () => {
  it("a re-upload and a half-new file count and store exactly what the writer alone would", async () => {
    expect(bundledWorkerScript("row-producer"), "dist/workers/row-producer.mjs is built by `npm run build` (npm test builds first)").not.toBeNull();
    const filtered = { producer: "thread", filtered: true } as const;
    const first = await load(original, filtered);
    expect(first.counts).toEqual({ rows: 10_000, inserted: 9_998, duplicates: 1, rejected: 1 });

    // Everything stored: the writer is handed (nearly) nothing, the counts are unchanged.
    const again = await load(original, filtered);
    expect(again.counts).toEqual({ rows: 10_000, inserted: 0, duplicates: 9_999, rejected: 1 });
    expect(again.errors).toEqual(first.errors);
    expect(again.handed).toBe(0);
    const unfiltered = await load(original, { producer: "thread" });
    expect(unfiltered.counts).toEqual(again.counts);
    expect(unfiltered.handed).toBe(9_999);

    // Half stored: the new half is inserted with the line numbers the writer alone gives it.
    const half = await load(halfNew, filtered);
    expect(half.counts).toEqual({ rows: 10_000, inserted: 5_000, duplicates: 5_000, rejected: 0 });
    expect(half.handed).toBeLessThan(6_000);
    await db.callRecord.deleteMany({ where: { jobId: half.jobId } });
    const alone = await load(halfNew, { producer: "inline" });
    expect(alone.counts).toEqual(half.counts);
    expect(alone.records).toEqual(half.records);
  }, 60_000);

  it("probes again after a miss, and asks for a crowded span's hashes themselves", async () => {
    const caseId = (await db.ingestionJob.findFirstOrThrow({ select: { caseId: true } })).caseId;
    const filter = StoredHashFilter.open(dbFile, caseId);
    expect(filter).not.toBeNull();
    const read = openSqlite(dbFile);
    const stored = read.prepare(`SELECT content_hash FROM call_records ORDER BY content_hash LIMIT 300`).pluck().all() as string[];
    read.close();
    const batch = (hashes: string[]) => ({ count: hashes.length, values: hashes.flatMap((h, i) => row(h, i)) });
    const fresh = (n: number) => Array.from({ length: n }, (_, i) => `ffffffffff${String(i).padStart(54, "0")}`);

    // Two stored among three: both dropped, the other kept whole and in place. The new hash differs
    // from a stored one in its last digit only, so the batch's span holds just those two.
    const near = stored[11]!.slice(0, -1) + (stored[11]!.endsWith("0") ? "1" : "0");
    const mixed = batch([stored[10]!, near, stored[11]!]);
    const out = filter!.unstored(mixed.count, mixed.values);
    expect(out).toMatchObject({ count: 1, stored: 2 });
    expect(out.values).toEqual(mixed.values.slice(ROW_WIDTH, 2 * ROW_WIDTH));

    // A batch of new records: not probed again for 15 batches (they pass as they are), then probed.
    filter!.unstored(2, batch(fresh(2)).values);
    const storedBatch = batch(stored.slice(0, 2));
    for (let i = 0; i < 15; i++) expect(filter!.unstored(2, storedBatch.values).stored).toBe(0);
    expect(filter!.unstored(2, storedBatch.values).stored).toBe(2);

    // A span holding more than twice the batch in stored hashes (a file out of time order, others'
    // records): the batch's own hashes are looked up, so both are found without reading the span.
    const crowded = batch([stored[0]!, fresh(1)[0]!, stored[299]!]);
    const kept = filter!.unstored(crowded.count, crowded.values);
    expect(kept).toMatchObject({ count: 1, stored: 2 });
    expect(kept.values).toEqual(crowded.values.slice(ROW_WIDTH, 2 * ROW_WIDTH));
    filter!.close();
  });

  it("a re-upload out of time order is filtered through the case's hashes read into memory", async () => {
    const filtered = { producer: "thread", filtered: true } as const;
    const first = await load(shuffled, filtered);
    expect(first.counts).toEqual({ rows: 12_000, inserted: 12_000, duplicates: 0, rejected: 0 });
    const fingerprints = StoredHashFingerprints.sharedBuffer();
    const again = await load(shuffled, { ...filtered, fingerprints });
    expect(again.counts).toEqual({ rows: 12_000, inserted: 0, duplicates: 12_000, rejected: 0 });
    expect(again.handed).toBe(0);
    // The producer threads built the case's table in the buffer they shared: it is ready, with every
    // record the case held (an empty database gets that table, not its own).
    const caseRecords = await db.callRecord.count({ where: { caseId: (await db.ingestionJob.findUniqueOrThrow({ where: { id: again.jobId } })).caseId } });
    const empty = new Database(":memory:");
    empty.exec(`CREATE TABLE call_records (case_id INTEGER, content_hash TEXT)`);
    const table = StoredHashFingerprints.fromShared(empty, 1, fingerprints);
    expect(table !== null && table !== "building" && table.size).toBe(caseRecords);
  }, 60_000);

  it("reads the case's hashes once when crowded batches find them stored: a snapshot, what is stored later is the writer's", () => {
    const read = openSqlite(dbFile);
    const caseId = read.prepare(`SELECT case_id FROM call_records LIMIT 1`).pluck().get() as number;
    // Hashes of the whole case in no order: every batch's span is crowded.
    const all = read.prepare(`SELECT id, content_hash FROM call_records WHERE case_id = ? ORDER BY line, id`).raw().all(caseId) as [number, string][];
    read.close();
    const batch = (hashes: string[]) => ({ count: hashes.length, values: hashes.flatMap((h, i) => row(h, i)) });
    const filter = StoredHashFilter.open(dbFile, caseId)!;
    const spread = (from: number) => Array.from({ length: 20 }, (_, i) => all[(from + i * 997) % all.length]![1]);
    expect(filter.unstored(20, batch(spread(0)).values).stored).toBe(20);

    // One stored hash changes after that batch: the filter still takes the old one for stored and
    // lets the new one through, as only hashes read into memory would (the index would say the opposite).
    const [id, old] = all[5]!;
    // (A digit within the fingerprint's 32: the time's 10 and the digest's first 22.)
    const renamed = `${old.slice(0, 20)}${old[20] === "a" ? "b" : "a"}${old.slice(21)}`;
    const write = openSqlite(dbFile);
    const rename = write.prepare(`UPDATE call_records SET content_hash = ? WHERE id = ?`);
    rename.run(renamed, id);
    try {
      const out = filter.unstored(2, batch([old, renamed]).values);
      expect(out).toMatchObject({ count: 1, stored: 1 });
      expect(out.values[COL.hash]).toBe(renamed);
      expect(filter.unstored(20, batch(spread(1)).values).stored).toBe(20);
    } finally {
      rename.run(old, id);
      write.close();
      filter.close();
    }
  });

  it("goes on with the index look-ups when the hashes cannot be read into memory", () => {
    const read = openSqlite(dbFile);
    const caseId = read.prepare(`SELECT case_id FROM call_records LIMIT 1`).pluck().get() as number;
    const all = read.prepare(`SELECT content_hash FROM call_records WHERE case_id = ? ORDER BY line, id`).pluck().all(caseId) as string[];
    read.close();
    // A buffer too small for even the table's header: building the table throws inside the filter.
    const filter = StoredHashFilter.open(dbFile, caseId, new SharedArrayBuffer(8))!;
    const hashes = (from: number) => Array.from({ length: 20 }, (_, i) => all[(from + i * 997) % all.length]!);
    const batch = (hs: string[]) => hs.flatMap((h, i) => row(h, i));
    for (let k = 0; k < 3; k++) expect(filter.unstored(20, batch(hashes(k))).stored).toBe(20);
    filter.close();
  });

  it("cannot open a missing database: no filter, the writer deduplicates alone", () => {
    expect(StoredHashFilter.open(path.join(tmp.dir, "missing.db"), 1)).toBeNull();
  });
});

/** A record row with the given hash (other values do not matter to the filter). */
function row(hash: string, i: number): (string | number | null)[] {
  const values: (string | number | null)[] = new Array(ROW_WIDTH).fill(null);
  values[COL.hash] = hash;
  values[COL.line] = i + 1;
  return values;
}
