import type http from "node:http";
import type { AppConfig } from "../config";
import { getDb } from "../db/prisma";
import { openPgPool } from "../db/pg-connection";
import { prepareDatabase } from "../db/prepare-database";
import { PgBossQueue } from "../jobs/pg-boss-queue";
import { bossSchemaFor, startBoss } from "../jobs/pg-boss-setup";
import { createWorkerPool, poolTaskRunner } from "../jobs/worker-pool";
import { canSeeJobById } from "../data/case-access";
import { attachPgAdapter } from "./pg-socket-adapter";
import { createSocketServer, ioSocketControl, socketJobEvents } from "./socket-server";
import type { Services } from "./create-services";

/**
 * A scale-out web node: PostgreSQL, pg-boss, Socket.IO over the postgres adapter. With
 * WORKER_THREADS=0 it only enqueues (standalone `npm run worker` processes run the jobs); the
 * thread pool is still there, one thread, for the review screen's mapping preview.
 */
export async function createPgServices(config: AppConfig, httpServer: http.Server): Promise<Services> {
  const db = getDb(config.databaseUrl);
  await prepareDatabase(config.databaseUrl);
  const io = createSocketServer(httpServer, db, (user, jobId) => canSeeJobById(db, user, jobId));
  const adapterPool = attachPgAdapter(io, config.databaseUrl);
  const events = socketJobEvents(io, db);
  const pool = createWorkerPool(Math.max(1, config.workerThreads));
  const boss = await startBoss(config.databaseUrl, { expireInSeconds: Math.round(config.jobTimeoutMs / 1000) });
  const runsJobs = config.workerThreads > 0;
  const lockPool = runsJobs ? openPgPool(config.databaseUrl, { max: config.workerThreads + 1 }) : null;
  const queue = new PgBossQueue({
    db,
    databaseUrl: config.databaseUrl,
    boss,
    bossSchema: bossSchemaFor(config.databaseUrl),
    events,
    lockPool,
    run: runsJobs ? poolTaskRunner(pool) : null,
    concurrency: config.workerThreads,
  });
  await queue.start();
  return {
    runtime: { config, db, queue, events, sockets: ioSocketControl(io), previewMapping: (input) => pool.run(input, { name: "preview" }) },
    io,
    async close() {
      await queue.close();
      io.close();
      await pool.destroy().catch(() => {});
      await lockPool?.end().catch(() => {});
      await adapterPool.end().catch(() => {});
      await db.$disconnect().catch(() => {});
    },
  };
}
