import pg from "pg";

/** text / text[] OIDs, and the char/name types Prisma's adapter cannot deserialize. */
const TEXT = 25;
const TEXT_ARRAY = 1009;
const AS_TEXT = new Set([18, 19]);
const AS_TEXT_ARRAY = new Set([1002, 1003]);
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as never) as (v: string) => string[];

type Field = { dataTypeID: number };
type Result = { fields?: Field[]; rows?: unknown[] };

/**
 * @prisma/adapter-pg 6.19 rejects result columns of type char/name ("Column type 'name' could
 * not be deserialized", prisma/orm#27403), which the migrate commands and catalog queries
 * return. This client reports them as text / text[] (and parses the arrays) before the adapter
 * looks at them. Every pool in this codebase uses it, so the CLI and the app behave the same.
 */
export class OidFixClient extends pg.Client {
  // pg.Client.query has many overloads: the promise form (Prisma's transactions) and the
  // callback form (pg.Pool.query) both need fixing; submittables (COPY) pass through.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const cb = last as (err: unknown, res?: Result) => void;
      args[args.length - 1] = (err: unknown, res?: Result) => cb(err, res ? fixResult(res) : res);
    }
    const r = (super.query as (...a: unknown[]) => unknown)(...args);
    if (r && typeof (r as Promise<unknown>).then === "function") return (r as Promise<Result>).then(fixResult) as never;
    return r as never;
  }
}

function fixResult(res: Result): Result {
  const fields = res.fields ?? [];
  fields.forEach((f, i) => {
    if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT;
    else if (AS_TEXT_ARRAY.has(f.dataTypeID)) {
      f.dataTypeID = TEXT_ARRAY;
      for (const row of res.rows ?? []) {
        if (Array.isArray(row) && typeof row[i] === "string") row[i] = parseTextArray(row[i]);
      }
    }
  });
  return res;
}

export interface PgTarget {
  pool: pg.PoolConfig;
  /** The schema every table lives in: `?schema=` of the URL, else `public`. */
  schema: string;
}

/**
 * Splits a postgres:// URL into separate pool fields (a connectionString would make Prisma's
 * shadow database the main one) and pins `search_path` to the URL's `?schema=`, so raw SQL, COPY
 * and the Prisma client all address the same tables.
 */
export function pgTarget(url: string, extra: pg.PoolConfig = {}): PgTarget {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`Unsupported schema name in DATABASE_URL: ${schema}`);
  return {
    schema,
    pool: {
      host: decodeURIComponent(u.hostname) || "localhost",
      port: u.port ? Number(u.port) : 5432,
      user: u.username ? decodeURIComponent(u.username) : undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      database: u.pathname.length > 1 ? decodeURIComponent(u.pathname.slice(1)) : undefined,
      ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
      options: `-c search_path="${schema}"`,
      Client: OidFixClient,
      ...extra,
    },
  };
}

/** A pool for raw SQL (migrations, bulk loading, pg-boss); not shared with Prisma. */
export function openPgPool(url: string, extra: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool(pgTarget(url, extra).pool);
}
