import http from "node:http";
import next from "next";
import { loadConfig } from "./lib/config";
import { getDb } from "./lib/db/prisma";
import { JobQueue } from "./lib/jobs/job-queue";
import { createWorkerPool, poolTaskRunner } from "./lib/jobs/worker-pool";
import { log } from "./lib/log";
import { PROJECT_ROOT } from "./lib/paths";
import { setRuntime } from "./lib/server/runtime";
import { createSocketServer, socketJobEvents } from "./lib/server/socket-server";

/** One process: Next.js pages and API, Socket.IO on the same port, the job queue and the worker-thread pool. */
async function main() {
  const dev = process.argv.includes("--dev");
  const config = loadConfig();
  const db = getDb(config.databaseUrl);
  const app = next({ dev, dir: PROJECT_ROOT, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const httpServer = http.createServer((req, res) => void handle(req, res));
  const io = createSocketServer(httpServer, async (jobId) => (await db.ingestionJob.count({ where: { id: jobId } })) > 0);
  const events = socketJobEvents(io);
  const pool = createWorkerPool(config.workerThreads);
  const queue = new JobQueue(db, config.databaseUrl, poolTaskRunner(pool), events, config.workerThreads);
  setRuntime({ config, db, queue, events });
  const recovered = await queue.recover();

  httpServer.listen(config.port, config.host, () => {
    log.info({ port: config.port, dataDir: config.dataDir, workers: config.workerThreads, recovered, dev }, "switchyard listening");
    process.stdout.write(`Switchyard is running at http://localhost:${config.port}\n`);
  });

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    io.close();
    httpServer.close();
    await pool.destroy().catch(() => {});
    await db.$disconnect().catch(() => {});
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  log.fatal({ err }, "switchyard failed to start");
  process.stderr.write(`Switchyard failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
