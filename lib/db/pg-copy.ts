import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { csvChunks, writeValues } from "./pg-csv-encoder";

export type CopyValue = string | number | null | undefined;

/** Streams rows into `table (columns)` with COPY FROM STDIN on the given client; one round trip per ~1 MB. */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<CopyValue[]>): Promise<void> {
  await copyChunks(client, table, columns, csvChunks(rows, writeValues));
}

/** Streams COPY csv bytes (pg-csv-encoder.ts) into `table (columns)`. */
export async function copyChunks(client: pg.PoolClient, table: string, columns: readonly string[], chunks: Iterable<Buffer>): Promise<void> {
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FORMAT csv)`;
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
}
