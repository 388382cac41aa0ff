import { Server } from "socket.io";
import { loadConfig } from "../lib/config";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { openPgPool } from "../lib/db/pg-connection";
import { prepareDatabase } from "../lib/db/prepare-database";
import { getDb } from "../lib/db/prisma";
import { PgBossQueue } from "../lib/jobs/pg-boss-queue";
import { bossSchemaFor, startBoss } from "../lib/jobs/pg-boss-setup";
import { createWorkerPool, poolTaskRunner } from "../lib/jobs/worker-pool";
import { log } from "../lib/log";
import { startWorkerMetrics } from "../lib/jobs/pg-worker-metrics";
import { attachPgAdapter } from "../lib/server/pg-socket-adapter";
import { socketJobEvents, type IoServer } from "../lib/server/socket-server";

/**
 * `npm run worker`: a standalone scale-out worker. No HTTP: it consumes the pg-boss queue with
 * the same worker-thread pool as a web node and emits progress through a headless Socket.IO
 * server on the postgres adapter (the postgres-emitter drops events, STACK-NOTES), so whichever
 * web node a browser is connected to relays it.
 */
async function main() {
  const config = loadConfig();
  if (parseDatabaseUrl(config.databaseUrl).kind !== "postgres") {
    throw new Error("A standalone worker needs a shared queue: set DATABASE_URL=postgres://… (the embedded SQLite server runs its own workers).");
  }
  const threads = Math.max(1, config.workerThreads);
  const db = getDb(config.databaseUrl);
  await prepareDatabase(config.databaseUrl);
  const io: IoServer = new Server();
  const adapterPool = attachPgAdapter(io, config.databaseUrl);
  const events = socketJobEvents(io, db);
  const pool = createWorkerPool(threads);
  const lockPool = openPgPool(config.databaseUrl, { max: threads + 1 });
  const boss = await startBoss(config.databaseUrl, { expireInSeconds: Math.round(config.jobTimeoutMs / 1000) });
  const queue = new PgBossQueue({
    db,
    databaseUrl: config.databaseUrl,
    boss,
    bossSchema: bossSchemaFor(config.databaseUrl),
    events,
    lockPool,
    run: poolTaskRunner(pool),
    concurrency: threads,
  });
  await queue.start();
  const metrics = startWorkerMetrics(queue);
  log.info({ threads, pid: process.pid }, "switchyard worker consuming the queue");
  process.stdout.write(`Switchyard worker ready (${threads} threads)\n`);

  const shutdown = async (signal: string) => {
    log.info({ signal }, "worker shutting down");
    metrics.stop();
    await queue.close(); // graceful: running jobs finish (up to pg-boss's timeout), others stay queued
    // io.close() would throw here: a headless server has no engine to close. Its adapter is what holds resources.
    await Promise.resolve(io.of("/").adapter.close()).catch(() => {});
    await pool.destroy().catch(() => {});
    await lockPool.end().catch(() => {});
    await adapterPool.end().catch(() => {});
    await db.$disconnect().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  log.fatal({ err }, "switchyard worker failed to start");
  process.stderr.write(`Switchyard worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
