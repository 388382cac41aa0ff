import { openPgPool } from "./pg-connection";
import { PgRecordSink } from "./pg-record-sink";

/** A PgRecordSink for one job of one case (the ingest task's caseId), on its own one-connection pool (a worker thread loads one job at a time). */
export async function openPgRecordSink(databaseUrl: string, jobId: string, caseId: number): Promise<PgRecordSink> {
  const pool = openPgPool(databaseUrl, { max: 1 });
  try {
    const client = await pool.connect();
    return new PgRecordSink(client, jobId, caseId, () => pool.end());
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
