import fs from "node:fs";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openPgPool } from "../../lib/db/pg-connection";
import { getDb, type Db } from "../../lib/db/prisma";

/**
 * A PostgreSQL test file's connections: a Prisma client on `pgdb` (which migrates its schema) and a
 * pg pool of `poolSize`, opened before the file's tests and closed after them, with the schema
 * dropped and `dirs` removed. Registers the hooks, so call it at the top of the file; nothing opens
 * when `pgdb` is null (PostgreSQL unreachable: the file's suites skip).
 */
export function pgSuite(pgdb: { databaseUrl: string; cleanup: () => Promise<void> } | null, opts: { poolSize?: number; dirs?: string[] } = {}): { db: Db; sql: pg.Pool } {
  const handles = {} as { db: Db; sql: pg.Pool };
  beforeAll(async () => {
    if (!pgdb) return;
    handles.db = getDb(pgdb.databaseUrl);
    await handles.db.case.count(); // migrates the schema
    handles.sql = openPgPool(pgdb.databaseUrl, { max: opts.poolSize ?? 2 });
  });
  afterAll(async () => {
    await handles.sql?.end();
    await handles.db?.$disconnect();
    await pgdb?.cleanup();
    for (const dir of opts.dirs ?? []) fs.rmSync(dir, { recursive: true, force: true });
  });
  return handles;
}
