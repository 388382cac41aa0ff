import { beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "../../app/api/analytics/report/route";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { caseReport } from "../../lib/data/case-report";
import { listContacts } from "../../lib/data/contacts";
import { targetDevices, targetPatterns } from "../../lib/data/patterns-of-life";
import { targetTimeline } from "../../lib/data/timeline";
import { caseReportResponseSchema, type CaseReportResponse } from "../../lib/schemas/analytics";
import { caseSqliteHarness } from "../support/case-sqlite";
import { recountReportCounts, type CountedRecord } from "../support/case-report-recount";
import { COMMON_CONTACTS_MAPPING, TARGETS } from "../support/common-contacts-files";
import { loadCommonContactsFiles, memberAndOutsider } from "../support/analytics-case";

/**
 * Issue 21, the case report on a real SQLite file: three targets' files loaded through the real
 * loader, every figure checked against what it reuses or a recount from call_records (counts), and
 * the route's case access (a non-member gets the not_found of a missing case) and strict query.
 */
const { tmp, db, read, newCase, load } = caseSqliteHarness();
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";
let report: CaseReportResponse;

beforeAll(async () => {
  caseId = await newCase("report case");
  await loadCommonContactsFiles(`${tmp.dir}/report`, async (file) => (await load(file, caseId, undefined, COMMON_CONTACTS_MAPPING)).outcome);
  // Three candidate silences of the first target, written out of order: the report lists those its
  // threshold (3 h and 3×, set here) reports, in time order; the 2-hour one is left out.
  await db.timelineGap.createMany({
    data: [
      { caseId, target: TARGETS[0]!, fromTime: "2024-03-01T12:00:00Z", toTime: "2024-03-01T18:00:00Z", seconds: 21_600, ratio: 6.8 },
      { caseId, target: TARGETS[0]!, fromTime: "2024-03-01T02:00:00Z", toTime: "2024-03-01T05:00:00Z", seconds: 10_800, ratio: 3.4 },
      { caseId, target: TARGETS[0]!, fromTime: "2024-03-01T07:00:00Z", toTime: "2024-03-01T09:00:00Z", seconds: 7_200, ratio: 2.2 },
    ],
  });
  await db.gapThreshold.create({ data: { caseId, target: TARGETS[0]!, minSeconds: 3 * 3600, minRatio: 3 } });
  await db.case.update({ where: { id: caseId }, data: { displayTimezone: "America/Chicago" } });
  ({ memberCookie, outsiderCookie } = await memberAndOutsider(db, caseId));
  report = await caseReport(db, caseId);
}, 60_000);

async function get(query: string, cookie: string) {
  const res = await reportRoute(new Request(`http://127.0.0.1/api/analytics/report?${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("the case report, from a case loaded through the real loader", () => {
  it("names the case and lists its targets in order, in the documented shape", () => {
    expect(caseReportResponseSchema.parse(report)).toEqual(report);
    expect(report.case).toEqual({ id: caseId, name: "report case", displayTimezone: "America/Chicago" });
    expect(Date.parse(report.generatedAt)).not.toBeNaN();
    expect(report.targets.map((t) => t.target)).toEqual([...TARGETS].sort());
  });

  it("counts each target's records as a recount from call_records does", () => {
    const records = read.prepare(`SELECT target, record_type, direction, start_time FROM call_records WHERE case_id = ? AND duplicate_of IS NULL`).all(caseId) as CountedRecord[];
    const recount = recountReportCounts(records);
    for (const t of report.targets) expect(t.counts, t.target).toEqual(recount.get(t.target));
    expect(report.targets.reduce((s, t) => s + t.counts.records, 0)).toBe(20 + 9 + 20);
    for (const t of report.targets) expect(t.counts.incoming + t.counts.outgoing, t.target).toBe(t.counts.records);
  });

  it("lists each target's top 10 contacts as the contacts table orders them", async () => {
    for (const t of report.targets) {
      const top = await listContacts(db, { caseId }, { target: t.target, page: 1, pageSize: 10 });
      expect(t.topContacts, t.target).toEqual(
        top.contacts.map((c) => ({ number: c.number, kind: c.kind, calls: c.calls, messages: c.messages, first: c.firstSeen, last: c.lastSeen })),
      );
      expect(t.topContacts.length).toBeGreaterThan(0);
    }
    // The first target talks to 6 numbers; its busiest is 4155550190 (6 events).
    expect(report.targets.find((t) => t.target === TARGETS[0])!.topContacts[0]!.number).toBe("+14155550190");
  });

  it("has the patterns, devices and gaps the analytics routes give", async () => {
    for (const t of report.targets) {
      const patterns = await targetPatterns(db, caseId, t.target);
      expect(t.patterns, t.target).toEqual({ timezone: "America/Chicago", cells: patterns.cells });
      expect(t.patterns.cells.reduce((s, c) => s + c.calls + c.messages, 0)).toBe(t.counts.records);
      expect(t.devices, t.target).toEqual(await targetDevices(db, caseId, t.target));
      const timeline = await targetTimeline(db, t.target, { caseId });
      expect(t.gaps, t.target).toEqual(timeline.gaps.map(({ caseId: _caseId, ...g }) => g));
    }
    expect(report.targets.find((t) => t.target === TARGETS[0])!.gaps.map((g) => g.from)).toEqual(["2024-03-01T02:00:00Z", "2024-03-01T12:00:00Z"]);
  });

  it("is an empty list of targets for a case without records, and not_found for no case", async () => {
    const empty = await newCase("empty");
    expect((await caseReport(db, empty)).targets).toEqual([]);
    await expect(caseReport(db, 999_999)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("GET /api/analytics/report", () => {
  it("answers a member with the report", async () => {
    const res = await get(`caseId=${caseId}`, memberCookie);
    expect(res.status).toBe(200);
    const body = res.body as CaseReportResponse;
    expect({ ...body, generatedAt: "" }).toEqual({ ...report, generatedAt: "" });
  });

  it("answers one target's page, equal to that target's page of the whole report", async () => {
    for (const page of report.targets) {
      const res = await get(`caseId=${caseId}&target=${encodeURIComponent(page.target)}`, memberCookie);
      expect(res.status).toBe(200);
      const body = res.body as CaseReportResponse;
      expect(body.case).toEqual(report.case);
      expect(body.targets, page.target).toEqual([page]);
    }
    const refused = await get(`caseId=${caseId}&target=${encodeURIComponent(report.targets[0]!.target)}`, outsiderCookie);
    expect(refused.status).toBe(404);
  });

  it("answers a non-member exactly as for a case that does not exist", async () => {
    const refused = await get(`caseId=${caseId}`, outsiderCookie);
    expect(refused).toEqual({ status: 404, body: { error: { code: "not_found", message: NO_SUCH_CASE } } });
    expect(await get(`caseId=999999`, memberCookie)).toEqual(refused);
  });

  it("requires caseId and refuses unknown parameters", async () => {
    for (const q of ["", "caseId=abc", `caseId=${caseId}&target=`, `caseId=${caseId}&format=pdf`]) {
      const res = await get(q, memberCookie);
      expect(res.status, q).toBe(400);
      expect((res.body as { error: { code: string } }).error.code, q).toBe("bad_request");
    }
  });

  it("refuses a caller who is not signed in", async () => {
    expect((await get(`caseId=${caseId}`, "")).status).toBe(401);
  });
});
