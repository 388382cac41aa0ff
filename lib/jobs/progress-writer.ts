import type Database from "better-sqlite3";
import { parseDatabaseUrl } from "../db/database-url";
import { openSqlite } from "../db/open-sqlite";
import { JOB_PROGRESS_SQL, jobProgressParams } from "../db/job-progress-sql";
import type { Db } from "../db/prisma";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import { log } from "../log";

export type ProgressWriter = (jobId: string, tick: ProgressTick) => void;

const tryConnections = new Map<string, Database.Statement>();

/**
 * Writes a running job's progress to its row (for pages opened mid-job; the socket carries the
 * live figures). On SQLite this must never block the event loop: the loader thread holds the
 * write lock for a commit group at a time, and a synchronous driver would sleep on it. So the
 * update goes through a connection of its own with no busy timeout and is simply skipped when
 * the lock is taken. During a load that is nearly always: the loader then writes the job's
 * progress itself, inside its own commits (SqliteRecordSink.noteProgress). PostgreSQL is asynchronous: Prisma.
 */
export function progressWriterFor(db: Db, databaseUrl: string): ProgressWriter {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") {
    return (jobId, t) => {
      db.ingestionJob
        // Only while it runs: a late tick must not bring counts back onto a cancelled (purged) job.
        .updateMany({
          where: { id: jobId, status: "processing" },
          data: {
            stage: t.stage,
            progress: t.percent,
            bytesProcessed: BigInt(Math.round(t.bytesProcessed)),
            rowsRead: t.counts.rows,
            inserted: t.counts.inserted,
            duplicates: t.counts.duplicates,
            rejected: t.counts.rejected,
          },
        })
        .catch((err: unknown) => log.warn({ err, jobId }, "progress write failed"));
    };
  }
  let update = tryConnections.get(target.file);
  if (!update) {
    const conn = openSqlite(target.file);
    conn.pragma("busy_timeout = 0");
    // Its tiny commits must not trigger the WAL checkpoint (tens of MB copied on the event loop); the loader's connection checkpoints.
    conn.pragma("wal_autocheckpoint = 0");
    update = conn.prepare(JOB_PROGRESS_SQL);
    tryConnections.set(target.file, update);
  }
  const stmt = update;
  return (jobId, t) => {
    try {
      stmt.run(jobProgressParams(jobId, t));
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY") log.warn({ err, jobId }, "progress write failed");
    }
  };
}
