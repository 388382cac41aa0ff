import { afterAll } from "vitest";
import { getDb, type Db } from "../../lib/db/prisma";
import { targetCellsSuite } from "../support/target-cells-suite";
import { tempPgSchema } from "../support/pg-test-db";

/** Analytics issue 21 on PostgreSQL (a fresh schema): a case's cell-site list and a target's cells. Skips when PostgreSQL cannot be reached. */
const pgdb = await tempPgSchema("target_cells");
let db: Db | null = null;
if (pgdb) {
  db = getDb(pgdb.databaseUrl);
  await db.case.count(); // migrates the schema
}

afterAll(async () => {
  await db?.$disconnect();
  await pgdb?.cleanup();
});

targetCellsSuite("PostgreSQL", () => (db ? { db } : null));
