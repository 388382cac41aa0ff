import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { loadConfig } from "../config";
import { log } from "../log";
import { resolveWorkerScript } from "../worker-script";
import { limitHeapGrowth, WORKER_YOUNG_GENERATION_MB } from "../thread-heap";
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from "../ingest/out-of-memory";
import { ingestOutcomeSchema, workerProgressSchema } from "../schemas/worker-protocol";
import type { TaskRunner } from "./execute-job";
import { failedOutcome } from "../ingest/failed-outcome";

/**
 * One pool per process, sized to the cores. Each worker thread has its own V8 heap cap
 * (`resourceLimits`), so a hostile file that blows the heap kills that thread only: piscina
 * rejects its task (the job fails, see poolTaskRunner) and starts a fresh thread for the next one.
 */
export function createWorkerPool(threads: number, maxHeapMb = 2048): Piscina {
  limitHeapGrowth();
  const { filename, execArgv } = resolveWorkerScript("ingest-worker");
  const pool = new Piscina({
    filename,
    ...(execArgv ? { execArgv } : {}),
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  // Piscina emits 'error' when a thread dies with no task attached (e.g. out of memory while
  // being terminated after a timeout); unheard, that event would throw and end the process.
  pool.on("error", (err: unknown) => log.error({ err }, "a worker thread died outside a task; piscina replaces it"));
  return pool;
}

function minutes(ms: number): string {
  const m = ms / 60_000;
  if (m >= 1 && Number.isInteger(m)) return `${m} minute${m === 1 ? "" : "s"}`;
  const s = Math.round(ms / 1000);
  return `${s} second${s === 1 ? "" : "s"}`;
}

/**
 * Runs tasks on the pool, relaying the worker's progress messages to the caller. A task that
 * runs past `timeoutMs` is aborted: piscina terminates its thread (no cooperative check can be
 * trusted inside a parser stuck on a hostile file) and replaces it. Timeouts and heap
 * exhaustion come back as failed outcomes with a sentence, not as exceptions.
 */
export function poolTaskRunner(pool: Piscina, timeoutMs = loadConfig().jobTimeoutMs): TaskRunner {
  return async (task, onProgress, cancelFlag) => {
    const started = Date.now();
    const { port1, port2 } = new MessageChannel();
    port1.on("message", (msg: unknown) => {
      const p = workerProgressSchema.safeParse(msg);
      if (p.success) onProgress(p.data);
    });
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const result: unknown = await pool.run({ task, port: port2, cancel: cancelFlag }, { transferList: [port2], signal: abort.signal });
      return ingestOutcomeSchema.parse(result);
    } catch (err) {
      if (abort.signal.aborted) {
        log.warn({ jobId: task.jobId, timeoutMs }, "job timed out; its worker thread was terminated");
        return failedOutcome(
          "job_timeout",
          `Processing this file took longer than ${minutes(timeoutMs)} and was stopped; split it into smaller files or ask an admin to raise JOB_TIMEOUT_SECONDS.`,
          { durationMs: Date.now() - started },
        );
      }
      if (isOutOfMemory(err)) {
        log.warn({ jobId: task.jobId, err }, "worker thread ran out of memory; it was replaced");
        return failedOutcome("out_of_memory", OUT_OF_MEMORY_MESSAGE, { durationMs: Date.now() - started });
      }
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  };
}
