import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Runtime } from "../server/runtime";

/** File-size classes for the processing-time histogram. */
const SIZE_CLASSES: [string, number][] = [
  ["lt_1mb", 1024 ** 2],
  ["1_10mb", 10 * 1024 ** 2],
  ["10_100mb", 100 * 1024 ** 2],
  ["ge_100mb", Infinity],
];
/** Processing time of the most recent finished jobs feeds the histogram (bounded scrape cost). */
const RECENT_JOBS = 2000;

const holder = globalThis as unknown as { __switchyardProcessMetrics?: Registry };

/** This process's memory, CPU, event-loop lag and heap: one registry per process, created on first scrape. */
function processRegistry(): Registry {
  if (!holder.__switchyardProcessMetrics) {
    const r = new Registry();
    collectDefaultMetrics({ register: r, prefix: "switchyard_" });
    holder.__switchyardProcessMetrics = r;
  }
  return holder.__switchyardProcessMetrics;
}

/**
 * Prometheus text for GET /api/metrics. Job metrics are read from the database, so every web
 * node reports the same cluster-wide numbers whichever worker ran the jobs; process metrics
 * (memory of this node) are its own — standalone workers serve theirs on METRICS_PORT.
 */
export async function renderMetrics(runtime: Runtime): Promise<{ body: string; contentType: string }> {
  const db = runtime.db;
  const r = new Registry();
  const byStatus = new Gauge({ name: "switchyard_jobs", help: "Ingestion jobs by status and carrier", labelNames: ["status", "carrier"], registers: [r] });
  const rows = new Gauge({
    name: "switchyard_rows_processed",
    help: "Rows read by finished jobs, by outcome (inserted, duplicate, rejected) and carrier",
    labelNames: ["outcome", "carrier"],
    registers: [r],
  });
  const quality = new Gauge({ name: "switchyard_quality_score_avg", help: "Average data-quality score (0-1) of scored jobs, by carrier", labelNames: ["carrier"], registers: [r] });
  const depth = new Gauge({ name: "switchyard_queue_depth", help: "Jobs waiting for a worker", registers: [r] });
  const seconds = new Histogram({
    name: "switchyard_job_processing_seconds",
    help: `Processing time of the last ${RECENT_JOBS} finished jobs, by file size class`,
    labelNames: ["size"],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    registers: [r],
  });

  const groups = await db.ingestionJob.groupBy({
    by: ["status", "carrier"],
    _count: { _all: true },
    _sum: { inserted: true, duplicates: true, rejected: true },
    _avg: { qualityScore: true },
  });
  const qualitySums = new Map<string, { sum: number; n: number }>();
  for (const g of groups) {
    const carrier = g.carrier ?? "unknown";
    byStatus.inc({ status: g.status, carrier }, g._count._all);
    rows.inc({ outcome: "inserted", carrier }, g._sum.inserted ?? 0);
    rows.inc({ outcome: "duplicate", carrier }, g._sum.duplicates ?? 0);
    rows.inc({ outcome: "rejected", carrier }, g._sum.rejected ?? 0);
    if (g._avg.qualityScore !== null) {
      const q = qualitySums.get(carrier) ?? { sum: 0, n: 0 };
      q.sum += g._avg.qualityScore * g._count._all;
      q.n += g._count._all;
      qualitySums.set(carrier, q);
    }
  }
  for (const [carrier, q] of qualitySums) quality.set({ carrier }, q.sum / q.n);
  depth.set(runtime.queue.depth);

  const recent = await db.ingestionJob.findMany({
    where: { startedAt: { not: null }, finishedAt: { not: null }, status: { in: ["completed", "partial"] } },
    orderBy: { finishedAt: "desc" },
    take: RECENT_JOBS,
    select: { sizeBytes: true, startedAt: true, finishedAt: true },
  });
  for (const j of recent) {
    const size = Number(j.sizeBytes);
    const label = SIZE_CLASSES.find(([, max]) => size < max)?.[0] ?? "ge_100mb";
    seconds.observe({ size: label }, (j.finishedAt!.getTime() - j.startedAt!.getTime()) / 1000);
  }
  const merged = Registry.merge([processRegistry(), r]);
  return { body: await merged.metrics(), contentType: merged.contentType };
}
