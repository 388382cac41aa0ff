import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { executeJob } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { recountedContactsAndGaps, storedContactsAndGaps } from "../support/pg-contacts-recount";
import { pgSuite } from "../support/pg-suite";
import { tempLinguisticPgDatabase } from "../support/pg-test-db";
import { writeAttFile } from "./att-files";

/**
 * Migration 0016_byte_order_keys on a database whose own collation is linguistic (ICU en-US, as
 * en_US.UTF-8 installs are): the key columns compare byte by byte — SQLite's order, and the fast
 * one — and every load path (COPY, merge, near-duplicate links, recount) works beside the columns
 * left at the database's collation.
 */
const pgdb = await tempLinguisticPgDatabase("byte_order");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-byte-order-"));
const suite = pgSuite(pgdb, { dirs: [tmp] });

async function ingest(name: string, caseId: number, part: Parameters<typeof writeAttFile>[1]) {
  const file = path.join(tmp, name);
  writeAttFile(file, part);
  const job = await createJob(suite.db, { fileName: name, storedPath: file, sha256: "test", sizeBytes: fs.statSync(file).size, caseId });
  const outcome = await executeJob(suite.db, pgdb!.databaseUrl, job.id, (task, onProgress) => runIngestTask(task, onProgress), silentJobEvents);
  expect(outcome?.status).toBe("completed");
  return { jobId: job.id, outcome: outcome! };
}

describe.skipIf(!pgdb)("PostgreSQL key columns in byte order on a linguistic database", () => {
  it("the database compares text linguistically; the records' and contacts' keys compare as bytes", async () => {
    const order = async (collate: string) =>
      (await suite.sql.query<{ v: string }>(`SELECT v FROM (VALUES ('a'), ('B'), ('+1'), ('1')) AS t(v) ORDER BY v ${collate}`)).rows.map((r) => r.v);
    expect(await order("")).not.toEqual(["+1", "1", "B", "a"]); // the premise: this database's own order is not bytes
    expect(await order(`COLLATE "C"`)).toEqual(["+1", "1", "B", "a"]);
    const { rows } = await suite.sql.query<{ col: string; collation: string | null }>(
      `SELECT table_name || '.' || column_name AS col, collation_name AS collation FROM information_schema.columns
        WHERE table_schema = $1 AND (table_name, column_name) IN (('call_records', 'content_hash'), ('call_records', 'start_time'), ('call_records', 'target'),
          ('call_records', 'caller'), ('call_records', 'callee'), ('contacts', 'target'), ('contacts', 'number'), ('timeline_gaps', 'target'),
          ('contact_coverage', 'target'), ('record_devices', 'value'), ('cell_sites', 'cell'))
        ORDER BY 1`,
      [pgdb!.schema],
    );
    expect(rows).toHaveLength(11);
    for (const r of rows) expect(r, r.col).toEqual({ col: r.col, collation: "C" });
  });

  it("a load, a later delivery (merged), the other leg of its calls (linked, recounted) and a re-upload: contacts and gaps equal a recount", async () => {
    const caseId = (await suite.db.case.create({ data: { name: "linguistic" } })).id;
    await ingest("first.csv", caseId, { rows: 3_000, seed: 11 });
    await ingest("later.csv", caseId, { rows: 2_000, seed: 12, shiftSeconds: 60 * 86400 });
    const leg = await ingest("leg.csv", caseId, { rows: 3_000, seed: 11, shiftSeconds: 1 });
    const links = await suite.sql.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [leg.jobId]);
    expect(links.rows[0]!.n).toBeGreaterThan(0);
    const again = await ingest("again.csv", caseId, { rows: 3_000, seed: 11 });
    expect(again.outcome.counts).toMatchObject({ inserted: 0, duplicates: 3_000 });
    const [stored, recounted] = [await storedContactsAndGaps(suite.sql, caseId), await recountedContactsAndGaps(suite.sql, caseId)];
    expect(stored.contacts.length).toBeGreaterThan(100);
    expect(stored.contacts).toEqual(recounted.contacts);
    expect(stored.gaps).toEqual(recounted.gaps);
    // Listed in byte order, as SQLite lists them. The loaded numbers are all E.164, which sort
    // alike either way, so two that a linguistic order puts the other way round join them.
    await suite.sql.query(
      `INSERT INTO contacts (case_id, target, number, first_seen, last_seen, calls, messages)
       SELECT $1, target, n, first_seen, last_seen, 1, 0 FROM (SELECT target, first_seen, last_seen FROM contacts WHERE case_id = $1 LIMIT 1) c, (VALUES ('alice'), ('Bob')) AS v(n)`,
      [caseId],
    );
    const numbers = (await suite.sql.query<{ number: string }>(`SELECT number FROM contacts WHERE case_id = $1 ORDER BY number`, [caseId])).rows.map((r) => r.number);
    expect(numbers.filter((n) => n === "alice" || n === "Bob")).toEqual(["Bob", "alice"]);
    expect(numbers).toEqual([...numbers].sort());
  });
});
