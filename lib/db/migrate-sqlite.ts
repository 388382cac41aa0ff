import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { SQLITE_MIGRATIONS_DIR } from "../paths";

/**
 * Applies prisma/sqlite/migrations/<name>/migration.sql in name order, once each, so the first
 * start of the app (or the CLI) creates and upgrades the database without the Prisma CLI.
 * Returns the names applied in this call.
 */
export function migrateSqlite(db: Database.Database, dir = SQLITE_MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS "_switchyard_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TEXT NOT NULL)`);
  const done = new Set((db.prepare(`SELECT name FROM "_switchyard_migrations"`).all() as { name: string }[]).map((r) => r.name));
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const applied: string[] = [];
  for (const name of names) {
    if (done.has(name)) continue;
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    // BEGIN IMMEDIATE: two processes starting at once serialize here instead of racing.
    db.exec("BEGIN IMMEDIATE");
    try {
      const again = db.prepare(`SELECT 1 FROM "_switchyard_migrations" WHERE name = ?`).get(name);
      if (!again) {
        db.exec(sql);
        db.prepare(`INSERT INTO "_switchyard_migrations" (name, applied_at) VALUES (?, ?)`).run(name, new Date().toISOString());
        applied.push(name);
      }
      db.exec("COMMIT");
    } catch (err) {
      db.exec("ROLLBACK");
      throw err;
    }
  }
  return applied;
}
