import { resourceLimits, Worker } from "node:worker_threads";
import { producerMessageSchema, type ProducerCommand, type ProducerInput, type ProducerMessage } from "../../schemas/worker-protocol";
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from "../out-of-memory";
import { IngestError } from "../types";
import { WORKER_YOUNG_GENERATION_MB } from "../../thread-heap";

export type ProducerEvent = ProducerMessage | { type: "error"; err: unknown } | { type: "exit"; code: number };

/** One row-producer thread (workers/row-producer.ts) and its messages, in arrival order. */
export class ProducerThread {
  private readonly worker: Worker;
  private readonly items: ProducerEvent[] = [];
  private waiter: ((e: ProducerEvent) => void) | null = null;

  constructor(script: string, input: ProducerInput) {
    const maxOld = resourceLimits.maxOldGenerationSizeMb;
    this.worker = new Worker(script, {
      workerData: input,
      resourceLimits: { ...(maxOld ? { maxOldGenerationSizeMb: maxOld } : {}), maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker.on("message", (msg: unknown) => {
      const parsed = producerMessageSchema.safeParse(msg);
      this.push(parsed.success ? parsed.data : { type: "error", err: new Error(`unexpected producer message: ${parsed.error.message}`) });
    });
    this.worker.on("error", (err) => this.push({ type: "error", err }));
    this.worker.on("exit", (code) => this.push({ type: "exit", code }));
  }

  send(command: ProducerCommand): void {
    this.worker.postMessage(command);
  }

  /** The first event: the plan, or why there is none. */
  plan(): Promise<ProducerEvent> {
    return this.take();
  }

  /** The next event after the plan (every producer plans; only the first one's plan is read). */
  async next(): Promise<ProducerEvent> {
    for (;;) {
      const event = await this.take();
      if (event.type !== "planned") return event;
    }
  }

  private take(): Promise<ProducerEvent> {
    const item = this.items.shift();
    return item ? Promise.resolve(item) : new Promise<ProducerEvent>((resolve) => (this.waiter = resolve));
  }

  /** Whether a message is already waiting (a batch, or the end of a range that is followed by more). */
  hasQueued(): boolean {
    return this.items.length > 0;
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private push(event: ProducerEvent): void {
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      w(event);
    } else this.items.push(event);
  }
}

/** What ended a producer before it finished, as the error the pipeline reports. */
export function failureOf(event: ProducerEvent): Error {
  if (event.type === "failed") return new IngestError(event.code, event.message);
  if (event.type === "error") return isOutOfMemory(event.err) ? new IngestError("out_of_memory", OUT_OF_MEMORY_MESSAGE) : asError(event.err);
  if (event.type === "exit") return new Error(`the row producer stopped unexpectedly (exit code ${event.code})`);
  return new Error(`the row producer sent "${event.type}" out of turn`);
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
