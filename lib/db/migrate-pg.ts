import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { PROJECT_ROOT } from "../paths";

export const PG_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/pg/migrations");
/** Any constant: two nodes starting at once wait on this lock instead of racing. */
const MIGRATION_LOCK = 0x5717c4;

/**
 * Applies prisma/pg/migrations/<name>/migration.sql in name order, once each, inside the schema
 * the pool's search_path names (created when missing). The PostgreSQL twin of migrate-sqlite:
 * no Prisma CLI at run time. Returns the names applied in this call. `upTo` (a migration name)
 * stops after that migration: the migration tests build yesterday's schema with it.
 */
export async function migratePg(pool: pg.Pool, schema: string, dir = PG_MIGRATIONS_DIR, upTo?: string): Promise<string[]> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .filter((name) => upTo === undefined || name <= upTo)
    .sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "_switchyard_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ name: string }>(`SELECT name FROM "_switchyard_migrations"`)).rows.map((r) => r.name));
    for (const name of names) {
      if (done.has(name)) continue;
      await client.query(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
      await client.query(`INSERT INTO "_switchyard_migrations" (name) VALUES ($1)`, [name]);
      applied.push(name);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return applied;
}
