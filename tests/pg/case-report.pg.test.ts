import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "../../app/api/analytics/report/route";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { caseReport } from "../../lib/data/case-report";
import { listContacts } from "../../lib/data/contacts";
import { targetDevices, targetPatterns } from "../../lib/data/patterns-of-life";
import type { Db } from "../../lib/db/prisma";
import { caseReportResponseSchema, type CaseReportResponse } from "../../lib/schemas/analytics";
import { recountReportCounts, type CountedRecord } from "../support/case-report-recount";
import { TARGETS } from "../support/common-contacts-files";
import { pgAnalyticsCase } from "../support/analytics-case";

/**
 * Issue 21, the case report on PostgreSQL: the same three targets' files as
 * tests/integration/case-report.test.ts through the real loader (executeJob → COPY sink →
 * post-load), the same SQL counting, checked against a recount from call_records. Skips when
 * PostgreSQL cannot be reached.
 */
const pgcase = await pgAnalyticsCase("case_report", "report case");
const pgdb = pgcase.available;
let db: Db;
let sql: pg.Pool;
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";

beforeAll(async () => {
  if (!pgdb) return;
  ({ db, sql, caseId, memberCookie, outsiderCookie } = await pgcase.load());
}, 120_000);

async function get(query: string, cookie: string) {
  const res = await reportRoute(new Request(`http://127.0.0.1/api/analytics/report?${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe.skipIf(!pgdb)("the case report on PostgreSQL", () => {
  it("counts each target's records as a recount from call_records does", async () => {
    const report = await caseReport(db, caseId);
    expect(caseReportResponseSchema.parse(report)).toEqual(report);
    expect(report.targets.map((t) => t.target)).toEqual([...TARGETS].sort());
    const records = (await sql.query(`SELECT target, record_type, direction, start_time FROM call_records WHERE case_id = $1 AND duplicate_of IS NULL`, [caseId]))
      .rows as CountedRecord[];
    const recount = recountReportCounts(records);
    for (const t of report.targets) expect(t.counts, t.target).toEqual(recount.get(t.target));
    expect(report.targets.reduce((s, t) => s + t.counts.records, 0)).toBe(49);
  });

  it("has the contacts table's top 10, the patterns and the devices of each target", async () => {
    const report = await caseReport(db, caseId);
    for (const t of report.targets) {
      const top = await listContacts(db, { caseId }, { target: t.target, page: 1, pageSize: 10 });
      expect(t.topContacts, t.target).toEqual(
        top.contacts.map((c) => ({ number: c.number, kind: c.kind, calls: c.calls, messages: c.messages, first: c.firstSeen, last: c.lastSeen })),
      );
      expect(t.patterns.cells, t.target).toEqual((await targetPatterns(db, caseId, t.target)).cells);
      expect(t.devices, t.target).toEqual(await targetDevices(db, caseId, t.target));
      // One target's page (what the report page asks for) is the same page, from the per-target queries.
      expect((await caseReport(db, caseId, t.target)).targets, t.target).toEqual([t]);
    }
  });

  it("the route answers a member, and a non-member exactly as for a missing case", async () => {
    const ok = await get(`caseId=${caseId}`, memberCookie);
    expect(ok.status).toBe(200);
    expect({ ...(ok.body as CaseReportResponse), generatedAt: "" }).toEqual({ ...(await caseReport(db, caseId)), generatedAt: "" });
    const refused = await get(`caseId=${caseId}`, outsiderCookie);
    expect(refused).toEqual({ status: 404, body: { error: { code: "not_found", message: NO_SUCH_CASE } } });
    expect(await get(`caseId=999999`, memberCookie)).toEqual(refused);
    expect((await get(`caseId=${caseId}&limit=5`, memberCookie)).status).toBe(400);
  });
});
