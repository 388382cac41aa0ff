import type pg from "pg";
import { COL, RECORD_COLUMNS, ROW_WIDTH, type RecordBatch } from "../ingest/pipeline/record-sink";
import { copyRows, type CopyValue } from "./pg-copy";
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
  function* copied(): Generator<CopyValue[]> {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const { values, at } = r;
      const id = (r.id = Number(ids[i]![0]));
      const row: CopyValue[] = [id, jobId, caseId, carrier];
      for (let c = 0; c < ROW_WIDTH; c++) row.push(values[at + c]);
      yield row;
    }
  }
  await copyRows(client, "call_records", DIRECT_COLUMNS, copied());
  return rows;
}

const DIRECT_COLUMNS = ["id", "job_id", "case_id", "carrier", ...RECORD_COLUMNS] as const;

/** The held rows, one per content hash (the lowest line), sorted by hash; ids are set once known. */
function oneRowPerHash(held: RecordBatch[]): StoredRow[] {
  const byHash = new Map<string, StoredRow>();
  for (const { count, values } of held) {
    for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) {
      const hash = values[at + COL.hash] as string;
      const seen = byHash.get(hash);
      if (!seen || (values[at + COL.line] as number) < (seen.values[seen.at + COL.line] as number)) byHash.set(hash, { id: 0, values, at });
    }
  }
  const hashOf = (r: StoredRow) => r.values[r.at + COL.hash] as string;
  return [...byHash.values()].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : hashOf(a) > hashOf(b) ? 1 : 0));
}
