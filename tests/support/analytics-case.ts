import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, expect } from "vitest";
import { createSession } from "../../lib/auth/session";
import { openPgPool } from "../../lib/db/pg-connection";
import { getDb, type Db } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { COMMON_CONTACTS_MAPPING, writeCommonContactsFiles, type StoredRecord } from "./common-contacts-files";
import { addCaseMemberInDb, createUserInDb } from "./factories";
import { tempPgSchema } from "./pg-test-db";

/**
 * The case the analytics tests share (issue 21): the three targets' files of common-contacts-files.ts
 * loaded through the real loader, and two signed-in analysts, one a member of the case and one not,
 * for the routes' access checks. SQLite tests load through caseSqliteHarness; PostgreSQL tests use
 * pgAnalyticsCase, which also owns its temporary schema.
 */

/** The columns the recounts read from call_records (linked duplicate legs left out). */
export const STORED_RECORD_COLUMNS = "target, caller, callee, caller_raw, callee_raw, caller_kind, callee_kind, start_time, record_type";

/** Route handlers run in-process on `db`; a member and an outsider of the case, by cookie. */
export async function memberAndOutsider(db: Db, caseId: number): Promise<{ memberCookie: string; outsiderCookie: string }> {
  setRuntime({ config: { trustProxy: false }, db } as unknown as Runtime);
  const member = await createUserInDb(db, "analyst", "member");
  const outsider = await createUserInDb(db, "analyst", "outsider");
  await addCaseMemberInDb(db, caseId, member.id);
  return {
    memberCookie: `sy_session=${(await createSession(db, member.id)).token}`,
    outsiderCookie: `sy_session=${(await createSession(db, outsider.id)).token}`,
  };
}

/** Writes the three targets' files into `dir` and loads each with `load`, which must complete. */
export async function loadCommonContactsFiles(
  dir: string,
  load: (file: string) => Promise<{ status?: string; error?: { message: string } | null } | null | undefined>,
): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of writeCommonContactsFiles(dir)) {
    const outcome = await load(file);
    expect(outcome?.status, outcome?.error?.message ?? "").toBe("completed");
  }
}

export interface PgAnalyticsCase {
  db: Db;
  sql: pg.Pool;
  caseId: number;
  memberCookie: string;
  outsiderCookie: string;
  storedRecords(caseId: number): Promise<StoredRecord[]>;
}

const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

/**
 * A temporary PostgreSQL schema (null when PostgreSQL cannot be reached: the caller skips) and
 * `load()`, to call in beforeAll, which migrates it and loads the case. Removed after the file.
 */
export async function pgAnalyticsCase(schema: string, caseName: string): Promise<{ available: boolean; load(): Promise<PgAnalyticsCase> }> {
  const pgdb = await tempPgSchema(schema);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `sy-pg-${schema}-`));
  let opened: { db: Db; sql: pg.Pool } | null = null;
  afterAll(async () => {
    await opened?.sql.end();
    await opened?.db.$disconnect();
    await pgdb?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  return {
    available: pgdb !== null,
    async load() {
      if (!pgdb) throw new Error("PostgreSQL is not reachable");
      const db = getDb(pgdb.databaseUrl);
      await db.case.count(); // migrates the schema
      const sql = openPgPool(pgdb.databaseUrl, { max: 2 });
      opened = { db, sql };
      const caseId = (await db.case.create({ data: { name: caseName } })).id;
      await loadCommonContactsFiles(tmp, async (file) => {
        const job = await createJob(db, {
          fileName: path.basename(file),
          storedPath: file,
          sha256: "test",
          sizeBytes: fs.statSync(file).size,
          caseId,
          mapping: COMMON_CONTACTS_MAPPING,
        });
        return executeJob(db, pgdb.databaseUrl, job.id, inline, silentJobEvents);
      });
      const storedRecords = async (c: number) =>
        (await sql.query(`SELECT ${STORED_RECORD_COLUMNS} FROM call_records WHERE case_id = $1 AND duplicate_of IS NULL`, [c])).rows as StoredRecord[];
      return { db, sql, caseId, ...(await memberAndOutsider(db, caseId)), storedRecords };
    },
  };
}
