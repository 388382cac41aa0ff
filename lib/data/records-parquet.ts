import os from "node:os";
import { parseDatabaseUrl } from "../db/database-url";
import { dbEngine, type Db } from "../db/prisma";
import { bundledWorkerScript } from "../worker-script";
import { PARQUET_ROW_GROUP_ROWS } from "./parquet-export-schema";
import { ParquetEncoderPool } from "./parquet-encoder-pool";
import { ParquetAssembler, RowGroupCutter, RowGroupEncoder, type EncodedGroup } from "./parquet-row-groups";
import { encodeSpan, exportSpans } from "./parquet-spans";
import type { RecordFilter } from "./records";
import { exportRowBatches, isScopeOnly } from "./records-export-rows";
import { SqliteExportReader } from "./sqlite-export-reader";

export { PARQUET_ROW_GROUP_ROWS, PARQUET_SCHEMA } from "./parquet-export-schema";

export interface ParquetExportOptions {
  /**
   * Encoder threads for a whole case or job on SQLite (default: the cores, at most 4; 1 = encode
   * in this thread). Needs the bundle dist/workers/parquet-encoder.mjs (`npm run build`);
   * without it the export encodes in this thread.
   */
  encoders?: number;
}

/**
 * The filtered records as a streamed Parquet file with the CSV export's columns (types:
 * parquet-export-schema.ts), one row group at a time: each group's bytes go to the stream as soon
 * as it is encoded and the next is read only when the consumer has taken them (highWaterMark 0),
 * so memory holds a few row groups whatever the size of the export; only the footer (offsets,
 * statistics, a few KB per group) grows until the end. A whole case or job on SQLite is read and
 * encoded by encoder threads, span by span (parquet-encoder-pool.ts); anything else (PostgreSQL,
 * other filters) is encoded here from exportRowBatches. `databaseUrl` is the one `db` was opened
 * with (SQLite exports read the file directly).
 */
export function recordsParquetStream(
  db: Db,
  databaseUrl: string,
  filter: RecordFilter,
  rowGroupRows = PARQUET_ROW_GROUP_ROWS,
  opts: ParquetExportOptions = {},
): ReadableStream<Uint8Array> {
  const groups = encodedGroups(db, databaseUrl, filter, rowGroupRows, opts);
  const assembler = new ParquetAssembler();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await groups.next();
        for (const chunk of next.done ? assembler.finish() : assembler.append(next.value)) controller.enqueue(chunk);
        if (next.done) controller.close();
      },
      async cancel() {
        await groups.return(undefined);
      },
    },
    // One row group at a time: the next is read only once the consumer has taken this one.
    { highWaterMark: 0 },
  );
}

async function* encodedGroups(db: Db, databaseUrl: string, filter: RecordFilter, rowGroupRows: number, opts: ParquetExportOptions): AsyncGenerator<EncodedGroup> {
  const target = parseDatabaseUrl(databaseUrl);
  if (dbEngine(db) === "sqlite" && target.kind === "sqlite" && isScopeOnly(filter)) {
    yield* sqliteGroups(target.file, filter, rowGroupRows, opts.encoders ?? Math.min(4, os.availableParallelism()));
    return;
  }
  const encoder = new RowGroupEncoder();
  const cutter = new RowGroupCutter(encoder, rowGroupRows);
  for await (const batch of exportRowBatches(db, databaseUrl, filter)) {
    const out: EncodedGroup[] = [];
    cutter.push(batch, out);
    yield* out;
  }
  const out: EncodedGroup[] = [];
  cutter.flush(out);
  yield* out;
}

/**
 * A whole case or job from the SQLite file, in id spans of about one row group each: encoded by
 * `threads` encoder threads (at most two spans a thread in flight, written out in id order; a
 * span's last row group may be short), or here when there is one thread or no bundle (full row
 * groups across spans). Each connection reads its own snapshot, opened at
 * the start: a job deleted from the case while its export runs can be half in the file.
 */
async function* sqliteGroups(file: string, filter: RecordFilter, rowGroupRows: number, threads: number): AsyncGenerator<EncodedGroup> {
  const scope = { caseId: filter.scope.caseId, jobId: filter.jobId, includeDuplicates: filter.includeDuplicates };
  const reader = new SqliteExportReader(file, scope);
  const script = threads > 1 ? bundledWorkerScript("parquet-encoder") : null;
  const pool = script ? new ParquetEncoderPool(script, threads, { file, scope, rowGroupRows }) : null;
  try {
    const { lo, hi, count } = reader.range();
    const spans = exportSpans(lo, hi, count, rowGroupRows);
    if (!pool) {
      const cutter = new RowGroupCutter(new RowGroupEncoder(), rowGroupRows);
      for (const span of spans) {
        const out: EncodedGroup[] = [];
        encodeSpan(reader, cutter, span, out);
        yield* out;
      }
      const out: EncodedGroup[] = [];
      cutter.flush(out);
      yield* out;
      return;
    }
    // The threads read with their own connections: this one's snapshot is let go now, not held to
    // the end of the export (the close in `finally` is then a no-op).
    reader.close();
    const inFlight: Array<Promise<EncodedGroup[]>> = [];
    let next = 0;
    while (next < spans.length || inFlight.length) {
      while (next < spans.length && inFlight.length < threads * 2) {
        const done = pool.encode(spans[next++]!);
        // Awaited below in order; a failure after a cancel must not surface as unhandled.
        done.catch(() => undefined);
        inFlight.push(done);
      }
      yield* await inFlight.shift()!;
    }
  } finally {
    reader.close();
    await pool?.close();
  }
}
