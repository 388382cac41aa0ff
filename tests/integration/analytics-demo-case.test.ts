import { beforeAll, describe, expect, it } from "vitest";
import { commonContacts } from "../../lib/data/common-contacts";
import { reportedGaps } from "../../lib/data/gap-thresholds";
import { targetDevices, targetPatterns } from "../../lib/data/patterns-of-life";
import { writeDemoCase, type DemoCaseTruth } from "../support/analytics-demo-case";
import { caseSqliteHarness } from "../support/case-sqlite";

/**
 * The analytics demo case (tests/support/analytics-demo-case.ts) loaded through the real loader
 * with no mapping given — the carriers' layouts must be recognised without review — and every
 * figure its truth states read back from the database and the analytics functions: the proof that
 * the truth the Playwright journeys assert is right.
 */
const { tmp, db, read, newCase, load } = caseSqliteHarness();
let truth: DemoCaseTruth;
let caseId = 0;
const jobs: { name: string; status: string; records: number; errors: number }[] = [];

beforeAll(async () => {
  truth = writeDemoCase(`${tmp.dir}/demo`);
  caseId = await newCase("analytics demo");
  for (const f of truth.files) {
    const { jobId, row } = await load(f.path, caseId);
    const records = read.prepare(`SELECT COUNT(*) FROM call_records WHERE job_id = ?`).pluck().get(jobId) as number;
    const errors = read.prepare(`SELECT COUNT(*) FROM ingestion_errors WHERE job_id = ?`).pluck().get(jobId) as number;
    jobs.push({ name: f.name, status: row.status, records, errors });
  }
  await db.case.update({ where: { id: caseId }, data: { displayTimezone: truth.timezone } });
}, 120_000);

describe("the analytics demo case", () => {
  it("loads every file without review, every row a record", () => {
    expect(jobs).toEqual(truth.files.map((f) => ({ name: f.name, status: "completed", records: f.records, errors: 0 })));
  });

  it("stores exactly the records the truth was computed from", () => {
    const stored = read
      .prepare(
        `SELECT target, start_time AS start, duration_seconds AS durationSeconds, caller, callee, record_type AS recordType, direction,
                cell_first AS cellFirst, cell_last AS cellLast, imei, imsi
           FROM call_records WHERE case_id = ? AND duplicate_of IS NULL ORDER BY target, start_time`,
      )
      .all(caseId);
    const expected = truth.records.map(({ file: _file, ...r }) => r).sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : a.start < b.start ? -1 : 1));
    expect(stored).toEqual(expected);
  });

  it("counts calls and messages per target", () => {
    const rows = read
      .prepare(`SELECT target, SUM(record_type = 'voice') AS calls, SUM(record_type = 'sms') AS messages, COUNT(*) AS records FROM call_records WHERE case_id = ? GROUP BY target`)
      .all(caseId) as { target: string; calls: number; messages: number; records: number }[];
    expect(Object.fromEntries(rows.map(({ target, ...c }) => [target, c]))).toEqual(truth.counts);
  });

  it("ranks the common contacts as the truth does", async () => {
    const got = await commonContacts(db, caseId, { minTargets: 2, limit: 100 });
    expect(got.contacts.map(({ kind: _kind, ...c }) => c)).toEqual(truth.commonContacts);
    // The shape the journeys rely on: two numbers all three share, B's own number among the rest.
    expect(truth.commonContacts.filter((c) => c.targets.length === 3)).toHaveLength(2);
    expect(truth.commonContacts.map((c) => c.number)).toContain(truth.targets[1]);
  });

  it("shows each target's devices and the handset and SIM changes", async () => {
    for (const t of truth.targets) {
      const got = await targetDevices(db, caseId, t);
      expect(got.devices, t).toEqual(truth.devices[t]);
      expect(
        got.changes.map(({ at, imeiChanged, imsiChanged }) => ({ at, imeiChanged, imsiChanged })),
        t,
      ).toEqual(truth.deviceChanges[t]);
    }
    expect(Object.values(truth.deviceChanges).flat()).toHaveLength(2);
  });

  it("draws the patterns of life in the case's display time zone", async () => {
    for (const t of truth.targets) {
      const got = await targetPatterns(db, caseId, t);
      expect(got.timezone).toBe(truth.timezone);
      expect(
        got.cells.filter((c) => c.calls + c.messages > 0),
        t,
      ).toEqual(truth.patterns[t]);
    }
  });

  it("finds the one two-week silence across A's two monthly files, and no other", async () => {
    const rows = (await reportedGaps(db, { caseId })).map(({ target, from, to, seconds }) => ({ target, from, to, seconds }));
    const expected = truth.targets.flatMap((t) => truth.gaps[t]!.map((g) => ({ target: t, ...g }))).sort((a, b) => (a.target < b.target ? -1 : 1));
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.seconds).toBeGreaterThanOrEqual(14 * 24 * 3600);
    expect(rows[0]!.from.slice(0, 7)).toBe("2024-01");
    expect(rows[0]!.to.slice(0, 7)).toBe("2024-02");
    expect(rows[0]!.target).toBe(truth.files[0]!.target);
  });

  it("counts each cell's records (first or last cell) per target", () => {
    const rows = read
      .prepare(
        `SELECT target, cell, COUNT(*) AS events FROM (
           SELECT id, target, cell_first AS cell FROM call_records WHERE case_id = ? AND cell_first IS NOT NULL
           UNION SELECT id, target, cell_last FROM call_records WHERE case_id = ? AND cell_last IS NOT NULL)
         GROUP BY target, cell ORDER BY target, COUNT(*) DESC, cell`,
      )
      .all(caseId, caseId) as { target: string; cell: string; events: number }[];
    for (const t of truth.targets)
      expect(
        rows.filter((r) => r.target === t).map(({ cell, events }) => ({ cell, events })),
        t,
      ).toEqual(truth.cells[t]);
    // Every cell used but one has a site in the list.
    const used = new Set(rows.map((r) => r.cell));
    expect([...used].filter((c) => !truth.cellSites.some((s) => s.cell === c))).toEqual(["21208-2"]);
  });
});
