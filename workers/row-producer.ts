import { parentPort, workerData } from "node:worker_threads";
import { CommandInbox } from "../lib/ingest/pipeline/command-inbox";
import { produceRows } from "../lib/ingest/pipeline/produce-rows";
import { producerCommandSchema, producerInputSchema, type ProducerMessage } from "../lib/schemas/worker-protocol";

/** Row producer thread: plans and builds one file's batches for the writer that started it (threaded-producer.ts). */
const port = parentPort;
if (!port) throw new Error("row-producer must run as a worker thread");
const inbox = new CommandInbox();
port.on("message", (msg: unknown) => {
  const command = producerCommandSchema.safeParse(msg);
  if (command.success) inbox.receive(command.data);
});
void produceRows(producerInputSchema.parse(workerData), { postMessage: (m: ProducerMessage) => port.postMessage(m) }, inbox).finally(() => port.close());
