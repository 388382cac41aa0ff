import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { DuckDBConnection } from "@duckdb/node-api";
import { recordsCsvStream } from "../../lib/data/records-export";
import { EXPORT_COLUMNS } from "../../lib/data/records-export-rows";
import { recordsParquetStream, type ParquetExportOptions } from "../../lib/data/records-parquet";
import type { RecordFilter } from "../../lib/data/records";
import type { Db } from "../../lib/db/prisma";

/**
 * The Parquet export checked against the CSV export of the same filter through DuckDB (issue 20),
 * shared by tests/integration/export-parquet.test.ts (SQLite) and tests/pg/export-parquet.pg.test.ts.
 */
export function parquetComparer(db: Db, databaseUrl: string, dir: string, duck: () => DuckDBConnection) {
  let seq = 0;
  const lit = (file: string) => `'${file.replaceAll("'", "''")}'`;
  const rows = async (sql: string) => (await duck().runAndReadAll(sql)).getRowObjects();

  async function toFile(body: ReadableStream<Uint8Array>, ext: string): Promise<string> {
    const file = path.join(dir, `export-${++seq}.${ext}`);
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), fs.createWriteStream(file));
    return file;
  }

  /** Both exports of the same filter, and what DuckDB finds in either that the other lacks. */
  async function compare(filter: RecordFilter, rowGroupRows?: number, opts?: ParquetExportOptions) {
    const parquet = await toFile(recordsParquetStream(db, databaseUrl, filter, rowGroupRows, opts), "parquet");
    const csv = await toFile(recordsCsvStream(db, databaseUrl, filter), "csv");
    // The Parquet values spelled as the CSV spells them: times as ISO-8601 UTC, the rest as text.
    const asText = EXPORT_COLUMNS.map((c) =>
      c.endsWith("_time") ? `strftime(make_timestamp(epoch_ms(${c}) * 1000), '%Y-%m-%dT%H:%M:%SZ') AS ${c}` : `CAST(${c} AS VARCHAR) AS ${c}`,
    ).join(", ");
    const fromParquet = `SELECT ${asText} FROM read_parquet(${lit(parquet)})`;
    const fromCsv = `SELECT ${EXPORT_COLUMNS.join(", ")} FROM read_csv(${lit(csv)}, all_varchar = true, header = true)`;
    const [counts] = await rows(`SELECT (SELECT count(*) FROM (${fromParquet}))::INTEGER AS parquet, (SELECT count(*) FROM (${fromCsv}))::INTEGER AS csv`);
    const onlyParquet = await rows(`SELECT * FROM (${fromParquet} EXCEPT ALL ${fromCsv}) LIMIT 3`);
    const onlyCsv = await rows(`SELECT * FROM (${fromCsv} EXCEPT ALL ${fromParquet}) LIMIT 3`);
    return { parquet, counts: counts as { parquet: number; csv: number }, onlyParquet, onlyCsv };
  }

  return { compare, toFile, rows, lit };
}
