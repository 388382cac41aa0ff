import { openPgPool } from "./pg-connection";
import { PgRecordSink } from "./pg-record-sink";

/** A PgRecordSink for one job of one case (the ingest task's caseId), on its own pool (a worker thread loads one job at a time). */
export async function openPgRecordSink(databaseUrl: string, jobId: string, caseId: number): Promise<PgRecordSink> {
  // Flushes alternate between two connections, so one flush's COPY runs while the next is
  // encoded and sent: with one, the loader waited on the server 4.2 of a 1M-row tower dump's
  // ~15 s (docs/benchmarks.md, "2026-12-05"). SWITCHYARD_PG_LANES=1 keeps one connection.
  const lanes = process.env.SWITCHYARD_PG_LANES === "1" ? 1 : 2;
  const pool = openPgPool(databaseUrl, { max: lanes });
  try {
    const client = await pool.connect();
    const spare =
      lanes === 1
        ? undefined
        : await pool.connect().catch((err: unknown) => {
            client.release();
            throw err;
          });
    return new PgRecordSink(client, jobId, caseId, () => pool.end(), spare);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
