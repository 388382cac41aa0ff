import { exportRowToJson } from "../../lib/data/export-row-shape";
import { iterateRecords, type RecordFilter } from "../../lib/data/records";
import { recordToCsvLine, recordsCsvHeader } from "../../lib/data/records-csv";
import { recordsCsvStream } from "../../lib/data/records-export";
import { exportRowBatches } from "../../lib/data/records-export-rows";
import type { Db } from "../../lib/db/prisma";

/**
 * The CSV and NDJSON exports (read by exportRowBatches) beside what the records API's rows
 * (iterateRecords → RecordDto) give for the same filter, written the way the exports were before
 * they read the tables directly. Shared by tests/integration/export-text.test.ts (SQLite) and
 * tests/pg/export-parquet.pg.test.ts.
 */
export function exportTextComparer(db: Db, databaseUrl: string) {
  async function csv(filter: RecordFilter): Promise<{ fast: string; legacy: string }> {
    const fast = await new Response(recordsCsvStream(db, databaseUrl, filter)).text();
    let legacy = recordsCsvHeader() + "\n";
    for await (const r of iterateRecords(db, filter)) legacy += recordToCsvLine(r) + "\n";
    return { fast, legacy };
  }

  async function ndjson(filter: RecordFilter): Promise<{ fast: string; legacy: string }> {
    let fast = "";
    for await (const batch of exportRowBatches(db, databaseUrl, filter, { batch: 97, times: "text" })) for (const row of batch) fast += exportRowToJson(row) + "\n";
    let legacy = "";
    for await (const r of iterateRecords(db, filter)) {
      const { id: _id, jobId, ...rest } = r;
      legacy += JSON.stringify({ job_id: jobId, ...rest }) + "\n";
    }
    return { fast, legacy };
  }

  return { csv, ndjson };
}
