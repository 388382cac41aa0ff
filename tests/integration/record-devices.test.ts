import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deviceWhere } from "../../lib/data/record-device-filter";
import { listRecords } from "../../lib/data/records";
import { migrateSqlite } from "../../lib/db/migrate-sqlite";
import { SQLITE_MIGRATIONS_DIR } from "../../lib/paths";
import { openSqlite } from "../../lib/db/open-sqlite";
import { purgeJobSqlite } from "../../lib/db/sqlite-purge-job";
import { DeviceRuns, SPREAD } from "../../lib/db/record-device-runs";
import { caseSqliteHarness } from "../support/case-sqlite";
import { createRng } from "../fuzz/prng";

const h = caseSqliteHarness();

const IMEIS = ["490154203237518", "356938035643809", "353918057422111", "013455006540320", "861536030196001", "352099001761481", "990000862471854"];
const IMSIS = ["310260123456789", "310150987654321", "234150999999999", "262011234567890", "208011234567890"];

/**
 * SQLite keeps the IMEI/IMSI look-up in record_devices, written at the end of each file's load in
 * key order (migration 0012_record_devices, lib/db/sqlite-record-devices.ts): whatever way a file
 * loads — in order, out of order (staged, then inserted in time order), with duplicates (ids unknown: read back) — every
 * record's identifiers must be there exactly once, a search must find exactly the records that
 * carry them, and a purged job must take its entries along.
 */
describe("record_devices (SQLite)", () => {
  /** attFile's rows with several handsets and SIMs, optionally shuffled and with repeated lines. */
  function deviceFile(name: string, opts: { rows: number; seed: number; shuffle?: boolean; repeat?: boolean }): string {
    const base = h.attFile(`${name}-base.csv`, { rows: opts.rows, startMs: Date.UTC(2024, 2, 1), stepSeconds: 600, seed: opts.seed });
    const lines = fs.readFileSync(base, "utf8").split("\r\n").filter(Boolean);
    const head = lines.slice(0, 5);
    let data = lines.slice(5).map((l, i) => {
      const c = l.split(",");
      c[7] = i % 11 === 0 ? "" : IMEIS[(i * 5) % IMEIS.length]!;
      c[8] = IMSIS[(i * 3) % IMSIS.length]!;
      return c.join(",");
    });
    if (opts.repeat) data = data.flatMap((l, i) => (i % 50 === 0 ? [l, l] : [l]));
    if (opts.shuffle) {
      const rnd = createRng(opts.seed).next;
      for (let i = data.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [data[i], data[j]] = [data[j]!, data[i]!];
      }
    }
    const file = path.join(h.tmp.dir, `${name}.csv`);
    fs.writeFileSync(file, [...head, ...data].join("\r\n") + "\r\n");
    return file;
  }

  /** The case's entries as stored, each run of ids spelled out, and as the records say they should be. */
  const runs = (caseId: number) =>
    h.read.prepare(`SELECT kind, value, first_id, last_id FROM record_devices WHERE case_id = ?`).all(caseId) as {
      kind: string;
      value: string;
      first_id: number;
      last_id: number;
    }[];
  const entries = (caseId: number) =>
    runs(caseId)
      .flatMap((r) => Array.from({ length: r.last_id - r.first_id + 1 }, (_, i) => ({ kind: r.kind, value: r.value, record_id: r.first_id + i })))
      .sort((x, y) => (x.kind !== y.kind ? (x.kind < y.kind ? -1 : 1) : x.value !== y.value ? (x.value < y.value ? -1 : 1) : x.record_id - y.record_id));
  const expected = (caseId: number) =>
    h.read
      .prepare(
        `SELECT 'imei' AS kind, imei AS value, id AS record_id FROM call_records WHERE case_id = ? AND imei IS NOT NULL
         UNION ALL SELECT 'imsi', imsi, id FROM call_records WHERE case_id = ? AND imsi IS NOT NULL ORDER BY 1, 2, 3`,
      )
      .all(caseId, caseId);

  it("holds every record's IMEI and IMSI once, for files in order, out of order and with duplicates, and a search finds exactly them", async () => {
    const a = await h.newCase();
    const inOrder = await h.load(deviceFile("ordered", { rows: 1500, seed: 3 }), a);
    expect(inOrder.outcome?.status).toBe("completed");
    expect(entries(a).length).toBeGreaterThan(2500);
    expect(entries(a)).toEqual(expected(a));
    // The handsets alternate row by row here: runs are short; a file of one handset is one run.
    const one = await h.newCase();
    await h.load(h.attFile("one-handset.csv", { rows: 1200, startMs: Date.UTC(2024, 5, 1), stepSeconds: 300, seed: 9 }), one);
    expect(runs(one).map((r) => [r.kind, r.last_id - r.first_id + 1])).toEqual([
      ["imei", 1200],
      ["imsi", 1200],
    ]);
    expect(entries(one)).toEqual(expected(one));

    // Out of order: staged, then inserted in time order (ids follow time, runs are known).
    const b = await h.newCase();
    await h.load(deviceFile("shuffled", { rows: 1500, seed: 4, shuffle: true }), b);
    expect(entries(b)).toEqual(expected(b));

    // Repeated lines: statements skip rows, the ids are not known, the entries are read back.
    const c = await h.newCase();
    const withRepeats = await h.load(deviceFile("repeats", { rows: 1500, seed: 5, repeat: true }), c);
    expect(withRepeats.outcome?.counts.duplicates).toBeGreaterThan(20);
    expect(entries(c)).toEqual(expected(c));

    // More distinct handsets than the collector keeps: the job is read back, the same entries.
    const d = await h.newCase();
    const maxValues = DeviceRuns.maxValues;
    DeviceRuns.maxValues = 3;
    try {
      await h.load(deviceFile("many-handsets", { rows: 900, seed: 10 }), d);
    } finally {
      DeviceRuns.maxValues = maxValues;
    }
    expect(entries(d)).toEqual(expected(d));

    // A re-upload adds nothing; another file of the case adds its own.
    await h.load(deviceFile("ordered", { rows: 1500, seed: 3 }), a);
    expect(entries(a)).toEqual(expected(a));
    await h.load(deviceFile("more", { rows: 700, seed: 6, shuffle: true }), a);
    expect(entries(a)).toEqual(expected(a));

    for (const imei of [IMEIS[1]!, IMEIS[1]!.slice(0, 14)]) {
      const found = await listRecords(h.db, { scope: { caseId: a }, imei, includeDuplicates: true, page: 1, pageSize: 5000 });
      const truth = h.read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND imei = ?`).pluck().get(a, IMEIS[1]) as number;
      expect(truth).toBeGreaterThan(100);
      expect(found.total).toBe(truth);
      expect(found.records.every((r) => r.imei === IMEIS[1])).toBe(true);
    }
    const bySim = await listRecords(h.db, { scope: { caseId: b }, imsi: IMSIS[2]!, includeDuplicates: true, page: 1, pageSize: 5000 });
    expect(bySim.total).toBe(h.read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND imsi = ?`).pluck().get(b, IMSIS[2]));
    // A value spread over more runs than a statement should carry is compared in the records: the same answer.
    const ids = async (where: object) => (await h.db.callRecord.findMany({ where: { caseId: a, ...where }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    const viaRuns = await deviceWhere(h.db, { caseId: a }, "imei", [IMEIS[1]!]);
    const viaColumn = await deviceWhere(h.db, { caseId: a }, "imei", [IMEIS[1]!], 10);
    expect(viaRuns).toHaveProperty("OR");
    expect(viaColumn).toEqual({ imei: { in: [IMEIS[1]] } });
    expect(await ids(viaRuns)).toEqual(await ids(viaColumn));
    // Another case's records never answer.
    expect((await listRecords(h.db, { scope: { caseId: c }, imei: "000000000000000", page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("writes a value of too many runs as one spread entry, which a search answers from the records and a purge removes", async () => {
    const k = await h.newCase();
    const spreadRuns = DeviceRuns.spreadRuns;
    DeviceRuns.spreadRuns = 40; // the file's handsets alternate: ~190 runs each, SIMs ~300
    let job: string;
    try {
      job = (await h.load(deviceFile("spread", { rows: 1500, seed: 12 }), k)).jobId;
    } finally {
      DeviceRuns.spreadRuns = spreadRuns;
    }
    // Every handset and SIM of the file is spread (one entry each); a value of few runs keeps them.
    const stored = runs(k);
    const spread = stored.filter((r) => r.last_id === SPREAD);
    expect(spread.map((r) => r.value).sort()).toEqual([...IMEIS, ...IMSIS].sort());
    expect(stored.length - spread.length).toBeLessThan(5);
    for (const imei of IMEIS.slice(0, 3)) {
      const truth = h.read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND imei = ?`).pluck().get(k, imei) as number;
      expect(truth).toBeGreaterThan(100);
      expect(await deviceWhere(h.db, { caseId: k }, "imei", [imei])).toEqual({ imei: { in: [imei] } });
      const found = await listRecords(h.db, { scope: { caseId: k }, imei, includeDuplicates: true, page: 1, pageSize: 5000 });
      expect(found.total).toBe(truth);
    }
    const conn = openSqlite(h.dbFile);
    try {
      purgeJobSqlite(conn, job);
    } finally {
      conn.close();
    }
    expect(runs(k)).toEqual([]);
  });

  it("a purged job takes its entries along, the case's other files keep theirs", async () => {
    const k = await h.newCase();
    const first = await h.load(deviceFile("purge-1", { rows: 800, seed: 7 }), k);
    await h.load(deviceFile("purge-2", { rows: 800, seed: 8, shuffle: true }), k);
    const conn = openSqlite(h.dbFile);
    try {
      purgeJobSqlite(conn, first.jobId);
    } finally {
      conn.close();
    }
    expect(h.recordsOf(first.jobId)).toBe(0);
    expect(entries(k).length).toBeGreaterThan(1000);
    expect(entries(k)).toEqual(expected(k));
  });

  it("the migration writes the entries of records stored before it", () => {
    const dir = path.join(h.tmp.dir, "migrations-0011");
    for (const name of fs.readdirSync(SQLITE_MIGRATIONS_DIR).filter((n) => n < "0012"))
      fs.cpSync(path.join(SQLITE_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    const db = openSqlite(path.join(h.tmp.dir, "before-0012.db"));
    try {
      migrateSqlite(db, dir);
      db.exec(`INSERT INTO cases (id, name, updated_at) VALUES (1, 'old', CURRENT_TIMESTAMP)`);
      db.exec(
        `INSERT INTO ingestion_jobs (id, file_name, stored_path, sha256, size_bytes, status, case_id, updated_at) VALUES ('j', 'f.csv', '/x', 'h', 1, 'completed', 1, CURRENT_TIMESTAMP)`,
      );
      const ins = db.prepare(
        `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, record_type, imei, imsi) VALUES ('j', 1, ?, ?, '2024-01-01T00:00:00Z', 'voice', ?, ?)`,
      );
      for (let i = 0; i < 50; i++) ins.run(`h${i}`, i + 2, i % 4 === 0 ? null : IMEIS[i % 3], IMSIS[i % 2]);
      expect(migrateSqlite(db)).toEqual(["0012_record_devices"]);
      // Runs per value: ids 2..50 step by value, so each record is a run of its own but for neighbours of one value.
      const covered = db.prepare(`SELECT kind, SUM(last_id - first_id + 1) AS n FROM record_devices WHERE case_id = 1 GROUP BY kind ORDER BY kind`).all();
      expect(covered).toEqual([
        { kind: "imei", n: 37 },
        { kind: "imsi", n: 50 },
      ]);
      const wrong = db
        .prepare(
          `SELECT COUNT(*) FROM record_devices d JOIN call_records r ON r.id BETWEEN d.first_id AND d.last_id WHERE (d.kind = 'imei' AND r.imei IS NOT d.value) OR (d.kind = 'imsi' AND r.imsi IS NOT d.value)`,
        )
        .pluck()
        .get();
      expect(wrong).toBe(0);
      // The old indexes are gone; a deleted case takes its entries along.
      expect(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('call_records_case_id_imei_idx', 'call_records_case_id_imsi_idx')`).pluck().get()).toBe(0);
      db.pragma("foreign_keys = OFF");
      db.exec(`DELETE FROM cases WHERE id = 1`);
      expect(db.prepare(`SELECT COUNT(*) FROM record_devices`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
