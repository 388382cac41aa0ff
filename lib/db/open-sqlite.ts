import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ensurePrivateDir, tightenMode } from "../paths";

/** The database file and the WAL files SQLite keeps beside it. */
export const sqliteFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/**
 * One better-sqlite3 connection with the settings every Switchyard process uses: WAL so readers
 * never block the loader, a busy timeout so concurrent writers (worker threads, the main thread)
 * wait instead of failing, NORMAL sync (durable at checkpoints, safe with WAL). The folder is
 * created 0700 and the file 0600 (SQLite gives -wal/-shm the database file's mode); files left
 * looser by an older version are tightened here.
 */
export function openSqlite(file: string): Database.Database {
  if (!fs.existsSync(path.dirname(file))) ensurePrivateDir(path.dirname(file));
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of sqliteFiles(file)) tightenMode(f);
  const db = new Database(file);
  // Takes effect only on a new, empty database (the first connection, before the migrations); an
  // existing file keeps the page size it was created with. 16 KB pages cut the WAL and checkpoint
  // work of a bulk load by a third against 4 KB (a bare insert loop with our indexes: commits
  // 1.9 → 1.3 s per 1M rows, inserts unchanged; docs/benchmarks.md).
  db.pragma("page_size = 16384");
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 30000");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // 16 MB per connection (a ceiling, used only as needed). Content hashes lead with the start time,
  // so a bulk load touches only the right edge of each index and the working set is small; 64 MB
  // bought nothing measurable and counted against the server's ≤ 400 MB peak RSS.
  db.pragma("cache_size = -16384");
  db.pragma("temp_store = MEMORY");
  for (const f of sqliteFiles(file)) tightenMode(f);
  return db;
}
