import http from "node:http";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { log } from "../log";
import type { PgBossQueue } from "./pg-boss-queue";

/**
 * A standalone worker has no web server; with METRICS_PORT set it serves its own Prometheus
 * metrics (process memory and CPU, event-loop lag, jobs running here) on that port, /metrics.
 */
export function startWorkerMetrics(queue: PgBossQueue, port = Number(process.env.METRICS_PORT ?? 0)): { stop(): void } {
  if (!port) return { stop() {} };
  const registry = new Registry();
  registry.setDefaultLabels({ role: "worker" });
  collectDefaultMetrics({ register: registry, prefix: "switchyard_worker_" });
  new Gauge({
    name: "switchyard_worker_jobs_running",
    help: "Ingest jobs running in this worker process",
    registers: [registry],
    collect() {
      this.set(queue.activeCount);
    },
  });
  const server = http.createServer((req, res) => {
    if (req.url !== "/metrics") return void res.writeHead(404).end();
    registry.metrics().then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      (err: unknown) => {
        log.warn({ err }, "metrics collection failed");
        res.writeHead(500).end();
      },
    );
  });
  server.listen(port, () => log.info({ port }, "worker metrics on /metrics"));
  return { stop: () => server.close() };
}
