import { afterAll } from "vitest";
import { loadConfig } from "../../lib/config";
import { getDb } from "../../lib/db/prisma";
import { prepareDataDir } from "../../lib/server/data-dir";
import { targetCellsSuite } from "../support/target-cells-suite";
import { tempDataDir } from "../support/temp-db";

/** Analytics issue 21 on a fresh SQLite file: a case's cell-site list and a target's cells, through the real route handlers. */
const tmp = tempDataDir("switchyard-cells-");
const config = loadConfig({ DATA_DIR: tmp.dir } as unknown as NodeJS.ProcessEnv);
await prepareDataDir(config);
const db = getDb(config.databaseUrl);

afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

targetCellsSuite("SQLite", () => ({ db }));
