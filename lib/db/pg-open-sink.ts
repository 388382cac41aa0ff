import { openPgPool } from "./pg-connection";
import { PgRecordSink } from "./pg-record-sink";

/** A PgRecordSink for one job of one case (the ingest task's caseId), on its own pool (a worker thread loads one job at a time). */
export async function openPgRecordSink(databaseUrl: string, jobId: string, caseId: number): Promise<PgRecordSink> {
  // SWITCHYARD_PG_LANES=2: flushes alternate between two connections (an experiment, measured
  // slower on two shared cores, see docs/benchmarks.md; scripts/bench/pg-profile.mts).
  const lanes = process.env.SWITCHYARD_PG_LANES === "2" ? 2 : 1;
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
