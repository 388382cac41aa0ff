import type { MessagePort } from "node:worker_threads";
import { runIngestTask } from "../lib/jobs/run-ingest-task";
import { ingestTaskSchema, type IngestOutcome, type WorkerProgress } from "../lib/schemas/worker-protocol";

export interface IngestWorkerInput {
  task: unknown;
  port: MessagePort;
  /** Shared flag: the main thread stores 1 to cancel; polled between batches. */
  cancel: Int32Array;
}

/** Piscina worker: one ingest job per call, progress over the transferred MessagePort. */
export default async function ingestWorker({ task, port, cancel }: IngestWorkerInput): Promise<IngestOutcome> {
  const parsed = ingestTaskSchema.parse(task);
  try {
    return await runIngestTask(
      parsed,
      (tick) => port.postMessage({ type: "progress", ...tick } satisfies WorkerProgress),
      () => Atomics.load(cancel, 0) === 1,
    );
  } finally {
    port.close();
  }
}
