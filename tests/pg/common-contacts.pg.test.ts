import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as commonContactsRoute } from "../../app/api/analytics/common-contacts/route";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { commonContacts } from "../../lib/data/common-contacts";
import type { Db } from "../../lib/db/prisma";
import { T2, TARGETS, recountCommonContacts } from "../support/common-contacts-files";
import { pgAnalyticsCase, type PgAnalyticsCase } from "../support/analytics-case";

/**
 * Issue 21, common contacts on PostgreSQL: the same three targets' files as
 * tests/integration/common-contacts.test.ts through the real loader (executeJob → COPY sink →
 * per-target contacts recount), the same SQL answering, checked against a recount from call_records.
 * Skips when PostgreSQL cannot be reached.
 */
const pgcase = await pgAnalyticsCase("common_contacts", "common contacts");
const pgdb = pgcase.available;
let db: Db;
let sql: pg.Pool;
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";
let storedRecords: PgAnalyticsCase["storedRecords"];

beforeAll(async () => {
  if (!pgdb) return;
  ({ db, sql, caseId, memberCookie, outsiderCookie, storedRecords } = await pgcase.load());
}, 120_000);

async function get(query: string, cookie: string) {
  const res = await commonContactsRoute(new Request(`http://127.0.0.1/api/analytics/common-contacts?${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe.skipIf(!pgdb)("common contacts on PostgreSQL", () => {
  it("loaded the three targets' files", async () => {
    expect((await sql.query(`SELECT COUNT(*)::int AS n FROM call_records WHERE case_id = $1`, [caseId])).rows[0].n).toBe(49);
    expect((await sql.query(`SELECT DISTINCT target FROM call_records WHERE case_id = $1 ORDER BY 1`, [caseId])).rows.map((r) => r.target)).toEqual([...TARGETS].sort());
  });

  it("ranks by targets, then events, then number; per-target counts and first/last match a recount from call_records", async () => {
    const records = await storedRecords(caseId);
    const got = await commonContacts(db, caseId, { minTargets: 2, limit: 100 });
    expect(got).toEqual(recountCommonContacts(records));
    expect(got.contacts.map((c) => [c.number, c.kind, c.targets.length, c.events])).toEqual([
      ["+13125550111", "e164", 3, 12],
      ["+16175550123", "e164", 3, 5],
      ["+14155550190", "e164", 2, 7],
      ["+12025550133", "e164", 2, 5],
      [`+1${T2}`, "e164", 2, 5],
      ["Restricted", "withheld", 2, 3],
    ]);
    expect(await commonContacts(db, caseId, { minTargets: 3, limit: 100 })).toEqual(recountCommonContacts(records, 3));
    expect(await commonContacts(db, caseId, { minTargets: 2, limit: 3 })).toEqual(recountCommonContacts(records, 2, 3));
  });

  it("the route answers a member, and a non-member exactly as for a missing case", async () => {
    const ok = await get(`caseId=${caseId}`, memberCookie);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(await commonContacts(db, caseId, { minTargets: 2, limit: 100 }));
    const refused = await get(`caseId=${caseId}`, outsiderCookie);
    expect(refused).toEqual({ status: 404, body: { error: { code: "not_found", message: NO_SUCH_CASE } } });
    expect(await get(`caseId=999999`, memberCookie)).toEqual(refused);
  });
});
