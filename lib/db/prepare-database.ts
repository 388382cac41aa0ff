import { parseDatabaseUrl } from "./database-url";
import { migrateSqlite } from "./migrate-sqlite";
import { openSqlite } from "./open-sqlite";

const prepared = new Set<string>();

/** Creates the database file and applies pending migrations, once per process per URL. */
export function prepareDatabase(databaseUrl: string): void {
  if (prepared.has(databaseUrl)) return;
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    const db = openSqlite(target.file);
    try {
      migrateSqlite(db);
    } finally {
      db.close();
    }
  }
  prepared.add(databaseUrl);
}
