import type http from "node:http";
import type { AppConfig } from "../config";
import { getDb } from "../db/prisma";
import { JobQueue } from "../jobs/job-queue";
import { createWorkerPool, poolTaskRunner } from "../jobs/worker-pool";
import type { Runtime } from "./runtime";
import { createSocketServer, ioSocketControl, socketJobEvents, type IoServer } from "./socket-server";
import { canSeeJobById } from "../data/case-access";
import { parseDatabaseUrl } from "../db/database-url";
import { createPgServices } from "./pg-services";

export interface Services {
  runtime: Runtime;
  io: IoServer;
  close(): Promise<void>;
}

/**
 * Wires the database, Socket.IO, the job queue and the worker pool for one web process.
 * The embedded default: SQLite, the in-process queue and worker threads in this process.
 * A postgres:// DATABASE_URL selects the scale-out wiring instead (pg-services.ts).
 */
export async function createServices(config: AppConfig, httpServer: http.Server): Promise<Services> {
  if (parseDatabaseUrl(config.databaseUrl).kind === "postgres") return createPgServices(config, httpServer);
  const threads = Math.max(1, config.workerThreads); // WORKER_THREADS=0 means something only with pg-boss
  const db = getDb(config.databaseUrl);
  const io = createSocketServer(httpServer, db, (user, jobId) => canSeeJobById(db, user, jobId));
  const events = socketJobEvents(io, db);
  const pool = createWorkerPool(threads);
  const queue = new JobQueue(db, config.databaseUrl, poolTaskRunner(pool), events, threads);
  return {
    runtime: { config, db, queue, events, sockets: ioSocketControl(io), previewMapping: (input) => pool.run(input, { name: "preview" }) },
    io,
    async close() {
      io.close();
      await pool.destroy().catch(() => {});
      await db.$disconnect().catch(() => {});
    },
  };
}
