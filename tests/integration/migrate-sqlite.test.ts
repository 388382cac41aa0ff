import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../lib/db/migrate-sqlite";
import { openSqlite } from "../../lib/db/open-sqlite";
import { tempDataDir } from "../support/temp-db";

const tmp = tempDataDir();
afterAll(() => tmp.cleanup());

describe("SQLite migrations", () => {
  it("creates every table on a new file, in WAL mode, and applies nothing the second time", () => {
    const db = openSqlite(path.join(tmp.dir, "m.db"));
    const first = migrateSqlite(db);
    expect(first.length).toBeGreaterThan(0);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["ingestion_jobs", "call_records", "ingestion_errors", "contacts", "layout_classifications", "layout_templates"]));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(migrateSqlite(db)).toEqual([]);
    db.close();
  });
});
