import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "../../app/api/analytics/report/route";
import { createSession } from "../../lib/auth/session";
import { NO_SUCH_CASE } from "../../lib/data/case-access";
import { caseReport } from "../../lib/data/case-report";
import { listContacts } from "../../lib/data/contacts";
import { targetDevices, targetPatterns } from "../../lib/data/patterns-of-life";
import { openPgPool } from "../../lib/db/pg-connection";
import { getDb, type Db } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { caseReportResponseSchema, type CaseReportResponse } from "../../lib/schemas/analytics";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { recountReportCounts, type CountedRecord } from "../support/case-report-recount";
import { COMMON_CONTACTS_MAPPING, TARGETS, writeCommonContactsFiles } from "../support/common-contacts-files";
import { addCaseMemberInDb, createUserInDb } from "../support/factories";
import { tempPgSchema } from "../support/pg-test-db";

/**
 * Issue 21, the case report on PostgreSQL: the same three targets' files as
 * tests/integration/case-report.test.ts through the real loader (executeJob → COPY sink →
 * post-load), the same SQL counting, checked against a recount from call_records. Skips when
 * PostgreSQL cannot be reached.
 */
const pgdb = await tempPgSchema("case_report");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-report-"));
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
  caseId = (await db.case.create({ data: { name: "report case" } })).id;
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
