import { afterAll, describe } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { cdrFixtures, loadCdrTruths } from "../support/corpora";
import { defineFixtureCases } from "../support/ingest-fixture-cases";
import { tempPgSchema } from "../support/pg-test-db";

const dir = cdrFixtures();
const pgdb = await tempPgSchema("fixtures");
const db = pgdb ? getDb(pgdb.databaseUrl) : null;
afterAll(async () => {
  await db?.$disconnect();
  await pgdb?.cleanup();
});

/** The same carrier-fixture cases as the SQLite suite, loaded through COPY into a fresh PostgreSQL schema. */
describe.skipIf(!dir || !pgdb)("carrier fixtures end to end (real PostgreSQL)", () => {
  defineFixtureCases(dir!, dir ? loadCdrTruths(dir) : [], () => ({ db: db!, databaseUrl: pgdb!.databaseUrl }));
});
