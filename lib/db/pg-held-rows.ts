import type pg from "pg";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";
import type { CopyValue } from "./pg-copy";
import type { PgLoadScanner } from "./pg-load-scan";

/** The PostgreSQL sink's work on the batches it holds for one flush (pg-record-sink.ts). */

/** The held batches' records as rows, in RECORD_COLUMNS order (the staging table's). */
export function* heldRows(held: RecordBatch[]): Generator<CopyValue[]> {
  for (const { count, values } of held) for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) yield values.slice(at, at + ROW_WIDTH);
}

/**
 * The held rows whose content hash the case does not hold yet (as the SQLite producers do,
 * sqlite-stored-hashes.ts): hashes lead with the start time, so one range scan of the unique
 * (case_id, content_hash) index returns every stored hash in the flush's span — a re-upload reads
 * back its own rows and sends nothing. A span holding more than twice the flush in other records
 * is not filtered (ON CONFLICT still skips what is stored). Reads committed rows only: what it
 * lets through meets ON CONFLICT as before.
 */
export async function withoutStoredHashes(client: pg.PoolClient, caseId: number, held: RecordBatch[]): Promise<{ fresh: RecordBatch[]; count: number; dropped: number }> {
  let count = 0;
  let lo: string | null = null;
  let hi: string | null = null;
  for (const b of held) {
    for (let at = COL.hash; at < b.count * ROW_WIDTH; at += ROW_WIDTH) {
      const h = b.values[at] as string;
      if (lo === null || h < lo) lo = h;
      if (hi === null || h > hi) hi = h;
    }
    count += b.count;
  }
  if (lo === null || hi === null) return { fresh: held, count, dropped: 0 };
  const { rows } = await client.query<[string]>({
    text: `SELECT content_hash FROM call_records WHERE case_id = $1 AND content_hash BETWEEN $2 AND $3 LIMIT $4`,
    values: [caseId, lo, hi, count * 2 + 1],
    rowMode: "array",
  });
  if (rows.length === 0 || rows.length > count * 2) return { fresh: held, count, dropped: 0 };
  const stored = new Set(rows.map((r) => r[0]));
  const fresh = held.map((b) => withoutHashes(b, stored));
  return { fresh, count, dropped: count - fresh.reduce((n, b) => n + b.count, 0) };
}

/** The batch's records whose content hash is not in `stored`. */
function withoutHashes({ count, values }: RecordBatch, stored: ReadonlySet<string>): RecordBatch {
  const kept: RecordValue[] = [];
  for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) if (!stored.has(values[at + COL.hash] as string)) for (let c = 0; c < ROW_WIDTH; c++) kept.push(values[at + c]!);
  return { count: kept.length / ROW_WIDTH, values: kept };
}

/** One stored row: its id, and where its values sit in a held batch. */
export interface StoredRow {
  id: number;
  values: RecordValue[];
  at: number;
}

/** The stored rows (id, line from RETURNING) located in the held batches still in memory. */
export function storedRowsOf(held: RecordBatch[], stored: [number, number][]): StoredRow[] {
  if (stored.length === 0) return [];
  const byLine = new Map<number, { values: RecordValue[]; at: number }>();
  for (const b of held) for (let at = 0; at < b.count * ROW_WIDTH; at += ROW_WIDTH) byLine.set(b.values[at + COL.line] as number, { values: b.values, at });
  return stored.map(([id, line]) => ({ id: Number(id), ...byLine.get(line)! }));
}

/**
 * Feeds a flush's stored rows to the scanner in (start_time, id) order (rows of a direct COPY
 * arrive in that order already, ids given in hash order: the sort then only checks). Returns
 * false, feeding nothing, when the flush starts before the previous one ended in time: the scanner
 * is then no good (finish() reads the job back).
 */
export function feedScanner(scanner: PgLoadScanner, rows: StoredRow[]): boolean {
  if (rows.length === 0) return true;
  const start = (r: StoredRow) => r.values[r.at + COL.start] as string;
  rows.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.id - b.id));
  const previous = scanner.lastStart;
  if (previous !== null && start(rows[0]!) < previous) return false;
  for (const { id, values: v, at } of rows) {
    const caller = v[at + COL.caller] as string | null;
    const callee = v[at + COL.callee] as string | null;
    scanner.add({
      id,
      caller,
      callee,
      type: v[at + COL.type] as string,
      start: v[at + COL.start] as string,
      duration: v[at + COL.duration] as number | null,
      target: v[at + COL.target] as string | null,
      linked: false,
      callerId: caller ?? (v[at + COL.callerRaw] as string | null),
      calleeId: callee ?? (v[at + COL.calleeRaw] as string | null),
      callerKind: v[at + COL.callerKind] as string | null,
      calleeKind: v[at + COL.calleeKind] as string | null,
    });
  }
  return true;
}
