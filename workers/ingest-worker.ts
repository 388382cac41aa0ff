import { randomUUID } from "node:crypto";
import type { MessagePort } from "node:worker_threads";
import { loadConfig } from "../lib/config";
import { withPlaintext } from "../lib/security/plaintext-copy";
import { previewMapping } from "../lib/ingest/pipeline/preview-mapping";
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
export async function preview(input: Parameters<typeof previewMapping>[0]) {
  // Stored uploads are encrypted; the preview reads a private plaintext copy, removed at once.
  return withPlaintext(input.filePath, loadConfig().dataDir, `${randomUUID()}.preview`, (filePath) => previewMapping({ ...input, filePath }));
}
