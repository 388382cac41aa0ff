import type pg from "pg";
import { COL, RECORD_COLUMNS, ROW_WIDTH, type RecordBatch } from "../ingest/pipeline/record-sink";
import { copyChunks } from "./pg-copy";
import { csvChunks } from "./pg-csv-encoder";
import type { StoredRow } from "./pg-held-rows";

/** SQLSTATE of a unique index refusing a row: the case already holds one of the flush's content keys. */
export const UNIQUE_VIOLATION = "23505";

/**
 * A flush COPYed straight into call_records, without the staging table and its INSERT … SELECT
 * (pg-record-sink.ts). The server then parses each row once and writes it once, where the staged
 * path parsed it, wrote it to the temporary table, read it back, sorted it and inserted it: on a
 * 1M-row file that was most of the database's CPU (docs/benchmarks.md, "PostgreSQL load").
 *
 * COPY cannot skip rows the unique (case_id, content_hash) index already holds, so the caller
 * sends only rows it believes new (after the stored-hash probe) and wraps this in a savepoint: a
 * content key stored meanwhile by another file of the case, or repeated further apart in this file
 * than one flush, raises UNIQUE_VIOLATION and the caller redoes the flush through staging. Within
 * the flush each content key is kept once (its lowest line, as DISTINCT ON did), and rows go in
 * sorted by hash, so concurrent loaders take index locks in the same order (as ORDER BY did).
 *
 * Ids come from the table's sequence beforehand (one query for the flush), so the stored rows are
 * known without RETURNING (every row sent is stored, or the COPY fails whole) and are returned in
 * (start time, id) order, ready for the post-load scanner.
 */
export async function copyRecordsDirect(client: pg.PoolClient, target: { jobId: string; caseId: number; carrier: string | null }, held: RecordBatch[]): Promise<StoredRow[]> {
  const rows = oneRowPerHash(held);
  if (rows.length === 0) return [];
  const { rows: ids } = await client.query<[string]>({
    text: `SELECT nextval('call_records_id_seq') FROM generate_series(1, $1)`,
    values: [rows.length],
    rowMode: "array",
  });
  const { jobId, caseId, carrier } = target;
  for (let i = 0; i < rows.length; i++) rows[i]!.id = Number(ids[i]![0]);
  // Encoded straight from the held batches: no row array, no string per field (pg-csv-encoder.ts).
  const encoded = csvChunks(rows, (enc, { id, values, at }) => {
    enc.field(id);
    enc.field(jobId);
    enc.field(caseId);
    enc.field(carrier);
    for (let c = 0; c < ROW_WIDTH; c++) enc.field(values[at + c]);
  });
  await copyChunks(client, "call_records", DIRECT_COLUMNS, encoded);
  return rows;
}

const DIRECT_COLUMNS = ["id", "job_id", "case_id", "carrier", ...RECORD_COLUMNS] as const;

/**
 * The held rows, one per content hash (the lowest line), sorted by hash; ids are set once known.
 * Sorted by (hash, line) first, then a hash's later lines dropped: no map of the flush's hashes
 * (with the COPY encoded as bytes, that map was the loader's next cost, ~0.5 s per 1M rows).
 */
function oneRowPerHash(held: RecordBatch[]): StoredRow[] {
  const rows: StoredRow[] = [];
  for (const { count, values } of held) for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) rows.push({ id: 0, values, at });
  const hashOf = (r: StoredRow) => r.values[r.at + COL.hash] as string;
  const lineOf = (r: StoredRow) => r.values[r.at + COL.line] as number;
  rows.sort((a, b) => {
    const ha = hashOf(a);
    const hb = hashOf(b);
    return ha < hb ? -1 : ha > hb ? 1 : lineOf(a) - lineOf(b);
  });
  let kept = 0;
  for (const r of rows) if (kept === 0 || hashOf(rows[kept - 1]!) !== hashOf(r)) rows[kept++] = r;
  rows.length = kept;
  return rows;
}
