import crypto from "node:crypto";
import pg from "pg";

/** The PostgreSQL the scale-out tests use; SWITCHYARD_TEST_PG_URL overrides it. */
export const TEST_PG_URL = process.env.SWITCHYARD_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A fresh schema per test file (`?schema=sy_<name>_<random>`), dropped by cleanup(). Returns null
 * — and says so on stderr — when PostgreSQL cannot be reached, so the suite can skip plainly.
 */
export async function tempPgSchema(name: string): Promise<{ databaseUrl: string; schema: string; cleanup: () => Promise<void> } | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    process.stderr.write(`[postgres] ${TEST_PG_URL} is unreachable (${(err as Error).message}): skipping the PostgreSQL tests\n`);
    await client.end().catch(() => {});
    return null;
  }
  await client.end();
  const schema = `sy_${name.replace(/\W/g, "_")}_${crypto.randomBytes(4).toString("hex")}`;
  const u = new URL(TEST_PG_URL);
  u.searchParams.set("schema", schema);
  return {
    databaseUrl: u.toString(),
    schema,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.query(`DROP SCHEMA IF EXISTS "${schema}_boss" CASCADE`); // pg-boss's tables (bossSchemaFor)
      await c.end();
    },
  };
}

/**
 * A fresh database whose default collation is ICU's linguistic `en-US` (what most installs and
 * hosted services give: en_US.UTF-8), with a schema in it as tempPgSchema's, dropped by cleanup().
 * Null — said on stderr — when PostgreSQL is unreachable or has no ICU.
 */
export async function tempLinguisticPgDatabase(name: string): Promise<{ databaseUrl: string; schema: string; cleanup: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  const database = `sy_${name.replace(/\W/g, "_")}_${crypto.randomBytes(4).toString("hex")}`;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`);
  } catch (err) {
    process.stderr.write(`[postgres] no ICU en-US database at ${TEST_PG_URL} (${(err as Error).message}): skipping the linguistic-collation tests\n`);
    await admin.end().catch(() => {});
    return null;
  }
  await admin.end();
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${database}`;
  u.searchParams.set("schema", "switchyard");
  return {
    databaseUrl: u.toString(),
    schema: "switchyard",
    cleanup: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.end();
    },
  };
}
