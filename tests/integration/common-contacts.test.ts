import { beforeAll, describe, expect, it } from "vitest";
import { GET as commonContactsRoute } from "../../app/api/analytics/common-contacts/route";
import { commonContacts } from "../../lib/data/common-contacts";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { commonContactsResponseSchema } from "../../lib/schemas/analytics";
import { caseSqliteHarness } from "../support/case-sqlite";
import { COMMON_CONTACTS_MAPPING, T2, TARGETS, recountCommonContacts, type StoredRecord } from "../support/common-contacts-files";
import { STORED_RECORD_COLUMNS, loadCommonContactsFiles, memberAndOutsider } from "../support/analytics-case";

/**
 * Issue 21, common contacts on a real SQLite file: three targets' files loaded through the real
 * loader (executeJob → the SQLite sink → post-load contacts), the answer checked against a recount
 * from call_records, and the route's case access (a non-member gets the not_found of a missing case).
 */
const { tmp, db, read, newCase, load, expectConsistent } = caseSqliteHarness();
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";

const storedRecords = (c: number) => read.prepare(`SELECT ${STORED_RECORD_COLUMNS} FROM call_records WHERE case_id = ? AND duplicate_of IS NULL`).all(c) as StoredRecord[];

beforeAll(async () => {
  caseId = await newCase("common contacts");
  await loadCommonContactsFiles(`${tmp.dir}/common`, async (file) => (await load(file, caseId, undefined, COMMON_CONTACTS_MAPPING)).outcome);
  ({ memberCookie, outsiderCookie } = await memberAndOutsider(db, caseId));
}, 60_000);

async function get(query: string, cookie: string) {
  const res = await commonContactsRoute(new Request(`http://127.0.0.1/api/analytics/common-contacts?${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("common contacts of a case loaded through the real loader", () => {
  it("loaded every row and kept the case's contacts equal to a recount", () => {
    expect(read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ?`).pluck().get(caseId)).toBe(20 + 9 + 20);
    expect(read.prepare(`SELECT DISTINCT target FROM call_records WHERE case_id = ? ORDER BY 1`).pluck().all(caseId)).toEqual([...TARGETS].sort());
    expectConsistent(caseId);
  });

  it("ranks by targets, then events, then number; each target's events and first/last match a recount from call_records", async () => {
    const got = await commonContacts(db, caseId, { minTargets: 2, limit: 100 });
    expect(commonContactsResponseSchema.parse(got)).toEqual(got);
    expect(got).toEqual(recountCommonContacts(storedRecords(caseId)));
    // The exact ranking: two numbers all three targets talk to, then four two of them do — T2's own
    // number among them (T1 and T3 call it), and the withheld caller, with its kind.
    expect(got.contacts.map((c) => [c.number, c.kind, c.targets.length, c.events])).toEqual([
      ["+13125550111", "e164", 3, 12],
      ["+16175550123", "e164", 3, 5],
      ["+14155550190", "e164", 2, 7],
      ["+12025550133", "e164", 2, 5],
      [`+1${T2}`, "e164", 2, 5],
      ["Restricted", "withheld", 2, 3],
    ]);
    const [t1, t2, t3] = TARGETS as [string, string, string];
    expect(got.contacts[0]!.targets.map((t) => [t.target, t.events])).toEqual([
      [t1, 5],
      [t2, 4],
      [t3, 3],
    ]);
    expect(got.contacts.find((c) => c.number === `+1${T2}`)!.targets.map((t) => t.target)).toEqual([t3, t1]);
    // Numbers only one target talks to are not common.
    expect(got.contacts.map((c) => c.number)).not.toContain("+19175550121");
    expect(got.contacts.map((c) => c.number)).not.toContain("+13035550166");
    for (const c of got.contacts) for (const t of c.targets) expect(t.first <= t.last).toBe(true);
  });

  it("minTargets and limit narrow the list, the same order", async () => {
    const all = await commonContacts(db, caseId, { minTargets: 2, limit: 100 });
    expect(await commonContacts(db, caseId, { minTargets: 3, limit: 100 })).toEqual(recountCommonContacts(storedRecords(caseId), 3));
    expect((await commonContacts(db, caseId, { minTargets: 3, limit: 100 })).contacts.map((c) => c.number)).toEqual(["+13125550111", "+16175550123"]);
    expect(await commonContacts(db, caseId, { minTargets: 4, limit: 100 })).toEqual({ contacts: [] });
    expect(await commonContacts(db, caseId, { minTargets: 2, limit: 3 })).toEqual({ contacts: all.contacts.slice(0, 3) });
  });

  it("counts only the case's own contacts, never records without a target; a null kind is e164", async () => {
    const other = await newCase("other");
    await db.contact.createMany({
      data: [
        {
          caseId: other,
          target: "+15550000001",
          number: "+13125550111",
          kind: null,
          firstSeen: "2024-01-01T00:00:00.000Z",
          lastSeen: "2024-01-02T00:00:00.000Z",
          calls: 2,
          messages: 1,
        },
        {
          caseId: other,
          target: "+15550000002",
          number: "+13125550111",
          kind: "e164",
          firstSeen: "2024-01-03T00:00:00.000Z",
          lastSeen: "2024-01-03T00:00:00.000Z",
          calls: 1,
          messages: 0,
        },
        // Records without a target are grouped under "": no target shares them.
        { caseId: other, target: "", number: "+16175550123", kind: null, firstSeen: "2024-01-01T00:00:00.000Z", lastSeen: "2024-01-01T00:00:00.000Z", calls: 9, messages: 0 },
        {
          caseId: other,
          target: "+15550000001",
          number: "+16175550123",
          kind: null,
          firstSeen: "2024-01-01T00:00:00.000Z",
          lastSeen: "2024-01-01T00:00:00.000Z",
          calls: 1,
          messages: 0,
        },
      ],
    });
    expect(await commonContacts(db, other, { minTargets: 2, limit: 100 })).toEqual({
      contacts: [
        {
          number: "+13125550111",
          kind: "e164",
          events: 4,
          targets: [
            { target: "+15550000001", events: 3, first: "2024-01-01T00:00:00.000Z", last: "2024-01-02T00:00:00.000Z" },
            { target: "+15550000002", events: 1, first: "2024-01-03T00:00:00.000Z", last: "2024-01-03T00:00:00.000Z" },
          ],
        },
      ],
    });
    // The loaded case is untouched by the other case's rows.
    expect(await commonContacts(db, caseId, { minTargets: 2, limit: 100 })).toEqual(recountCommonContacts(storedRecords(caseId)));
  });
});

describe("GET /api/analytics/common-contacts", () => {
  it("answers a member with the case's common contacts", async () => {
    const res = await get(`caseId=${caseId}&minTargets=3`, memberCookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await commonContacts(db, caseId, { minTargets: 3, limit: 100 }));
  });

  it("answers a non-member exactly as for a case that does not exist", async () => {
    const refused = await get(`caseId=${caseId}`, outsiderCookie);
    const missing = await get(`caseId=999999`, memberCookie);
    expect(refused).toEqual({ status: 404, body: { error: { code: "not_found", message: NO_SUCH_CASE } } });
    expect(missing).toEqual(refused);
  });

  it("requires caseId and keeps minTargets and limit in range", async () => {
    for (const q of ["", "caseId=abc", `caseId=${caseId}&minTargets=1`, `caseId=${caseId}&limit=0`, `caseId=${caseId}&limit=1001`]) {
      const res = await get(q, memberCookie);
      expect(res.status, q).toBe(400);
      expect((res.body as { error: { code: string } }).error.code, q).toBe("bad_request");
    }
    expect((await get(`caseId=${caseId}&limit=1000`, memberCookie)).status).toBe(200);
  });

  it("refuses a caller who is not signed in", async () => {
    expect((await get(`caseId=${caseId}`, "")).status).toBe(401);
  });
});
