// The reference point: how fast DuckDB loads the same CSV into an in-memory table on this machine.
// It is a floor for "parse a CSV" (vectorized C++, no validation, normalization, dedupe or
// durable writes), so Switchyard ÷ DuckDB says how far the whole pipeline is from raw parsing.

/**
 * Times CREATE TABLE … AS SELECT * FROM read_csv_auto(file) + count(*). The only hint is the date
 * format: DuckDB's sniffer looks at the first 20,480 rows, where every day is ≤ 12, guesses
 * %y/%m/%d and then fails on the first 13th of a month. Resolves to { ok, seconds, rows, … } or
 * { ok: false, reason } when @duckdb/node-api cannot be loaded here.
 */
export async function timeDuckDb(file, { threads } = {}) {
  let api;
  try {
    api = await import("@duckdb/node-api");
  } catch (err) {
    return { ok: false, reason: `@duckdb/node-api is not installed or its native binary did not load (${err.message.split("\n")[0]})` };
  }
  const instance = await api.DuckDBInstance.create(":memory:", threads ? { threads: String(threads) } : {});
  const conn = await instance.connect();
  try {
    const lit = `'${file.replaceAll("'", "''")}'`;
    const version = (await conn.runAndReadAll("SELECT version() AS v")).getRowObjects()[0].v;
    const dbThreads = (await conn.runAndReadAll("SELECT current_setting('threads')::INTEGER AS t")).getRowObjects()[0].t;
    const t0 = performance.now();
    await conn.run(`CREATE TABLE cdr AS SELECT * FROM read_csv_auto(${lit}, dateformat='%m/%d/%y')`);
    const rows = Number((await conn.runAndReadAll("SELECT count(*) AS n FROM cdr")).getRowObjects()[0].n);
    const seconds = (performance.now() - t0) / 1000;
    return { ok: true, version, threads: dbThreads, seconds, rows, rowsPerSecond: rows / seconds, query: `read_csv_auto(file, dateformat='%m/%d/%y') into an in-memory table, then count(*)` };
  } catch (err) {
    return { ok: false, reason: `DuckDB failed: ${err.message.split("\n")[0]}` };
  } finally {
    conn.closeSync?.();
    instance.closeSync?.();
  }
}
