import { resourceLimits, Worker } from "node:worker_threads";
import { producerMessageSchema, type ProducerCommand, type ProducerInput, type ProducerMessage, type ProducerStart } from "../../schemas/worker-protocol";
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from "../out-of-memory";
import { IngestError } from "../types";
import { WORKER_YOUNG_GENERATION_MB } from "../../thread-heap";

export type ProducerEvent = ProducerMessage | { type: "error"; err: unknown } | { type: "exit"; code: number };

/**
 * One row-producer thread (workers/row-producer.ts) and its messages, in arrival order.
 *
 * Starting one costs ~130 ms before it can plan (a bare thread ~25 ms; loading zod and the phone
 * metadata most of the rest), time every job waited for before its first row. So a thread that
 * runs jobs keeps one spare started between jobs (`warm`, at start-up and after each job), and a
 * job's first producer is the spare (`take`). Not during a job: a spare loading beside the
 * producers and the writer would take that time from the cores they need. A spare is unref'd: it
 * never keeps a process alive (the CLI exits with one idle), and it dies with its parent thread.
 */
export class ProducerThread {
  private static spare: ProducerThread | null = null;
  private readonly worker: Worker;
  private readonly items: ProducerEvent[] = [];
  private waiter: ((e: ProducerEvent) => void) | null = null;

  private constructor(private readonly script: string) {
    const maxOld = resourceLimits.maxOldGenerationSizeMb;
    this.worker = new Worker(script, {
      resourceLimits: { ...(maxOld ? { maxOldGenerationSizeMb: maxOld } : {}), maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker.on("message", (msg: unknown) => {
      const parsed = producerMessageSchema.safeParse(msg);
      this.push(parsed.success ? parsed.data : { type: "error", err: new Error(`unexpected producer message: ${parsed.error.message}`) });
    });
    this.worker.on("error", (err) => this.push({ type: "error", err }));
    this.worker.on("exit", (code) => this.push({ type: "exit", code }));
    // After the listeners: attaching a "message" listener refs the thread's port again.
    this.worker.unref();
  }

  /** A producer started on `input`: the spare when there is one (and it did not die), else a new thread. */
  static take(script: string, input: ProducerInput): ProducerThread {
    const spare = ProducerThread.spare;
    const thread = spare && spare.script === script && spare.items.length === 0 ? spare : new ProducerThread(script);
    if (spare && spare !== thread) void spare.terminate();
    ProducerThread.spare = null;
    thread.worker.ref();
    thread.worker.postMessage({ type: "start", input } satisfies ProducerStart);
    return thread;
  }

  /** Starts the spare ahead of the first job (an ingest worker does at start-up); a no-op when one is there. */
  static warm(script: string): void {
    if (ProducerThread.spare?.script === script) return;
    void ProducerThread.spare?.terminate();
    ProducerThread.spare = new ProducerThread(script);
  }

  /** The spare's thread id, or null when there is none (tests, logs). */
  static spareThreadId(): number | null {
    return ProducerThread.spare?.worker.threadId ?? null;
  }

  get threadId(): number {
    return this.worker.threadId;
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
