import os from "node:os";
import type { RowBatch } from "./build-batches";
import type { PlannedRows } from "./planned-rows";
import { ROW_WIDTH } from "./record-sink";
import { ProducerThread, failureOf } from "./producer-thread";
import type { ProducerInput } from "../../schemas/worker-protocol";

/** Batches one producer may run ahead of the writer (whole-file mode): the writer never waits, memory stays flat. */
const CREDITS_AHEAD = 4;
/** Range mode: enough for a producer to finish its next range while the writer is still on another producer's. */
const RANGE_CREDITS = 4;
/** Bytes per range: ~10,000 rows of a typical CDR line; the ranges are dealt out in turn. */
export const RANGE_BYTES = 1 << 20;

export interface ThreadOptions {
  /** Producers for a rangeable file (default: the cores, 2 to 4). */
  producers?: number;
  rangeBytes?: number;
}

/**
 * Plans and builds the file's records in producer threads while this thread writes them: parsing,
 * normalizing and hashing overlap the database inserts. Delimited text is dealt out in byte ranges
 * to several producers (range i to producer i mod n) and merged back in file order, so both cores
 * work even when the writer has little to do (a re-upload of duplicates). The threads inherit this
 * thread's heap cap and die with it (a terminated pool thread takes its producers along). `script`
 * is the bundle dist/workers/row-producer.mjs: on Node 20 a thread started on a .ts file gets no
 * tsx hooks, so without a build the caller stays inline.
 */
export async function planRowsInThread(input: ProducerInput, script: string, opts: ThreadOptions = {}): Promise<PlannedRows> {
  const threads = new Set<ProducerThread>();
  const spawn = () => {
    const t = new ProducerThread(script, input);
    threads.add(t);
    return t;
  };
  const close = async () => {
    await Promise.all([...threads].map((t) => t.terminate()));
  };
  try {
    const first = spawn();
    const planned = await first.plan();
    if (planned.type !== "planned") throw failureOf(planned);
    // A floor keeps a mistaken tiny size from turning into a million file reads.
    const rangeBytes = Math.max(opts.rangeBytes ?? RANGE_BYTES, 4096);
    const count = opts.producers ?? Math.min(4, Math.max(2, os.availableParallelism()));
    const parallel = planned.rangeable && count > 1 && planned.bytesTotal >= 2 * rangeBytes;
    return {
      plan: planned.plan,
      formatMismatch: planned.formatMismatch,
      bytesTotal: planned.bytesTotal,
      batches: () => (parallel ? receiveRanges(first, spawn, count, rangeBytes, planned.bytesTotal) : receiveAll(first)),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

async function* receiveAll(producer: ProducerThread): AsyncGenerator<RowBatch> {
  producer.send({ type: "read-all" });
  producer.send({ type: "credit", n: CREDITS_AHEAD });
  for (;;) {
    const event = await producer.next();
    if (event.type === "end") return;
    if (event.type !== "batch") throw failureOf(event);
    // The credit goes back before the writer starts on this batch, so the next one is built meanwhile.
    producer.send({ type: "credit", n: 1 });
    yield { ...event.batch, moreReady: producer.hasQueued() };
  }
}

/**
 * Takes range 0 from producer 0, range 1 from producer 1, … in file order, renumbering lines as it
 * goes. A range's start was found by line ends alone; it is right exactly when the range before
 * ended there. When a quoted cell spanned the boundary it did not: the producers are stopped and
 * one fresh producer reads on from where the previous range really ended.
 */
async function* receiveRanges(first: ProducerThread, spawn: () => ProducerThread, count: number, rangeBytes: number, size: number): AsyncGenerator<RowBatch> {
  let producers = [first];
  for (let i = 1; i < count; i++) producers.push(spawn());
  producers.forEach((p, index) => {
    p.send({ type: "read-ranges", index, count, rangeBytes });
    p.send({ type: "credit", n: RANGE_CREDITS });
  });
  let lines = 0;
  let expected: number | null = null;
  for (let turn = 0; ; turn++) {
    const producer = producers[turn % producers.length]!;
    const head = await producer.next();
    if (head.type !== "range-start") throw failureOf(head);
    if (expected !== null && head.start !== expected) {
      await Promise.all(producers.map((p) => p.terminate()));
      const fresh = spawn();
      fresh.send({ type: "read-from", start: expected });
      fresh.send({ type: "credit", n: RANGE_CREDITS });
      producers = [fresh];
      turn = -1;
      continue;
    }
    for (;;) {
      const event = await producer.next();
      if (event.type === "range-end") {
        lines += event.lines;
        expected = event.end;
        break;
      }
      if (event.type !== "batch") throw failureOf(event);
      producer.send({ type: "credit", n: 1 });
      yield renumbered({ ...event.batch, moreReady: producer.hasQueued() }, lines);
    }
    if (expected >= size) return;
  }
}

/** A range's line numbers count from 1 at its start: shifted by the lines of the ranges before it. */
function renumbered(batch: RowBatch, before: number): RowBatch {
  if (before === 0) return batch;
  const { values } = batch;
  for (let at = 1; at < batch.count * ROW_WIDTH; at += ROW_WIDTH) values[at] = (values[at] as number) + before;
  for (const e of batch.errors) e.line += before;
  return batch;
}
