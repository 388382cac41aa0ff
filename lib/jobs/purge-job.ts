import { parseDatabaseUrl } from "../db/database-url";
import { openPgPool } from "../db/pg-connection";
import { purgeJobPg } from "../db/pg-purge-job";
import { openSqlite } from "../db/open-sqlite";
import type { Db } from "../db/prisma";
import { purgeJobSqlite } from "../db/sqlite-purge-job";
import { loadConfig } from "../config";

/**
 * Removes everything a job put into its case — records, row errors, its share of the case's
 * contacts and gaps, links other jobs' records held to its records — in one transaction on either
 * database (sqlite-purge-job.ts, pg-purge-job.ts). The job row stays (the caller decides). Used by
 * an atomic cancel (whatever stage the job was in), a delete, retention. Idempotent.
 *
 * On SQLite this runs synchronously on the calling thread through a connection of its own (it
 * waits for the write lock like any writer): a worker thread purges its own cancelled job where
 * it ran (run-ingest-task.ts), so the server's own purge normally finds nothing left to do.
 */
export async function purgeJob(databaseUrl: string, jobId: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "sqlite") {
    const db = openSqlite(target.file);
    try {
      // Nothing of the job left (the usual case once its worker purged): no write lock to wait for.
      const left = db.prepare(`SELECT EXISTS (SELECT 1 FROM call_records WHERE job_id = ?) OR EXISTS (SELECT 1 FROM ingestion_errors WHERE job_id = ?)`).pluck().get(jobId, jobId);
      if (left) purgeJobSqlite(db, jobId);
    } finally {
      db.close();
    }
    return;
  }
  const pool = openPgPool(databaseUrl, { max: 1 });
  try {
    const client = await pool.connect();
    try {
      await purgeJobPg(client, jobId);
    } finally {
      client.release();
    }
  } finally {
    await pool.end().catch(() => {});
  }
}

/** Removes what a cancelled job stored and zeroes its counts (the row stays `cancelled`). */
export async function purgeCancelled(db: Db, databaseUrl: string, jobId: string): Promise<void> {
  await purgeJob(databaseUrl, jobId);
  await db.ingestionJob.updateMany({
    where: { id: jobId, status: "cancelled" },
    data: { rowsRead: 0, inserted: 0, duplicates: 0, rejected: 0, qualityScore: null },
  });
}

const registry = globalThis as unknown as { __switchyardPrisma?: Map<string, unknown> };

/** The database URL a Prisma client from getDb() was opened on (DATABASE_URL when it is not one of them). */
export function databaseUrlOf(db: Db): string {
  for (const [url, client] of registry.__switchyardPrisma ?? []) if (client === db) return url;
  return loadConfig().databaseUrl;
}
