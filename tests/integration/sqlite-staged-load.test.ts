import { afterAll, describe, expect, it } from "vitest";
import type { JobCounts } from "../../lib/schemas/job";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb } from "../../lib/db/prisma";
import { SqliteRecordSink } from "../../lib/db/sqlite-record-sink";
import type { RowBatch } from "../../lib/ingest/pipeline/build-batches";
import { loadRows } from "../../lib/ingest/pipeline/load-rows";
import { createJob } from "../../lib/jobs/job-commands";
import { syntheticBatch } from "../support/record-batch";
import { tempDataDir } from "../support/temp-db";

/**
 * A file not in time order is staged and inserted at the last commit (sqlite-staged-rows.ts):
 * counts must reconcile, the rows inserted before the file went back must be counted once, and
 * progress must keep moving while the staged rows go in (seconds for a big file).
 */
const tmp = tempDataDir("switchyard-staged-load-");
const db = getDb(tmp.databaseUrl);
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

/** 500-row batches of records `order` (syntheticBatch numbers: a minute apart), as producers hand them over. */
async function* batches(order: number[][]): AsyncGenerator<RowBatch> {
  let bytes = 0;
  for (const [first, count] of order) {
    const b = syntheticBatch(first!, count!);
    bytes += count! * 100;
    yield { ...b, rows: b.count, errors: [], bytesRead: bytes, moreReady: true };
  }
}

describe("a file staged because it is not in time order", () => {
  it("counts every row once, stores the rows in time order, and reports progress while inserting them", async () => {
    const job = await createJob(db, { fileName: "late.csv", storedPath: "/nonexistent", sha256: "t", sizeBytes: 1 });
    const conn = openSqlite(tmp.databaseUrl.slice(5));
    const sink = new SqliteRecordSink(conn, job.id, job.caseId, true);
    await sink.begin("att");
    // Records 20,000–21,999 in order (inserted at once), then 0–19,999 (back in time: staged, and
    // the 2,000 inserted ones move to staging too), then 19,500–19,999 again (duplicates).
    const order: number[][] = [];
    for (let i = 20_000; i < 22_000; i += 500) order.push([i, 500]);
    for (let i = 0; i < 20_000; i += 500) order.push([i, 500]);
    order.push([19_500, 500]);
    const progress: JobCounts[] = [];
    let counts: JobCounts;
    try {
      counts = await loadRows(batches(order), sink, { onBatch: (_stage, _bytes, c) => progress.push(c) });
      await sink.finish();
    } finally {
      await sink.close();
    }
    expect(counts).toEqual({ rows: 22_500, inserted: 22_000, duplicates: 500, rejected: 0 });
    // After every row was read, the staged rows' insert reported progress on the way.
    const whileInserting = progress.filter((c) => c.rows === 22_500 && c.inserted > 2_000 && c.inserted < 22_000).map((c) => c.inserted);
    expect(whileInserting.length).toBeGreaterThanOrEqual(2);
    expect(whileInserting).toEqual([...whileInserting].sort((a, b) => a - b));
    const read = openSqlite(tmp.databaseUrl.slice(5));
    try {
      const starts = read.prepare(`SELECT start_time FROM call_records WHERE job_id = ? ORDER BY id`).pluck().all(job.id) as string[];
      expect(starts).toHaveLength(22_000);
      expect(starts).toEqual([...starts].sort());
    } finally {
      read.close();
    }
  });
});
