import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { loadConfig } from "../../lib/config";
import { getDb, type Db } from "../../lib/db/prisma";
import { recordSearchSuite } from "../support/record-search-suite";
import { tempPgSchema } from "../support/pg-test-db";

/** Analytics issue 21 on PostgreSQL (a fresh schema): the record search filters, through the real route handlers. */
const pgdb = await tempPgSchema("record_search");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-search-"));
let db: Db | null = null;
if (pgdb) {
  db = getDb(pgdb.databaseUrl);
  await db.case.count(); // migrates the schema
}
const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: pgdb?.databaseUrl ?? "" } as unknown as NodeJS.ProcessEnv);

afterAll(async () => {
  await db?.$disconnect();
  await pgdb?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

recordSearchSuite("PostgreSQL", () => (db ? { db, config } : null));
