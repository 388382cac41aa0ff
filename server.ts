import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { ensureFirstAdmin } from "./lib/auth/first-admin";
import { loadConfig } from "./lib/config";
import { startRetentionTimer } from "./lib/jobs/retention";
import { log } from "./lib/log";
import { PROJECT_ROOT } from "./lib/paths";
import { stampPeerAddress } from "./lib/server/client-address";
import { createServices, type Services } from "./lib/server/create-services";
import { redirectSignedOutPage } from "./lib/server/page-gate";
import { prepareDataDir } from "./lib/server/data-dir";
import { setRuntime } from "./lib/server/runtime";

/**
 * Production reads the config the build resolved (.next/required-server-files.json) the way Next's
 * own standalone server does, instead of transpiling next.config.ts at start-up: that loads Next's
 * native SWC binding, which then stays mapped for nothing (~23 MB of the idle server's RSS in
 * /proc/<pid>/smaps, plus two tokio threads). The variable is Next's own (its generated standalone
 * server.js sets it); should an upgrade stop reading it, Next simply transpiles the file again.
 * Without a build manifest Next reads the file itself.
 */
function loadBuiltNextConfig(): void {
  const manifest = path.join(PROJECT_ROOT, ".next", "required-server-files.json");
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG || !fs.existsSync(manifest)) return;
  const { config } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

/**
 * Everything this process creates — the SQLite file and its -wal/-shm (SQLite opens them itself),
 * uploads, keys, work copies, logs — is owner-only, whichever code path creates it: one umask
 * covers them all (worker threads share the process's umask), where per-call modes would miss one.
 * prepareDataDir tightens what an earlier version left looser.
 */
process.umask(0o077);

/** One process: Next.js pages and API, Socket.IO on the same port, the job queue and the worker-thread pool. */
async function main() {
  const dev = process.argv.includes("--dev");
  const config = loadConfig();
  // Before the database opens and before any worker can start: modes, and no stale plaintext.
  const { workCopiesRemoved } = await prepareDataDir(config);
  if (workCopiesRemoved > 0) log.warn({ workCopiesRemoved }, "removed plaintext work copies left by an earlier process");
  if (!dev) loadBuiltNextConfig();
  const app = next({ dev, dir: PROJECT_ROOT, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  let db: Services["runtime"]["db"] | null = null;
  const httpServer = http.createServer((req, res) => {
    stampPeerAddress(req); // the socket's address for clientAddress(); a client-sent copy is dropped
    void (async () => {
      // Pages need a session before Next renders a byte (no 200 shell that redirects in JS).
      if (db && (await redirectSignedOutPage(req, res, () => db!))) return;
      await handle(req, res);
    })();
  });
  const services = await createServices(config, httpServer);
  setRuntime(services.runtime);
  db = services.runtime.db;
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
