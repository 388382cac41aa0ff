import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePg, PG_MIGRATIONS_DIR } from "../../lib/db/migrate-pg";
import { openPgPool } from "../../lib/db/pg-connection";
import { getDb, type Db } from "../../lib/db/prisma";
import { executeJob } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { tempPgSchema } from "../support/pg-test-db";
import { writeAttFile } from "./att-files";

/**
 * prisma/pg/migrations/0004_cases on data of the schema before cases: two uploaders and a CLI job,
 * records with near-duplicate links inside one uploader's files, across the two uploaders, and to a
 * record deleted long ago; contacts, coverage and gaps. Nothing may be lost and every content key
 * must stay unique in its case.
 */
const pgdb = await tempPgSchema("migrate_cases");
let sql: pg.Pool;
let db: Db | null = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-migrate-"));

const T = "+17133537623"; // Alice's target
const A1 = "+12062060312"; // Bob's target, a contact of T
const [A2, A3, A4, A5, A6, A7] = ["+17027796447", "+16175876488", "+13059071101", "+13127370148", "+14155550123", "+12125550199"];

type Rec = { id: number; job: string; start: string; caller: string; callee: string; type: "voice" | "sms"; dur: number; target: string | null; dup?: number };
const RECORDS: Rec[] = [
  { id: 1, job: "j1", start: "2023-01-01T00:00:00Z", caller: T, callee: A1, type: "voice", dur: 60, target: T },
  { id: 2, job: "j1", start: "2023-01-01T01:00:00Z", caller: A2, callee: T, type: "sms", dur: 0, target: T },
  { id: 3, job: "j1", start: "2023-01-01T02:00:00Z", caller: T, callee: A1, type: "voice", dur: 30, target: T },
  { id: 4, job: "j1", start: "2023-01-01T03:00:00Z", caller: T, callee: A3, type: "voice", dur: 20, target: T },
  { id: 5, job: "j1", start: "2023-01-01T03:00:01Z", caller: T, callee: A3, type: "voice", dur: 20, target: T, dup: 4 }, // within Alice's files: kept
  { id: 6, job: "j1", start: "2023-01-01T04:00:00Z", caller: T, callee: A1, type: "voice", dur: 45, target: T },
  { id: 7, job: "j1", start: "2023-01-01T05:00:00Z", caller: A4, callee: A5, type: "voice", dur: 10, target: null },
  { id: 13, job: "j1", start: "2023-01-01T06:00:00Z", caller: A4, callee: A5, type: "voice", dur: 10, target: "" }, // grouped with the null target
  { id: 8, job: "j2", start: "2023-01-01T02:00:01Z", caller: T, callee: A1, type: "voice", dur: 30, target: A1, dup: 3 }, // across uploaders: cleared
  { id: 9, job: "j2", start: "2023-01-01T04:00:01Z", caller: T, callee: A1, type: "voice", dur: 45, target: A1, dup: 6 }, // across: becomes Bob's primary…
  { id: 10, job: "j2", start: "2023-01-01T04:00:02Z", caller: T, callee: A1, type: "voice", dur: 45, target: A1, dup: 6 }, // …and this leg points at it
  { id: 11, job: "j2", start: "2023-01-02T00:00:00Z", caller: A1, callee: A6, type: "sms", dur: 0, target: A1 },
  { id: 12, job: "j2", start: "2023-01-03T00:00:00Z", caller: T, callee: A1, type: "voice", dur: 5, target: A1, dup: 999 }, // a link to a deleted record: cleared
  { id: 14, job: "j3", start: "2023-02-01T00:00:00Z", caller: T, callee: A7, type: "voice", dur: 70, target: T },
  { id: 15, job: "j4", start: "2023-01-01T00:00:01Z", caller: T, callee: A1, type: "voice", dur: 60, target: T, dup: 1 }, // Alice's second file: same case, kept
];

beforeAll(async () => {
  if (!pgdb) return;
  sql = openPgPool(pgdb.databaseUrl, { max: 2 });
  expect(await migratePg(sql, pgdb.schema, PG_MIGRATIONS_DIR, "0003_contact_coverage")).toEqual(["0001_init", "0002_socket_io_attachments", "0003_contact_coverage"]);
  const q = (text: string, values: unknown[] = []) => sql.query(text, values);
  await q(`INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES
    ('u-alice', 'alice@example.com', 'Alice', 'x', 'analyst', '2024-01-01'),
    ('u-bob', 'bob@example.com', 'Bob', 'x', 'reviewer', '2024-01-02'),
    ('u-carol', 'carol@example.com', 'Carol', 'x', 'analyst', '2024-01-03')`);
  await q(`INSERT INTO ingestion_jobs (id, file_name, stored_path, sha256, size_bytes, status, user_id, updated_at, inserted) VALUES
    ('j1', 'alice-1.csv', '/x', 's', 1, 'completed', 'u-alice', now(), 7),
    ('j2', 'bob-1.csv', '/x', 's', 1, 'completed', 'u-bob', now(), 5),
    ('j3', 'cli.csv', '/x', 's', 1, 'completed', NULL, now(), 1),
    ('j4', 'alice-2.csv', '/x', 's', 1, 'completed', 'u-alice', now(), 1)`);
  for (const r of RECORDS) {
    await q(
      `INSERT INTO call_records (id, job_id, content_hash, line, start_time, duration_seconds, caller, callee, record_type, target, duplicate_of)
       VALUES ($1, $2, $3, $1, $4, $5, $6, $7, $8, $9, $10)`,
      [r.id, r.job, `h${r.id}`, r.start, r.dur, r.caller, r.callee, r.type, r.target, r.dup ?? null],
    );
  }
  await q(`SELECT setval(pg_get_serial_sequence('call_records', 'id'), 100)`);
  // Yesterday's contacts were global per target (and a little stale): they are recounted.
  await q(
    `INSERT INTO contacts (target, number, first_seen, last_seen, calls, messages) VALUES ($1, $2, '2023-01-01T00:00:00Z', '2023-01-01T04:00:00Z', 99, 0), ($3, $1, '2023-01-01T02:00:01Z', '2023-01-03T00:00:00Z', 1, 0)`,
    [T, A1, A1],
  );
  await q(`INSERT INTO contact_coverage (target, max_record_id, records) VALUES ($1, 15, 9)`, [T]);
  await q(
    `INSERT INTO timeline_gaps (job_id, target, from_time, to_time, seconds, ratio) VALUES
    ('j1', $1, '2023-01-01T05:00:00Z', '2023-01-20T00:00:00Z', 1620000, 40.5),
    ('j2', $2, '2023-01-03T00:00:00Z', '2023-01-09T00:00:00Z', 518400, 12),
    ('j3', $1, '2023-02-01T00:00:00Z', '2023-02-11T00:00:00Z', 864000, 9.5)`,
    [T, A1],
  );
  expect(await migratePg(sql, pgdb.schema, PG_MIGRATIONS_DIR, "0004_cases")).toEqual(["0004_cases"]);
  // And on, over the migrated data: 0005 gives every party its kind (issue 17).
  expect(await migratePg(sql, pgdb.schema, PG_MIGRATIONS_DIR, "0005_party_kinds")).toEqual(["0005_party_kinds"]);
});
afterAll(async () => {
  await db?.$disconnect();
  await sql?.end();
  await pgdb?.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const rows = async <T>(text: string, values: unknown[] = []) => (await sql.query(text, values)).rows as T[];

describe.skipIf(!pgdb)("migration 0004_cases on PostgreSQL, from the schema before cases", () => {
  let caseOf: Record<string, number>;

  it("makes one case per uploader (a member of it) and 'default' for jobs without one", async () => {
    const cases = await rows<{ id: number; name: string; created_by: string | null }>(`SELECT id, name, created_by FROM cases ORDER BY id`);
    expect(cases.map((c) => [c.name, c.created_by])).toEqual([
      ["default", null],
      ["Alice's files", "u-alice"],
      ["Bob's files", "u-bob"],
    ]);
    caseOf = Object.fromEntries(cases.map((c) => [c.created_by ?? "cli", c.id]));
    expect(await rows(`SELECT case_id, user_id, role FROM case_members ORDER BY case_id`)).toEqual([
      { case_id: caseOf["u-alice"], user_id: "u-alice", role: "analyst" },
      { case_id: caseOf["u-bob"], user_id: "u-bob", role: "reviewer" },
    ]);
    expect(await rows(`SELECT id, last_case_id FROM users ORDER BY id`)).toEqual([
      { id: "u-alice", last_case_id: caseOf["u-alice"] },
      { id: "u-bob", last_case_id: caseOf["u-bob"] },
      { id: "u-carol", last_case_id: null },
    ]);
    expect(await rows(`SELECT id, case_id FROM ingestion_jobs ORDER BY id`)).toEqual([
      { id: "j1", case_id: caseOf["u-alice"] },
      { id: "j2", case_id: caseOf["u-bob"] },
      { id: "j3", case_id: caseOf.cli },
      { id: "j4", case_id: caseOf["u-alice"] },
    ]);
  });

  it("keeps every record, each with its job's case, and content keys unique per case", async () => {
    const recs = await rows<{ id: number; case_id: number; job_case: number; content_hash: string }>(
      `SELECT r.id, r.case_id, j.case_id AS job_case, r.content_hash FROM call_records r JOIN ingestion_jobs j ON j.id = r.job_id ORDER BY r.id`,
    );
    expect(recs.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id).sort((a, b) => a - b));
    for (const r of recs) expect(r.case_id, `record ${r.id}`).toBe(r.job_case);
    expect(await rows(`SELECT case_id, content_hash FROM call_records GROUP BY 1, 2 HAVING COUNT(*) > 1`)).toEqual([]);
    // The key is per case: Alice's h1 may be loaded into Bob's case, not again into Alice's.
    const insert = (job: string, caseId: number) =>
      sql.query(
        `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, duration_seconds, record_type) VALUES ($1, $2, 'h1', 1, '2023-01-01T00:00:00Z', 1, 'voice')`,
        [job, caseId],
      );
    await expect(insert("j4", caseOf["u-alice"]!)).rejects.toMatchObject({ code: "23505" });
    await insert("j2", caseOf["u-bob"]!);
    await sql.query(`DELETE FROM call_records WHERE job_id = 'j2' AND content_hash = 'h1'`);
  });

  it("clears near-duplicate links across cases (regrouping the legs left in one case) and links to deleted records", async () => {
    const links = Object.fromEntries(
      (await rows<{ id: number; duplicate_of: number | null }>(`SELECT id, duplicate_of FROM call_records ORDER BY id`)).map((r) => [r.id, r.duplicate_of]),
    );
    expect(links).toEqual({ 1: null, 2: null, 3: null, 4: null, 5: 4, 6: null, 7: null, 8: null, 9: null, 10: 9, 11: null, 12: null, 13: null, 14: null, 15: 1 });
    expect(await rows(`SELECT r.id FROM call_records r JOIN call_records p ON p.id = r.duplicate_of WHERE p.case_id <> r.case_id`)).toEqual([]);
  });

  it("recounts contacts per case, carries the gaps over with their case and starts coverage afresh", async () => {
    const contacts = await rows<{ case_id: number; target: string; number: string; first_seen: string; last_seen: string; calls: number; messages: number }>(
      `SELECT case_id, target, number, first_seen, last_seen, calls, messages FROM contacts ORDER BY case_id, target COLLATE "C", number COLLATE "C"`,
    );
    const c = (caseId: number, target: string, number: string, first: string, last: string, calls: number, messages: number) => ({
      case_id: caseId,
      target,
      number,
      first_seen: first,
      last_seen: last,
      calls,
      messages,
    });
    const [alice, bob, cli] = [caseOf["u-alice"]!, caseOf["u-bob"]!, caseOf.cli!];
    expect(contacts).toEqual(
      [
        c(cli, T, A7, "2023-02-01T00:00:00Z", "2023-02-01T00:00:00Z", 1, 0),
        c(alice, "", A4, "2023-01-01T05:00:00Z", "2023-01-01T06:00:00Z", 2, 0),
        c(alice, "", A5, "2023-01-01T05:00:00Z", "2023-01-01T06:00:00Z", 2, 0),
        c(alice, T, A3, "2023-01-01T03:00:00Z", "2023-01-01T03:00:00Z", 1, 0),
        c(alice, T, A1, "2023-01-01T00:00:00Z", "2023-01-01T04:00:00Z", 3, 0),
        c(alice, T, A2, "2023-01-01T01:00:00Z", "2023-01-01T01:00:00Z", 0, 1),
        c(bob, A1, T, "2023-01-01T02:00:01Z", "2023-01-03T00:00:00Z", 3, 0),
        c(bob, A1, A6, "2023-01-02T00:00:00Z", "2023-01-02T00:00:00Z", 0, 1),
      ].sort((x, y) => x.case_id - y.case_id || (x.target < y.target ? -1 : x.target > y.target ? 1 : x.number < y.number ? -1 : 1)),
    );
    expect(await rows(`SELECT case_id, target, from_time, seconds FROM timeline_gaps ORDER BY case_id, from_time`)).toEqual(
      [
        { case_id: cli, target: T, from_time: "2023-02-01T00:00:00Z", seconds: 864000 },
        { case_id: alice, target: T, from_time: "2023-01-01T05:00:00Z", seconds: 1620000 },
        { case_id: bob, target: A1, from_time: "2023-01-03T00:00:00Z", seconds: 518400 },
      ].sort((x, y) => x.case_id - y.case_id),
    );
    expect(
      await rows(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'timeline_gaps' AND column_name = 'job_id'`, [pgdb!.schema]),
    ).toEqual([]);
    expect(await rows(`SELECT * FROM contact_coverage`)).toEqual([]);
  });

  it("0005 marks the stored parties as E.164 and makes durations nullable", async () => {
    const kinds = await rows<{ k: string | null; n: number }>(`SELECT caller_kind AS k, COUNT(*)::int AS n FROM call_records GROUP BY 1`);
    expect(kinds).toEqual([{ k: "e164", n: RECORDS.length }]);
    expect(await rows(`SELECT COUNT(*)::int AS n FROM contacts WHERE kind IS DISTINCT FROM 'e164'`)).toEqual([{ n: 0 }]);
    const nullable = await rows<{ is_nullable: string }>(
      `SELECT is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'call_records' AND column_name = 'duration_seconds'`,
      [pgdb!.schema],
    );
    expect(nullable).toEqual([{ is_nullable: "YES" }]);
  });

  it("the migrated schema loads new files per case", async () => {
    db = getDb(pgdb!.databaseUrl);
    const f = path.join(tmp, "alice-3.csv");
    writeAttFile(f, { rows: 500, seed: 41, shiftSeconds: 400 * 86400 });
    const job = await createJob(db, { fileName: "alice-3.csv", storedPath: f, sha256: "s", sizeBytes: fs.statSync(f).size, caseId: caseOf["u-alice"]! });
    const out = await executeJob(db, pgdb!.databaseUrl, job.id, (task, onP) => runIngestTask(task, onP), silentJobEvents);
    expect(out?.counts).toEqual({ rows: 500, inserted: 500, duplicates: 0, rejected: 0 });
    expect((await rows<{ n: number }>(`SELECT COUNT(*)::int AS n FROM call_records WHERE job_id = $1 AND case_id = $2`, [job.id, caseOf["u-alice"]]))[0]!.n).toBe(500);
    // Alice's target's contacts now count her old records and the new file's, nobody else's.
    const a1 = (await rows<{ calls: number }>(`SELECT calls FROM contacts WHERE case_id = $1 AND target = $2 AND number = $3`, [caseOf["u-alice"], T, A1]))[0];
    expect(a1?.calls ?? 0).toBeGreaterThanOrEqual(3);
    expect((await rows(`SELECT 1 FROM contacts WHERE case_id = $1 AND target = $2 AND number = $3`, [caseOf["u-bob"], A1, T])).length).toBe(1);
  });

  it("deleting a case deletes everything in it", async () => {
    const bob = caseOf["u-bob"]!;
    await sql.query(`DELETE FROM cases WHERE id = $1`, [bob]);
    for (const table of ["ingestion_jobs", "call_records", "contacts", "timeline_gaps", "case_members"]) {
      expect((await rows<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table} WHERE case_id = $1`, [bob]))[0]!.n, table).toBe(0);
    }
    expect((await rows<{ n: number }>(`SELECT COUNT(*)::int AS n FROM call_records WHERE case_id = $1`, [caseOf["u-alice"]]))[0]!.n).toBeGreaterThan(500);
  });
});
