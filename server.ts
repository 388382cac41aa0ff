import http from "node:http";
import next from "next";
import { ensureFirstAdmin } from "./lib/auth/first-admin";
import { loadConfig } from "./lib/config";
import { startRetentionTimer } from "./lib/jobs/retention";
import { log } from "./lib/log";
import { PROJECT_ROOT } from "./lib/paths";
import { createServices } from "./lib/server/create-services";
import { setRuntime } from "./lib/server/runtime";

/** One process: Next.js pages and API, Socket.IO on the same port, the job queue and the worker-thread pool. */
async function main() {
  const dev = process.argv.includes("--dev");
  const config = loadConfig();
  const app = next({ dev, dir: PROJECT_ROOT, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const httpServer = http.createServer((req, res) => void handle(req, res));
  const services = await createServices(config, httpServer);
  setRuntime(services.runtime);
  await ensureFirstAdmin(services.runtime.db);
  const recovered = await services.runtime.queue.recover();
  // Hourly: expired uploads (RETENTION_DAYS) and stale plaintext work copies; docs/security.md.
  const stopRetention = startRetentionTimer(services.runtime.db, config);

  httpServer.listen(config.port, config.host, () => {
    log.info({ port: config.port, dataDir: config.dataDir, workers: config.workerThreads, recovered, dev }, "switchyard listening");
    process.stdout.write(`Switchyard is running at http://localhost:${config.port}\n`);
  });

  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    httpServer.close();
    stopRetention();
    await services.close();
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
