import { afterAll, describe } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { cdrFixtures, loadCdrTruths } from "../support/corpora";
import { defineFixtureCases } from "../support/ingest-fixture-cases";
import { tempDataDir } from "../support/temp-db";

const dir = cdrFixtures();
const tmp = tempDataDir();
const db = getDb(tmp.databaseUrl);
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

/** The CLI contract's heart, in-process: every sample carrier file loads exactly its truth (same cases as tests/pg). */
describe.skipIf(!dir)("carrier fixtures end to end (real SQLite)", () => {
  defineFixtureCases(dir!, dir ? loadCdrTruths(dir) : [], () => ({ db, databaseUrl: tmp.databaseUrl }));
});
