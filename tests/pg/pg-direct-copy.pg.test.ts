import { describe, expect, it } from "vitest";
import { PgRecordSink } from "../../lib/db/pg-record-sink";
import { COL, RECORD_COLUMNS, ROW_WIDTH, type RecordBatch } from "../../lib/ingest/pipeline/record-sink";
import { createJob } from "../../lib/jobs/job-commands";
import { pgSuite } from "../support/pg-suite";
import { syntheticBatch } from "../support/record-batch";
import { tempPgSchema } from "../support/pg-test-db";

/**
 * The PostgreSQL loader COPYs a flush straight into call_records (pg-direct-copy.ts) and checks
 * the job once per flush instead of a foreign key per row (migration 0013). What the staged
 * INSERT … ON CONFLICT and the foreign key guaranteed must still hold: a content key is stored
 * once (its lowest line), a key stored earlier is skipped however far back, a job's records go
 * with the job (and with its case), and a job deleted mid-load stops the load with a sentence. The
 * same for contacts, whose case foreign key became a trigger and a lock (migration 0014).
 */
const pgdb = await tempPgSchema("pg_direct_copy");
const suite = pgSuite(pgdb, { poolSize: 4 });

async function startLoad(fileName: string, caseId?: number) {
  const job = await createJob(suite.db, { fileName, storedPath: "/nonexistent", sha256: "t", sizeBytes: 1, caseId });
  const sink = new PgRecordSink(await suite.sql.connect(), job.id, job.caseId);
  await sink.begin("att");
  return { job, sink };
}

const storedLines = async (jobId: string) =>
  (await suite.sql.query<{ line: number }>(`SELECT line FROM call_records WHERE job_id = $1 ORDER BY line`, [jobId])).rows.map((r) => r.line);

/** The batch's rows with `by` added to their lines (the same content further down the file). */
function movedDown(batch: RecordBatch, by: number): RecordBatch {
  const values = [...batch.values];
  for (let at = COL.line; at < values.length; at += ROW_WIDTH) values[at] = (values[at] as number) + by;
  return { count: batch.count, values };
}

describe.skipIf(!pgdb)("PostgreSQL: flushes COPYed into call_records", () => {
  it("stores a content key repeated within a flush once, at its lowest line", async () => {
    const { job, sink } = await startLoad("repeats.csv");
    await sink.insertRecords(movedDown(syntheticBatch(0, 40), 5_000));
    await sink.insertRecords(syntheticBatch(0, 40));
    expect(await sink.commit()).toBe(40);
    await sink.close();
    expect(await storedLines(job.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("COPYs quotes, commas and empty strings as written, and drops the NUL PostgreSQL text cannot hold", async () => {
    const { job, sink } = await startLoad("quoting.csv");
    const batch = syntheticBatch(20_000, 1);
    batch.values[RECORD_COLUMNS.indexOf("dialed_digits")] = 'say "hi"\u0000, then\nhang up';
    batch.values[RECORD_COLUMNS.indexOf("cell_first")] = "";
    await sink.insertRecords(batch);
    expect(await sink.commit()).toBe(1);
    await sink.close();
    const { rows } = await suite.sql.query(`SELECT dialed_digits, cell_first, cell_last FROM call_records WHERE job_id = $1`, [job.id]);
    expect(rows).toEqual([{ dialed_digits: 'say "hi", then\nhang up', cell_first: "", cell_last: null }]);
  });

  it("skips content keys stored by an earlier flush of the file or by another file of the case", async () => {
    const { job, sink } = await startLoad("first.csv");
    expect(await sink.commit()).toBe(0);
    await sink.insertRecords(syntheticBatch(1_000, 100));
    expect(await sink.commit()).toBe(100);
    // Lines further down repeat half of what is stored: the flush after a fresh one is not probed
    // first, so its COPY meets the stored keys and the flush goes through staging instead.
    await sink.insertRecords(movedDown(syntheticBatch(1_050, 100), 100_000));
    expect(await sink.commit()).toBe(50);
    await sink.finish();
    await sink.close();
    const lines = await storedLines(job.id);
    expect(lines).toHaveLength(150);
    expect(lines.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => 1_001 + i));
    expect(lines.slice(100)).toEqual(Array.from({ length: 50 }, (_, i) => 101_101 + i));

    const other = await startLoad("second.csv", job.caseId);
    await other.sink.insertRecords(syntheticBatch(1_100, 100));
    expect(await other.sink.commit()).toBe(50); // 1,100–1,149 are the first file's
    await other.sink.finish();
    await other.sink.close();
    // Another case stores the same content again.
    const elsewhere = await startLoad("elsewhere.csv", (await suite.db.case.create({ data: { name: "elsewhere" } })).id);
    await elsewhere.sink.insertRecords(syntheticBatch(1_000, 150));
    expect(await elsewhere.sink.commit()).toBe(150);
    await elsewhere.sink.close();
  });

  it("re-sends nothing of a re-upload, in the small flushes a re-upload gets, and stores the new rows after it", async () => {
    const first = await startLoad("again-1.csv");
    for (let i = 0; i < 50; i++) await first.sink.insertRecords(syntheticBatch(200_000 + i * 500, 500));
    expect(await first.sink.commit()).toBe(25_000);
    await first.sink.close();
    const again = await startLoad("again-2.csv", first.job.caseId);
    for (let i = 0; i < 50; i++) await again.sink.insertRecords(syntheticBatch(200_000 + i * 500, 500));
    await again.sink.insertRecords(syntheticBatch(225_000, 300));
    expect(await again.sink.commit()).toBe(300);
    await again.sink.close();
    expect(await storedLines(again.job.id)).toEqual(Array.from({ length: 300 }, (_, i) => 225_001 + i));
    expect(await storedLines(first.job.id)).toHaveLength(25_000);
  });

  it("keeps no orphan records when the job is deleted mid-load, and fails the load as job_deleted", async () => {
    const { job, sink } = await startLoad("gone.csv");
    await sink.insertRecords(syntheticBatch(5_000, 120));
    expect(await sink.commit()).toBe(120);
    // The delete trigger (migration 0013) removes what was committed so far.
    await suite.db.ingestionJob.delete({ where: { id: job.id } });
    expect(await storedLines(job.id)).toEqual([]);
    await expect(
      (async () => {
        await sink.insertRecords(syntheticBatch(5_120, 80));
        await sink.commit();
      })(),
    ).rejects.toMatchObject({ code: "job_deleted" });
    await sink.close();
    expect(await storedLines(job.id)).toEqual([]);
  });

  it("deletes a case's records and contacts with the case (the delete triggers)", async () => {
    const caseId = (await suite.db.case.create({ data: { name: "short-lived" } })).id;
    const { job, sink } = await startLoad("case.csv", caseId);
    await sink.insertRecords(syntheticBatch(9_000, 30));
    await sink.finish();
    await sink.close();
    expect(await storedLines(job.id)).toHaveLength(30);
    const count = async (table: string) => (await suite.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).rows[0].n;
    expect(await count("contacts")).toBe(1);
    await suite.db.case.delete({ where: { id: caseId } });
    expect(await count("call_records")).toBe(0);
    expect(await count("contacts")).toBe(0);
  });

  it("stops a post-load whose case was deleted, leaving no contacts", async () => {
    const caseId = (await suite.db.case.create({ data: { name: "deleted mid-load" } })).id;
    const { sink } = await startLoad("late.csv", caseId);
    await sink.insertRecords(syntheticBatch(12_000, 30));
    expect(await sink.commit()).toBe(30);
    await suite.sql.query(`DELETE FROM cases WHERE id = $1`, [caseId]);
    await expect(sink.finish()).rejects.toMatchObject({ code: "job_deleted" });
    await sink.close();
    const left = await suite.sql.query(
      `SELECT (SELECT count(*) FROM contacts WHERE case_id = $1)::int AS contacts, (SELECT count(*) FROM call_records WHERE case_id = $1)::int AS records`,
      [caseId],
    );
    expect(left.rows[0]).toEqual({ contacts: 0, records: 0 });
  });
});
