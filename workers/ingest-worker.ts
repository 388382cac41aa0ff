import type { MessagePort } from "node:worker_threads";
import type { PreviewInput } from "../lib/ingest/pipeline/preview-mapping";
import { runPreviewTask } from "../lib/jobs/preview-task";
import { runIngestTask } from "../lib/jobs/run-ingest-task";
import { ingestTaskSchema, type IngestOutcome, type WorkerProgress } from "../lib/schemas/worker-protocol";
import { ProducerThread } from "../lib/ingest/pipeline/producer-thread";
import { bundledWorkerScript } from "../lib/worker-script";

export interface IngestWorkerInput {
  task: unknown;
  port: MessagePort;
  /** Shared flag: the main thread stores 1 to cancel; polled between batches. */
  cancel: Int32Array;
}

// A row producer started now is ready (modules loaded) when the first large file comes.
const producerScript = bundledWorkerScript("row-producer");
if (producerScript) ProducerThread.warm(producerScript);

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

/** Piscina named task: the review screen's live preview of the first rows under a draft mapping. */
export async function preview(input: PreviewInput) {
  // Stored uploads are encrypted: a text file's head is decrypted in memory; other formats are
  // decrypted to a private copy, removed at once. With a cached sample the file is not read.
  return runPreviewTask(input);
}
