import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as commonContactsRoute } from "../../app/api/analytics/common-contacts/route";
import { createSession } from "../../lib/auth/session";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { commonContacts } from "../../lib/data/common-contacts";
import { openPgPool } from "../../lib/db/pg-connection";
import { getDb, type Db } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { COMMON_CONTACTS_MAPPING, T2, TARGETS, recountCommonContacts, writeCommonContactsFiles, type StoredRecord } from "../support/common-contacts-files";
import { addCaseMemberInDb, createUserInDb } from "../support/factories";
import { tempPgSchema } from "../support/pg-test-db";

/**
 * Issue 21, common contacts on PostgreSQL: the same three targets' files as
 * tests/integration/common-contacts.test.ts through the real loader (executeJob → COPY sink →
 * per-target contacts recount), the same SQL answering, checked against a recount from call_records.
 * Skips when PostgreSQL cannot be reached.
 */
const pgdb = await tempPgSchema("common_contacts");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-common-"));
let db: Db;
let sql: pg.Pool;
let caseId = 0;
let memberCookie = "";
let outsiderCookie = "";

const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

beforeAll(async () => {
  if (!pgdb) return;
  db = getDb(pgdb.databaseUrl);
  await db.case.count(); // migrates the schema
  sql = openPgPool(pgdb.databaseUrl, { max: 2 });
  caseId = (await db.case.create({ data: { name: "common contacts" } })).id;
  for (const file of writeCommonContactsFiles(tmp)) {
    const job = await createJob(db, {
      fileName: path.basename(file),
      storedPath: file,
      sha256: "test",
      sizeBytes: fs.statSync(file).size,
      caseId,
      mapping: COMMON_CONTACTS_MAPPING,
    });
    const outcome = await executeJob(db, pgdb.databaseUrl, job.id, inline, silentJobEvents);
    expect(outcome?.status, outcome?.error?.message ?? "").toBe("completed");
  }
  setRuntime({ config: { trustProxy: false }, db } as unknown as Runtime);
  const member = await createUserInDb(db, "analyst", "member");
  const outsider = await createUserInDb(db, "analyst", "outsider");
  await addCaseMemberInDb(db, caseId, member.id);
  memberCookie = `sy_session=${(await createSession(db, member.id)).token}`;
  outsiderCookie = `sy_session=${(await createSession(db, outsider.id)).token}`;
}, 120_000);
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await pgdb?.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function storedRecords(c: number): Promise<StoredRecord[]> {
  return (
    await sql.query(
      `SELECT target, caller, callee, caller_raw, callee_raw, caller_kind, callee_kind, start_time, record_type FROM call_records WHERE case_id = $1 AND duplicate_of IS NULL`,
      [c],
    )
  ).rows as StoredRecord[];
}

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
