import fs from "node:fs";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { PROJECT_ROOT } from "../paths";
import { ingestOutcomeSchema, workerProgressSchema } from "../schemas/worker-protocol";
import type { TaskRunner } from "./execute-job";

/**
 * The worker file: the esbuild bundle in production, the TypeScript source under tsx in dev
 * (worker threads inherit tsx's loader from the parent's execArgv).
 */
function workerFile(): string {
  const bundled = path.join(PROJECT_ROOT, "dist/workers/ingest-worker.mjs");
  if (process.env.SWITCHYARD_WORKER_SOURCE !== "1" && fs.existsSync(bundled)) return bundled;
  return path.join(PROJECT_ROOT, "workers/ingest-worker.ts");
}

/** One pool per process, sized to the cores; a crashed worker fails its job and piscina replaces it. */
export function createWorkerPool(threads: number, maxHeapMb = 2048): Piscina {
  return new Piscina({
    filename: workerFile(),
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
}

/** Runs tasks on the pool, relaying the worker's progress messages to the caller. */
export function poolTaskRunner(pool: Piscina): TaskRunner {
  return async (task, onProgress, cancelFlag) => {
    const { port1, port2 } = new MessageChannel();
    port1.on("message", (msg: unknown) => {
      const p = workerProgressSchema.safeParse(msg);
      if (p.success) onProgress(p.data);
    });
    try {
      const result: unknown = await pool.run({ task, port: port2, cancel: cancelFlag }, { transferList: [port2] });
      return ingestOutcomeSchema.parse(result);
    } finally {
      port1.close();
    }
  };
}
