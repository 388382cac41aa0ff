import { afterAll } from "vitest";
import { getDb, type Db } from "../../lib/db/prisma";
import { patternsDevicesSuite } from "../support/patterns-devices-suite";
import { tempPgSchema } from "../support/pg-test-db";

/** Analytics issue 21 on PostgreSQL (a fresh schema): patterns of life and devices of a target. Skips when PostgreSQL cannot be reached. */
const pgdb = await tempPgSchema("patterns_devices");
let db: Db | null = null;
if (pgdb) {
  db = getDb(pgdb.databaseUrl);
  await db.case.count(); // migrates the schema
}

afterAll(async () => {
  await db?.$disconnect();
  await pgdb?.cleanup();
});

patternsDevicesSuite("PostgreSQL", () => (db ? { db } : null));
