import { parseDatabaseUrl } from "./database-url";
import { migrateSqlite } from "./migrate-sqlite";
import { openSqlite } from "./open-sqlite";
import { migratePg } from "./migrate-pg";
import { openPgPool, pgTarget } from "./pg-connection";

const prepared = new Set<string>();
const preparing = new Map<string, Promise<void>>();

/**
 * Creates the database and applies pending migrations, once per process per URL. SQLite is
 * prepared synchronously; PostgreSQL (scale-out) returns a promise, which the pg Prisma client
 * also awaits before its first query (see pg-prisma.ts).
 */
export function prepareDatabase(databaseUrl: string): void | Promise<void> {
  if (prepared.has(databaseUrl)) return;
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") return preparePg(databaseUrl);
  const db = openSqlite(target.file);
  try {
    migrateSqlite(db);
  } finally {
    db.close();
  }
  prepared.add(databaseUrl);
}

function preparePg(databaseUrl: string): Promise<void> {
  let p = preparing.get(databaseUrl);
  if (!p) {
    p = (async () => {
      const pool = openPgPool(databaseUrl, { max: 1 });
      try {
        await migratePg(pool, pgTarget(databaseUrl).schema);
      } finally {
        await pool.end();
      }
      prepared.add(databaseUrl);
    })();
    p.catch(() => preparing.delete(databaseUrl)); // a failed attempt (database down) may be retried
    preparing.set(databaseUrl, p);
  }
  return p;
}
