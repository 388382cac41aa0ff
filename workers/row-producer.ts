import { parentPort } from "node:worker_threads";
import { CommandInbox } from "../lib/ingest/pipeline/command-inbox";
import { produceRows } from "../lib/ingest/pipeline/produce-rows";
import { producerCommandSchema, producerStartSchema, type ProducerMessage } from "../lib/schemas/worker-protocol";

/**
 * Row producer thread: plans and builds one file's batches for the writer that started it
 * (threaded-producer.ts). It may be started ahead as a spare: it loads its modules, then waits for
 * the `start` message with the file, and the commands that follow it.
 */
const port = parentPort;
if (!port) throw new Error("row-producer must run as a worker thread");
const inbox = new CommandInbox();
let started = false;
port.on("message", (msg: unknown) => {
  if (!started) {
    const start = producerStartSchema.safeParse(msg);
    started = true;
    if (!start.success) {
      port.postMessage({
        type: "failed",
        code: "internal_error",
        message: `The file could not be processed: bad producer input (${start.error.message})`,
      } satisfies ProducerMessage);
      return;
    }
    void produceRows(start.data.input, { postMessage: (m: ProducerMessage) => port.postMessage(m) }, inbox).finally(() => port.close());
    return;
  }
  const command = producerCommandSchema.safeParse(msg);
  if (command.success) inbox.receive(command.data);
});
