import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../lib/db/migrate-sqlite";
import { openSqlite } from "../../lib/db/open-sqlite";
import { refreshContactsSqlite } from "../../lib/db/sqlite-contacts";
import { postLoadSqlite } from "../../lib/db/sqlite-post-load";
import { findNearDuplicates, type NearDuplicateCandidate } from "../../lib/ingest/near-duplicates";
import { findTimelineGaps } from "../../lib/ingest/timeline-gaps";
import { tempDataDir } from "../support/temp-db";
import { createRng } from "../fuzz/prng";

const tmp = tempDataDir();
afterAll(() => tmp.cleanup());

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const T1 = "+17133537623";
/** Every job of these tests is in one case. */
const CASE = 1;
/** One of job-1's counterparties (jobRows' numbers for seed 1). */
const PARTY = "+12125551001";

/** Records of one job: hourly-ish activity, a silent week, near-duplicate legs, withheld numbers. */
function jobRows(seed: number, target: string | null, startMs: number, count: number, copyFrom: Row[] = []): Row[] {
  const rnd = createRng(seed).next;
  const others = Array.from({ length: 25 }, (_, i) => `+1212555${String(1000 + i * 37 + seed).slice(-4)}`);
  const rows: Row[] = [];
  let t = startMs;
  for (let i = 0; i < count; i++) {
    t += (i === Math.floor(count / 2) ? 7 * 86400 : 600 + Math.floor(rnd() * 6000)) * 1000;
    const other = others[Math.floor(rnd() * rnd() * others.length)]!;
    const out = rnd() < 0.5;
    const self = target ?? "+13035550100";
    const row: Row = {
      start: iso(t),
      duration: Math.floor(rnd() * 300),
      type: rnd() < 0.3 ? "sms" : rnd() < 0.05 ? "data" : "voice",
      caller: out ? self : rnd() < 0.05 ? null : other,
      callee: out ? other : self,
      target,
    };
    rows.push(row);
    if (rnd() < 0.05) rows.push({ ...row, start: iso(t + 1000 + Math.floor(rnd() * 1500)), duration: row.duration + (rnd() < 0.5 ? 1 : 0) });
  }
  // The same calls as another carrier reported them (near-duplicates across jobs).
  for (const r of copyFrom) rows.push({ ...r, start: iso(Date.parse(r.start) + 1000), target });
  return rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

interface Row {
  start: string;
  duration: number;
  type: string;
  caller: string | null;
  callee: string | null;
  target: string | null;
}

function load(db: Database.Database, jobId: string, rows: Row[], caseId = CASE) {
  db.prepare(`INSERT INTO ingestion_jobs (id, case_id, file_name, stored_path, sha256, size_bytes, updated_at) VALUES (?, ?, 'f', 'p', 's', 1, 'x')`).run(jobId, caseId);
  const ins = db.prepare(
    `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, duration_seconds, caller, callee, record_type, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => rows.forEach((r, i) => ins.run(jobId, caseId, `${jobId}-${i}`, i + 1, r.start, r.duration, r.caller, r.callee, r.type, r.target)))();
}

/**
 * The post-load passes as they were before the single scan: separate queries, full recomputation
 * (links, contacts and gaps from every record of the case, the gaps of a target across all its jobs).
 */
function oldPostLoad(db: Database.Database, jobId: string) {
  const rows = db
    .prepare(
      `SELECT id, caller, callee, record_type AS type, start_time AS start, duration_seconds AS duration
    FROM call_records WHERE job_id = ? AND caller IS NOT NULL AND callee IS NOT NULL ORDER BY start_time, id`,
    )
    .all(jobId) as NearDuplicateCandidate[];
  const link = db.prepare(`UPDATE call_records SET duplicate_of = ? WHERE id = ?`);
  for (const [id, primary] of findNearDuplicates(rows)) link.run(primary, id);
  db.prepare(
    `WITH m AS (
      SELECT r.id AS rid, (SELECT MIN(o.id) FROM call_records o
        WHERE o.target IN (r.target, r.caller, r.callee) AND o.caller = r.caller AND o.callee = r.callee AND o.job_id <> r.job_id AND o.id < r.id
          AND o.start_time BETWEEN strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '-2 seconds') AND strftime('%Y-%m-%dT%H:%M:%SZ', r.start_time, '+2 seconds')
          AND o.record_type = r.record_type AND abs(o.duration_seconds - r.duration_seconds) <= 1 AND o.duplicate_of IS NULL) AS oid
      FROM call_records r WHERE r.job_id = ? AND r.duplicate_of IS NULL AND r.caller IS NOT NULL AND r.callee IS NOT NULL)
    UPDATE call_records SET duplicate_of = m.oid FROM m WHERE call_records.id = m.rid AND m.oid IS NOT NULL`,
  ).run(jobId);
  const targets = db.prepare(`SELECT DISTINCT COALESCE(target, '') FROM call_records WHERE job_id = ?`).pluck().all(jobId) as string[];
  refreshContactsSqlite(db, CASE, targets);
  const times = db.prepare(`SELECT start_time FROM call_records WHERE case_id = ? AND COALESCE(target, '') = ? AND duplicate_of IS NULL ORDER BY start_time`).pluck();
  for (const t of targets) {
    db.prepare(`DELETE FROM timeline_gaps WHERE case_id = ? AND target = ?`).run(CASE, t);
    for (const g of findTimelineGaps(() => times.iterate(CASE, t) as Iterable<string>)) {
      db.prepare(`INSERT INTO timeline_gaps (case_id, target, from_time, to_time, seconds, ratio) VALUES (?, ?, ?, ?, ?, ?)`).run(CASE, t, g.from, g.to, g.seconds, g.ratio);
    }
  }
}

const state = (db: Database.Database) => ({
  links: db.prepare(`SELECT id, duplicate_of FROM call_records WHERE duplicate_of IS NOT NULL ORDER BY id`).all(),
  contacts: db.prepare(`SELECT target, number, first_seen, last_seen, calls, messages FROM contacts ORDER BY target, number`).all(),
  gaps: db.prepare(`SELECT case_id, target, from_time, to_time, seconds, ratio FROM timeline_gaps ORDER BY case_id, target, from_time`).all(),
});

/** A database for the code under test and one for the reference passes, both migrated. */
function twoDatabases(name: string) {
  const open = (which: string) => {
    const db = openSqlite(path.join(tmp.dir, `${name}-${which}.db`));
    migrateSqlite(db);
    return db;
  };
  return { now: open("new"), old: open("old") };
}

describe("post-load single scan", () => {
  it("links, counts contacts and finds gaps exactly as the separate passes did", () => {
    const { now, old } = twoDatabases("scan");
    const start = Date.UTC(2023, 0, 1);
    const j1 = jobRows(1, T1, start, 2000);
    const jobs: [string, Row[]][] = [
      ["job-1", j1],
      ["job-2", jobRows(2, T1, start + 200 * 86400_000, 800, j1.slice(100, 160))], // shares T1 and overlaps job-1
      ["job-3", jobRows(3, null, start, 600)], // no target
      ["job-4", jobRows(4, "+14155550123", start + 400 * 86400_000, 900)], // a target of its own
      // A counterparty of job-1 as the target: its carrier's report of calls job-1 holds under T1.
      ["job-5", jobRows(5, PARTY, start, 300, j1.filter((r) => r.caller === PARTY || r.callee === PARTY).slice(0, 40))],
      // A target nobody else has, overlapping job-1 in time: nothing to link across jobs.
      ["job-6", jobRows(6, "+15125550199", start, 300)],
      // No target, calls into T1: T1 is only ever the callee, a party no contact names.
      ["job-7", jobRows(7, null, start, 200, j1.filter((r) => r.callee === T1 && r.caller !== null).slice(0, 30))],
    ];
    let linked = 0;
    const across = (db: Database.Database, jobId: string) =>
      db.prepare(`SELECT COUNT(*) FROM call_records r JOIN call_records o ON o.id = r.duplicate_of WHERE r.job_id = ? AND o.job_id <> r.job_id`).pluck().get(jobId);
    const acrossPerJob: Record<string, unknown> = {};
    for (const [jobId, rows] of jobs) {
      load(now, jobId, rows);
      load(old, jobId, rows);
      const facts = postLoadSqlite(now, jobId, CASE);
      oldPostLoad(old, jobId);
      linked += facts.linkedNearDuplicates;
      expect(state(now)).toEqual(state(old));
      acrossPerJob[jobId] = across(now, jobId);
    }
    // job-2 copies 60 of job-1's calls under the same target, job-5 up to 40 under the other party, job-7 30 with none.
    expect(acrossPerJob).toMatchObject({ "job-1": 0, "job-3": 0, "job-4": 0, "job-6": 0 });
    expect(acrossPerJob["job-2"]).toBeGreaterThanOrEqual(50);
    expect(acrossPerJob["job-5"]).toBeGreaterThanOrEqual(20);
    expect(acrossPerJob["job-7"]).toBeGreaterThanOrEqual(20);
    const s = state(now);
    expect(s.links.length).toBe(linked);
    expect(linked).toBeGreaterThan(100); // within-job legs and job-2's copies of job-1's calls
    expect(s.gaps.length).toBeGreaterThanOrEqual(3);
    expect(s.contacts.length).toBeGreaterThan(40);
    now.close();
    old.close();
  });
});

describe("contacts of a later file of a target", () => {
  it("are added to the stored ones only when that equals a recount: not after a deletion, nor beside a concurrent job", () => {
    const { now, old } = twoDatabases("merge");
    const start = Date.UTC(2023, 0, 1);
    const day = 86400_000;
    const both = (fn: (db: Database.Database) => void) => [now, old].forEach(fn);
    const step = (jobId: string, rows: Row[]) => {
      both((db) => load(db, jobId, rows));
      const facts = postLoadSqlite(now, jobId, CASE);
      oldPostLoad(old, jobId);
      expect(state(now)).toEqual(state(old));
      // The coverage written (by a merge, from counts it had just checked) is what a count gives.
      expect(now.prepare(`SELECT max_record_id AS maxId, records FROM contact_coverage WHERE case_id = ? AND target = ?`).get(CASE, T1)).toEqual(
        now.prepare(`SELECT MAX(id) AS maxId, COUNT(*) AS records FROM call_records WHERE case_id = ? AND target = ?`).get(CASE, T1),
      );
      return facts.timings.contactsMerged;
    };
    // Later files of T1 that do not overlap earlier ones (no links across jobs): merged.
    expect(step("m-1", jobRows(11, T1, start, 1500))).toBe(0);
    expect(step("m-2", jobRows(12, T1, start + 300 * day, 700))).toBe(1);
    expect(step("m-3", jobRows(13, T1, start + 500 * day, 400))).toBe(1);
    // A deleted job (cascade, as deleteJob does) leaves stored contacts that count it: recounted.
    both((db) => db.prepare(`DELETE FROM call_records WHERE job_id = 'm-2'`).run());
    expect(step("m-4", jobRows(14, T1, start + 700 * day, 300))).toBe(0);
    // A job whose rows landed while another job of T1 was still loading: the other's rows are above
    // the coverage too, so this one is recounted; the other, finishing later, is as well.
    both((db) => {
      load(db, "m-5", jobRows(15, T1, start + 900 * day, 200));
      load(db, "m-6", jobRows(16, T1, start + 1100 * day, 200));
    });
    expect(postLoadSqlite(now, "m-6", CASE).timings.contactsMerged).toBe(0);
    oldPostLoad(old, "m-6");
    expect(state(now)).toEqual(state(old));
    expect(postLoadSqlite(now, "m-5", CASE).timings.contactsMerged).toBe(0);
    oldPostLoad(old, "m-5");
    expect(state(now)).toEqual(state(old));
    // And with everything counted again, the next file merges.
    expect(step("m-7", jobRows(17, T1, start + 1300 * day, 300))).toBe(1);
    expect(state(now).contacts.length).toBeGreaterThan(20);
    now.close();
    old.close();
  });
});

describe("post-load per case", () => {
  it("another case's records of the same target neither link nor count: the job still takes the scan's fast paths", () => {
    const { now } = twoDatabases("per-case");
    const start = Date.UTC(2023, 0, 1);
    const rows = jobRows(31, T1, start, 1200);
    load(now, "case-1-job", rows, 1);
    postLoadSqlite(now, "case-1-job", 1);
    // The same calls (a second later, as another carrier reports them) in another case.
    load(
      now,
      "case-2-job",
      rows.map((r) => ({ ...r, start: iso(Date.parse(r.start) + 1000) })),
      2,
    );
    const facts = postLoadSqlite(now, "case-2-job", 2);
    expect(
      now.prepare(`SELECT COUNT(*) FROM call_records WHERE job_id = 'case-2-job' AND duplicate_of IN (SELECT id FROM call_records WHERE job_id = 'case-1-job')`).pluck().get(),
    ).toBe(0);
    // Its gaps came from the scan (it holds every record of the target in its case), and equal case 1's.
    expect(facts.timings.gapsFromScan).toBe(1);
    const gaps = (c: number) => now.prepare(`SELECT seconds, ratio FROM timeline_gaps WHERE case_id = ? ORDER BY from_time`).all(c);
    expect(gaps(2)).toEqual(gaps(1));
    expect(gaps(1).length).toBeGreaterThan(0);
    const contacts = (c: number) => now.prepare(`SELECT target, number, calls, messages FROM contacts WHERE case_id = ? ORDER BY target, number`).all(c);
    expect(contacts(2)).toEqual(contacts(1));
    expect(now.prepare(`SELECT case_id, records FROM contact_coverage ORDER BY case_id`).all()).toEqual([
      { case_id: 1, records: rows.length },
      { case_id: 2, records: rows.length },
    ]);
    now.close();
  });
});
