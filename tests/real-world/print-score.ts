import { getDb } from "../../lib/db/prisma";
import { tempDataDir } from "../support/temp-db";
import { formatRealWorld, scoreRealWorld } from "./real-world-score";

/** Entry of scripts/score-real-world.mjs: scores fixtures/real-world on a throw-away SQLite database; `--json` prints the figures as JSON. */
const tmp = tempDataDir("switchyard-real-world-");
const db = getDb(tmp.databaseUrl);
try {
  const summary = await scoreRealWorld(db, tmp.databaseUrl);
  process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(summary, null, 2)}\n` : `${formatRealWorld(summary)}\n`);
} finally {
  await db.$disconnect();
  tmp.cleanup();
}
