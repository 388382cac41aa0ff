import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * One better-sqlite3 connection with the settings every Switchyard process uses: WAL so readers
 * never block the loader, a busy timeout so concurrent writers (worker threads, the main thread)
 * wait instead of failing, NORMAL sync (durable at checkpoints, safe with WAL).
 */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 30000");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Bulk loads insert random content hashes into a unique index: the default 2 MB page cache
  // thrashes on a large table, so give each connection 64 MB (a ceiling, used only as needed).
  db.pragma("cache_size = -65536");
  db.pragma("temp_store = MEMORY");
  return db;
}
