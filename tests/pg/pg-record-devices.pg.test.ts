import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { deviceWhere } from "../../lib/data/record-device-filter";
import { listRecords } from "../../lib/data/records";
import { migratePg, PG_MIGRATIONS_DIR } from "../../lib/db/migrate-pg";
import { openPgPool } from "../../lib/db/pg-connection";
import { purgeJobPg } from "../../lib/db/pg-purge-job";
import { PG_FLUSH_ROWS } from "../../lib/db/pg-record-sink";
import { DeviceRuns, SPREAD } from "../../lib/db/record-device-runs";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { pgSuite } from "../support/pg-suite";
import { tempPgSchema } from "../support/pg-test-db";
import { writeAttFile } from "./att-files";

/**
 * PostgreSQL keeps the IMEI/IMSI look-up in record_devices (migration 0015_record_devices,
 * lib/db/pg-record-devices.ts), written after each file's load from the ids the sink knows (a
 * direct COPY's, or RETURNING's when a flush went through staging), else read back from the job's
 * records: whatever way a file loads, every record's identifiers must be there exactly once, a
 * search must find exactly the records that carry them, and a purged job must take its entries along.
 */
const pgdb = await tempPgSchema("pg_record_devices");
const before = await tempPgSchema("pg_record_devices_0014");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-devices-"));
const suite = pgSuite(pgdb, { dirs: [tmp] });
afterAll(async () => {
  await before?.cleanup();
});

const IMEIS = ["490154203237518", "356938035643809", "353918057422111", "013455006540320", "861536030196001", "352099001761481", "990000862471854"];
const IMSIS = ["310260123456789", "310150987654321", "234150999999999", "262011234567890", "208011234567890"];
const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);

/**
 * The generator's rows with handsets and SIMs that alternate row by row (in blocks of `block` rows:
 * fewer runs than DeviceRuns.spreadRuns in a big file), newest first when `reversed`; `repeatFirst`
 * lines copied to the end.
 */
function deviceFile(name: string, opts: { rows: number; seed: number; block?: number; reversed?: boolean; repeatFirst?: number }): string {
  const file = path.join(tmp, `${name}.csv`);
  writeAttFile(file, { rows: opts.rows, seed: opts.seed });
  const lines = fs.readFileSync(file, "utf8").split("\r\n").filter(Boolean);
  const headerAt = lines.findIndex((l) => l.startsWith("Item,"));
  let data = lines.slice(headerAt + 1).map((l, row) => {
    const c = l.split(",");
    const i = Math.floor(row / (opts.block ?? 1));
    c[7] = i % 11 === 0 ? "" : IMEIS[(i * 5) % IMEIS.length]!;
    c[8] = IMSIS[(i * 3) % IMSIS.length]!;
    return c.join(",");
  });
  if (opts.reversed) data = data.reverse();
  if (opts.repeatFirst) data = [...data, ...data.slice(0, opts.repeatFirst)];
  fs.writeFileSync(file, [...lines.slice(0, headerAt), "", lines[headerAt]!, ...data].join("\r\n") + "\r\n");
  return file;
}

async function load(file: string, caseId: number) {
  const job = await createJob(suite.db, { fileName: path.basename(file), storedPath: file, sha256: "0".repeat(64), sizeBytes: fs.statSync(file).size, caseId });
  const outcome = await executeJob(suite.db, pgdb!.databaseUrl, job.id, inline, silentJobEvents);
  return { jobId: job.id, outcome };
}

type Entry = { kind: string; value: string; record_id: number };
const byEntry = (x: Entry, y: Entry) => (x.kind !== y.kind ? (x.kind < y.kind ? -1 : 1) : x.value !== y.value ? (x.value < y.value ? -1 : 1) : x.record_id - y.record_id);
const runsOf = async (pool: pg.Pool, caseId: number) =>
  (await pool.query<{ kind: string; value: string; first_id: number; last_id: number }>(`SELECT kind, value, first_id, last_id FROM record_devices WHERE case_id = $1`, [caseId]))
    .rows;
/** The case's entries as stored, each run of ids spelled out, and as the records say they should be. */
const entries = async (pool: pg.Pool, caseId: number) =>
  (await runsOf(pool, caseId))
    .flatMap((r) => Array.from({ length: r.last_id - r.first_id + 1 }, (_, i) => ({ kind: r.kind, value: r.value, record_id: r.first_id + i })))
    .sort(byEntry);
const expected = async (pool: pg.Pool, caseId: number) =>
  (
    await pool.query<Entry>(
      `SELECT 'imei' AS kind, imei AS value, id AS record_id FROM call_records WHERE case_id = $1 AND imei IS NOT NULL AND imei <> ''
       UNION ALL SELECT 'imsi', imsi, id FROM call_records WHERE case_id = $1 AND imsi IS NOT NULL AND imsi <> ''`,
      [caseId],
    )
  ).rows.sort(byEntry);
const truth = async (caseId: number, imei: string) =>
  Number((await suite.sql.query(`SELECT COUNT(*) AS n FROM call_records WHERE case_id = $1 AND imei = $2`, [caseId, imei])).rows[0].n);

describe.skipIf(!pgdb)("record_devices (PostgreSQL)", () => {
  it("holds every record's IMEI and IMSI once — in order, newest first, through staging — and a search finds exactly them", async () => {
    const a = (await suite.db.case.create({ data: { name: "devices" } })).id;
    expect((await load(deviceFile("ordered", { rows: 3000, seed: 3 }), a)).outcome?.status).toBe("completed");
    const first = await entries(suite.sql, a);
    expect(first.length).toBeGreaterThan(5000);
    expect(first).toEqual(await expected(suite.sql, a));

    await load(deviceFile("newest-first", { rows: 2000, seed: 4, reversed: true }), a);
    expect(await entries(suite.sql, a)).toEqual(await expected(suite.sql, a));

    // Lines repeated more than a flush apart: the last flush conflicts and goes through staging (ids from RETURNING).
    const staged = await load(deviceFile("repeats", { rows: PG_FLUSH_ROWS + 1000, seed: 5, block: 40, repeatFirst: 400 }), a);
    expect(staged.outcome?.counts.duplicates).toBeGreaterThanOrEqual(400);
    expect(await entries(suite.sql, a)).toEqual(await expected(suite.sql, a));

    for (const imei of [IMEIS[1]!, IMEIS[1]!.slice(0, 14)]) {
      const found = await listRecords(suite.db, { scope: { caseId: a }, imei, includeDuplicates: true, page: 1, pageSize: 10_000 });
      expect(found.total).toBe(await truth(a, IMEIS[1]!));
      expect(found.total).toBeGreaterThan(1000);
      expect(found.records.every((r) => r.imei === IMEIS[1])).toBe(true);
    }
    expect(await deviceWhere(suite.db, { caseId: a }, "imei", [IMEIS[2]!])).toHaveProperty("OR");
    const other = (await suite.db.case.create({ data: { name: "empty" } })).id;
    expect((await listRecords(suite.db, { scope: { caseId: other }, imei: IMEIS[1]!, page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("spreads a value of too many runs, reads the job back past too many values, and a purge takes the job's entries along", async () => {
    const k = (await suite.db.case.create({ data: { name: "spread" } })).id;
    const spreadRuns = DeviceRuns.spreadRuns;
    DeviceRuns.spreadRuns = 40; // the handsets alternate: ~250 runs each
    let spread: string;
    try {
      spread = (await load(deviceFile("spread", { rows: 2000, seed: 6 }), k)).jobId;
    } finally {
      DeviceRuns.spreadRuns = spreadRuns;
    }
    const stored = await runsOf(suite.sql, k);
    expect(
      stored
        .filter((r) => r.last_id === SPREAD)
        .map((r) => r.value)
        .sort(),
    ).toEqual([...IMEIS, ...IMSIS].sort());
    const where = await deviceWhere(suite.db, { caseId: k }, "imei", [IMEIS[3]!]);
    expect(where).toEqual({ imei: { in: [IMEIS[3]] } });
    expect((await listRecords(suite.db, { scope: { caseId: k }, imei: IMEIS[3]!, includeDuplicates: true, page: 1, pageSize: 10_000 })).total).toBe(await truth(k, IMEIS[3]!));

    const maxValues = DeviceRuns.maxValues;
    DeviceRuns.maxValues = 3;
    let readBack: string;
    try {
      readBack = (await load(deviceFile("many-values", { rows: 1500, seed: 7 }), k)).jobId;
    } finally {
      DeviceRuns.maxValues = maxValues;
    }
    // Its entries (written from its records by SQL) are exact.
    const readBackIds = new Set((await suite.sql.query<{ id: number }>(`SELECT id FROM call_records WHERE job_id = $1`, [readBack])).rows.map((r) => r.id));
    expect((await entries(suite.sql, k)).filter((e) => readBackIds.has(e.record_id))).toEqual((await expected(suite.sql, k)).filter((e) => readBackIds.has(e.record_id)));

    const client = await suite.sql.connect();
    try {
      await purgeJobPg(client, readBack);
      await purgeJobPg(client, spread);
    } finally {
      client.release();
    }
    expect(await runsOf(suite.sql, k)).toEqual([]);
  });

  it.skipIf(!before)("the migration writes the entries of records stored before it and drops the two indexes", async () => {
    const pool = openPgPool(before!.databaseUrl, { max: 1 });
    try {
      await migratePg(pool, before!.schema, PG_MIGRATIONS_DIR, "0014_contacts_case_trigger");
      await pool.query(`INSERT INTO cases (id, name, updated_at) VALUES (1, 'old', now())`);
      await pool.query(
        `INSERT INTO ingestion_jobs (id, file_name, stored_path, sha256, size_bytes, status, case_id, updated_at) VALUES ('j', 'f.csv', '/x', 'h', 1, 'completed', 1, now())`,
      );
      for (let i = 0; i < 60; i++)
        await pool.query(
          `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, record_type, imei, imsi) VALUES ('j', 1, $1, $2, '2024-01-01T00:00:00Z', 'voice', $3, $4)`,
          [`h${i}`, i + 2, i < 30 ? IMEIS[0] : IMEIS[i % 2], i % 7 === 0 ? null : IMSIS[0]],
        );
      expect(await migratePg(pool, before!.schema, PG_MIGRATIONS_DIR, "0015_record_devices")).toEqual(["0015_record_devices"]);
      expect(await entries(pool, 1)).toEqual(await expected(pool, 1));
      const { rows } = await pool.query(
        `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname IN ('call_records_case_id_imei_idx', 'call_records_case_id_imsi_idx')`,
        [before!.schema],
      );
      expect(rows).toEqual([]);
      // Deleting the case deletes its entries.
      await pool.query(`DELETE FROM cases WHERE id = 1`);
      expect(await runsOf(pool, 1)).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});
