import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../lib/db/migrate-sqlite";
import { openSqlite } from "../../lib/db/open-sqlite";
import { tempDataDir } from "../support/temp-db";

const tmp = tempDataDir();
afterAll(() => tmp.cleanup());

describe("SQLite migrations", () => {
  it("creates every table on a new file, in WAL mode, and applies nothing the second time", () => {
    const db = openSqlite(path.join(tmp.dir, "m.db"));
    const first = migrateSqlite(db);
    expect(first.length).toBeGreaterThan(0);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["ingestion_jobs", "call_records", "ingestion_errors", "contacts", "layout_classifications", "layout_templates"]));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(migrateSqlite(db)).toEqual([]);
    db.close();
  });
});

describe("SQLite migration 0003_cases from the schema before cases", () => {
  it("moves every job into one case per uploader (CLI jobs into default), keeps every record and recounts per case", () => {
    // A database at the pre-cases schema: only 0001 and 0002 applied.
    const src = path.resolve(import.meta.dirname, "../../prisma/sqlite/migrations");
    const dir = path.join(tmp.dir, "migrations-before-cases");
    for (const name of ["0001_init", "0002_contact_coverage"]) fs.cpSync(path.join(src, name), path.join(dir, name), { recursive: true });
    const db = openSqlite(path.join(tmp.dir, "before-cases.db"));
    expect(migrateSqlite(db, dir)).toEqual(["0001_init", "0002_contact_coverage"]);

    const T = "+17133537623",
      P = "+12125550147",
      Q = "+13125550111",
      R = "+16175550123";
    const user = db.prepare(`INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'x', ?, ?)`);
    user.run("u-alice", "alice@example.com", "Alice", "analyst", "2024-01-01T00:00:00Z");
    user.run("u-bob", "bob@example.com", "Bob", "reviewer", "2024-01-02T00:00:00Z");
    user.run("u-carol", "carol@example.com", "Carol", "analyst", "2024-01-03T00:00:00Z"); // loaded nothing
    const job = db.prepare(
      `INSERT INTO ingestion_jobs (id, file_name, stored_path, sha256, size_bytes, status, user_id, updated_at) VALUES (?, ?, 'p', 's', 1, 'completed', ?, 'x')`,
    );
    job.run("job-alice", "a.csv", "u-alice");
    job.run("job-bob", "b.csv", "u-bob");
    job.run("job-cli", "c.csv", null);
    const rec = db.prepare(
      `INSERT INTO call_records (job_id, content_hash, line, start_time, duration_seconds, caller, callee, record_type, target, duplicate_of)
       VALUES (?, ?, ?, ?, 60, ?, ?, ?, ?, ?)`,
    );
    const a1 = Number(rec.run("job-alice", "h-a1", 1, "2023-05-01T10:00:00Z", T, P, "voice", T, null).lastInsertRowid);
    rec.run("job-alice", "h-a2", 2, "2023-05-01T10:00:01Z", T, P, "voice", T, a1); // a leg of a1, within Alice's job: kept
    const a3 = Number(rec.run("job-alice", "h-a3", 3, "2023-05-02T09:00:00Z", Q, T, "sms", T, null).lastInsertRowid);
    rec.run("job-alice", "h-a4", 4, "2023-05-09T09:00:00Z", T, R, "voice", T, null);
    const b1 = Number(rec.run("job-bob", "h-b1", 1, "2023-05-02T09:00:01Z", Q, T, "sms", Q, a3).lastInsertRowid); // across uploaders: cleared
    rec.run("job-bob", "h-b2", 2, "2023-05-03T09:00:00Z", Q, P, "voice", Q, null);
    rec.run("job-cli", "h-c1", 1, "2023-05-04T09:00:00Z", R, T, "voice", R, null);
    rec.run("job-cli", "h-c2", 2, "2023-05-05T09:00:00Z", null, R, "voice", null, null);
    // Two reports in Bob's job of a call Alice's job holds (no caller: no contacts): they must be
    // regrouped in Bob's case, the first counting, the second its leg.
    const b3 = Number(rec.run("job-bob", "h-b3", 3, "2023-05-01T10:00:01Z", null, P, "voice", Q, a1).lastInsertRowid);
    const b4 = Number(rec.run("job-bob", "h-b4", 4, "2023-05-01T10:00:02Z", null, P, "voice", Q, a1).lastInsertRowid);
    // A link to a record deleted long ago, and records with no target as NULL and as "" (one contact group).
    const c3 = Number(rec.run("job-cli", "h-c3", 3, "2023-05-06T09:00:00Z", null, null, "voice", null, 424242).lastInsertRowid);
    rec.run("job-cli", "h-c4", 4, "2023-05-07T09:00:00Z", R, T, "voice", "", null);
    rec.run("job-cli", "h-c5", 5, "2023-05-08T09:00:00Z", R, T, "voice", null, null);
    // Contacts as they were counted across the whole database (Bob's copy of a3 not counted: linked).
    const contact = db.prepare(`INSERT INTO contacts (target, number, first_seen, last_seen, calls, messages) VALUES (?, ?, ?, ?, ?, ?)`);
    contact.run(T, P, "2023-05-01T10:00:00Z", "2023-05-01T10:00:00Z", 1, 0);
    contact.run(T, Q, "2023-05-02T09:00:00Z", "2023-05-02T09:00:00Z", 0, 1);
    contact.run(T, R, "2023-05-09T09:00:00Z", "2023-05-09T09:00:00Z", 1, 0);
    contact.run(Q, P, "2023-05-03T09:00:00Z", "2023-05-03T09:00:00Z", 1, 0);
    contact.run(R, T, "2023-05-04T09:00:00Z", "2023-05-04T09:00:00Z", 1, 0);
    db.prepare(`INSERT INTO contact_coverage (target, max_record_id, records) VALUES (?, 4, 4)`).run(T);
    const gap = db.prepare(`INSERT INTO timeline_gaps (job_id, target, from_time, to_time, seconds, ratio) VALUES (?, ?, ?, ?, ?, ?)`);
    gap.run("job-alice", T, "2023-05-02T09:00:00Z", "2023-05-09T09:00:00Z", 604800, 12.5);
    gap.run("job-bob", Q, "2023-05-02T09:00:01Z", "2023-05-03T09:00:00Z", 86399, 9);

    fs.cpSync(path.join(src, "0003_cases"), path.join(dir, "0003_cases"), { recursive: true });
    expect(migrateSqlite(db, dir)).toEqual(["0003_cases"]);

    const cases = db.prepare(`SELECT id, name, created_by AS createdBy FROM cases ORDER BY id`).all() as { id: number; name: string; createdBy: string | null }[];
    expect(cases.map((c) => [c.name, c.createdBy])).toEqual([
      ["default", null],
      ["Alice's files", "u-alice"],
      ["Bob's files", "u-bob"],
    ]);
    const caseOf = Object.fromEntries(cases.map((c) => [c.createdBy ?? "cli", c.id]));
    expect(db.prepare(`SELECT case_id, user_id, role FROM case_members ORDER BY case_id`).all()).toEqual([
      { case_id: caseOf["u-alice"], user_id: "u-alice", role: "analyst" },
      { case_id: caseOf["u-bob"], user_id: "u-bob", role: "reviewer" },
    ]);
    expect(db.prepare(`SELECT id, last_case_id AS c FROM users ORDER BY id`).all()).toEqual([
      { id: "u-alice", c: caseOf["u-alice"] },
      { id: "u-bob", c: caseOf["u-bob"] },
      { id: "u-carol", c: null },
    ]);
    expect(db.prepare(`SELECT id, case_id AS c FROM ingestion_jobs ORDER BY id`).all()).toEqual([
      { id: "job-alice", c: caseOf["u-alice"] },
      { id: "job-bob", c: caseOf["u-bob"] },
      { id: "job-cli", c: caseOf.cli },
    ]);

    // Every record kept, with its job's case; content keys unique within each case (the new index).
    expect(db.prepare(`SELECT COUNT(*) FROM call_records`).pluck().get()).toBe(13);
    expect(db.prepare(`SELECT COUNT(*) FROM call_records r JOIN ingestion_jobs j ON j.id = r.job_id WHERE r.case_id <> j.case_id`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT COUNT(*) FROM (SELECT case_id, content_hash FROM call_records GROUP BY 1, 2 HAVING COUNT(*) > 1)`).pluck().get()).toBe(0);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records'`).pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(["call_records_case_id_content_hash_key", "call_records_case_id_target_start_time_idx"]));
    expect(indexes).not.toContain("call_records_content_hash_key");
    const again = db.prepare(
      `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, duration_seconds, record_type) VALUES (?, ?, ?, 9, '2023-05-01T10:00:00Z', 60, 'voice')`,
    );
    expect(() => again.run("job-alice", caseOf["u-alice"], "h-a1")).toThrow(/UNIQUE/);
    db.prepare(`DELETE FROM call_records WHERE id = ?`).run(again.run("job-bob", caseOf["u-bob"], "h-a1").lastInsertRowid); // another case: no duplicate

    // The link inside Alice's job stays; the one from Bob's record into Alice's case is cleared.
    // Bob's two reports of Alice's call are regrouped in Bob's case; the dangling link is cleared.
    expect(db.prepare(`SELECT id, duplicate_of AS d FROM call_records WHERE duplicate_of IS NOT NULL ORDER BY id`).all()).toEqual([
      { id: a1 + 1, d: a1 },
      { id: b4, d: b3 },
    ]);
    expect(db.prepare(`SELECT duplicate_of FROM call_records WHERE id = ?`).pluck().get(b1)).toBeNull();
    expect(db.prepare(`SELECT duplicate_of FROM call_records WHERE id = ?`).pluck().get(c3)).toBeNull();

    // Contacts recounted per case: Bob's case now counts its own copy of the SMS under Q.
    expect(db.prepare(`SELECT case_id AS c, target, number, calls, messages FROM contacts ORDER BY case_id, target, number`).all()).toEqual([
      { c: caseOf.cli, target: "", number: R, calls: 2, messages: 0 },
      { c: caseOf.cli, target: R, number: T, calls: 1, messages: 0 },
      { c: caseOf["u-alice"], target: T, number: P, calls: 1, messages: 0 },
      { c: caseOf["u-alice"], target: T, number: Q, calls: 0, messages: 1 },
      { c: caseOf["u-alice"], target: T, number: R, calls: 1, messages: 0 },
      { c: caseOf["u-bob"], target: Q, number: P, calls: 1, messages: 0 },
      { c: caseOf["u-bob"], target: Q, number: T, calls: 0, messages: 1 },
    ]);
    expect(db.prepare(`SELECT COUNT(*) FROM contact_coverage`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT case_id AS c, target, from_time, seconds FROM timeline_gaps ORDER BY case_id`).all()).toEqual([
      { c: caseOf["u-alice"], target: T, from_time: "2023-05-02T09:00:00Z", seconds: 604800 },
      { c: caseOf["u-bob"], target: Q, from_time: "2023-05-02T09:00:01Z", seconds: 86399 },
    ]);

    // Deleting a case deletes everything in it (trigger, then the jobs' cascade).
    db.prepare(`DELETE FROM cases WHERE id = ?`).run(caseOf["u-bob"]);
    expect(db.prepare(`SELECT COUNT(*) FROM call_records WHERE job_id = 'job-bob'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT COUNT(*) FROM contacts WHERE case_id = ?`).pluck().get(caseOf["u-bob"])).toBe(0);
    expect(db.prepare(`SELECT COUNT(*) FROM timeline_gaps WHERE case_id = ?`).pluck().get(caseOf["u-bob"])).toBe(0);
    expect(db.prepare(`SELECT last_case_id FROM users WHERE id = 'u-bob'`).pluck().get()).toBeNull();
    expect(db.prepare(`SELECT COUNT(*) FROM call_records`).pluck().get()).toBe(9);

    // 0004 rebuilds call_records (nullable duration, party kinds): same ids, links, indexes; kinds say e164.
    const before = db.prepare(`SELECT id, case_id, content_hash, caller, callee, target, duplicate_of FROM call_records ORDER BY id`).all();
    fs.cpSync(path.join(src, "0004_party_kinds"), path.join(dir, "0004_party_kinds"), { recursive: true });
    expect(migrateSqlite(db, dir)).toEqual(["0004_party_kinds"]);
    expect(db.prepare(`SELECT id, case_id, content_hash, caller, callee, target, duplicate_of FROM call_records ORDER BY id`).all()).toEqual(before);
    expect(db.prepare(`SELECT COUNT(*) FROM call_records WHERE (caller IS NULL) <> (caller_kind IS NULL) OR (caller IS NOT NULL AND caller_kind <> 'e164')`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT COUNT(*) FROM contacts WHERE kind IS NOT 'e164'`).pluck().get()).toBe(0);
    const rebuiltIndexes = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records' AND sql IS NOT NULL ORDER BY name`)
      .pluck()
      .all() as string[];
    expect(rebuiltIndexes).toEqual(["call_records_case_id_content_hash_key", "call_records_case_id_target_start_time_idx", "call_records_job_id_start_time_idx"]);
    db.prepare(
      `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, duration_seconds, record_type, caller_kind, caller_raw) VALUES ('job-cli', ?, 'h-new', 9, '2023-06-01T00:00:00Z', NULL, 'voice', 'extension', '6789')`,
    ).run(caseOf.cli);
    expect(Number(db.prepare(`SELECT id FROM call_records WHERE content_hash = 'h-new'`).pluck().get())).toBeGreaterThan(c3);
    // The job's cascade still reaches the rebuilt table.
    db.prepare(`DELETE FROM ingestion_jobs WHERE id = 'job-cli'`).run();
    expect(db.prepare(`SELECT COUNT(*) FROM call_records WHERE job_id = 'job-cli'`).pluck().get()).toBe(0);
    db.close();
  });
});
