import { afterAll } from "vitest";
import { loadConfig } from "../../lib/config";
import { getDb } from "../../lib/db/prisma";
import { prepareDataDir } from "../../lib/server/data-dir";
import { recordSearchSuite } from "../support/record-search-suite";
import { tempDataDir } from "../support/temp-db";

/** Analytics issue 21 on a fresh SQLite file: the record search filters, through the real route handlers. */
const tmp = tempDataDir("switchyard-record-search-");
const config = loadConfig({ DATA_DIR: tmp.dir } as unknown as NodeJS.ProcessEnv);
await prepareDataDir(config);
const db = getDb(config.databaseUrl);

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

recordSearchSuite("SQLite", () => ({ db, config }));
