import os from "node:os";
import { takesCredit, type RowBatch } from "./build-batches";
import type { PlannedRows } from "./planned-rows";
import { COL, ROW_WIDTH } from "./record-sink";
import { ProducerThread, failureOf } from "./producer-thread";
import type { ProducerInput } from "../../schemas/worker-protocol";

/** Batches (of BATCH_ROWS, 500) one producer may run ahead of the writer (whole-file mode): the writer never waits, memory stays flat. */
const CREDITS_AHEAD = 8;
/**
 * Range mode: batches of records a producer may build ahead across the ranges dealt to it (a
 * batch of 500 records is ~0.35 MB once received). Batches without records (a re-upload's
 * duplicates, dropped in the producer) take no credit (takesCredit): with every batch taking one,
 * a producer whose range came after the one being read stopped after 8 batches of a ~20-batch
 * range and waited, so two producers took turns; the bench's 1M-row re-upload went from
 * 8.18–8.63 s to 6.01–6.37 s when credits covered both ranges (48), but that cost first uploads
 * ~30 MB of peak RSS, where the writer is what everyone waits for (2026-12-03).
 */
const RANGE_CREDITS = 8;
/** Ranges dealt to a producer beyond the one the writer is reading. */
const RANGES_AHEAD = 2;
/** Share of a range's rows found stored (dropped by the producer) that makes it a re-upload's. */
const STORED_SHARE = 0.9;
/** Share of a range's time the writer may wait for batches before another producer is started. */
const WAITING_SHARE = 0.25;
/** Bytes per range: ~10,000 rows of a typical CDR line. */
export const RANGE_BYTES = 1 << 20;

export interface ThreadOptions {
  /** Most producers for a rangeable file (default: the cores, 2 to 4; started one by one as the writer waits). */
  producers?: number;
  rangeBytes?: number;
  /** Start every producer at once instead of as the writer waits (tests: exercises interleaving). */
  startAll?: boolean;
}

/**
 * Plans and builds the file's records in producer threads while this thread writes them: parsing,
 * normalizing and hashing overlap the database inserts. Delimited text is read in byte ranges dealt
 * out on demand to up to `producers` threads and merged back in file order (receiveRanges), so the
 * cores work even when the writer has little to do (a re-upload of duplicates). The threads inherit this
 * thread's heap cap and die with it (a terminated pool thread takes its producers along). `script`
 * is the bundle dist/workers/row-producer.mjs: on Node 20 a thread started on a .ts file gets no
 * tsx hooks, so without a build the caller stays inline.
 */
export async function planRowsInThread(input: ProducerInput, script: string, opts: ThreadOptions = {}): Promise<PlannedRows> {
  const threads = new Set<ProducerThread>();
  const spawn = () => {
    const t = ProducerThread.take(script, input);
    threads.add(t);
    return t;
  };
  const close = async () => {
    await Promise.all([...threads].map((t) => t.terminate()));
    ProducerThread.warm(script);
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
      batches: () => (parallel ? receiveRanges(first, spawn, count, rangeBytes, planned.bytesTotal, opts.startAll ?? false) : receiveAll(first)),
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
    if (takesCredit(event.batch)) producer.send({ type: "credit", n: 1 });
    yield { ...event.batch, moreReady: producer.hasQueued() };
  }
}

/**
 * Reads the file's ranges in order, renumbering lines as it goes. Ranges are dealt out two ahead
 * per producer; a producer is added (up to `max`) whenever the writer spent more than a quarter of
 * the time of two ranges in a row waiting for batches, or after a range of stored duplicates: a
 * re-upload (little to write) gets every core from its second range on,
 * while a first upload keeps one producer, because a third busy thread on two cores would only slow
 * the writer it waits for. A range's start was found by line ends alone and is right exactly when
 * the range before ended there; when a quoted cell spanned the boundary it did not: the producers
 * are stopped and one fresh producer reads on from where the previous range really ended.
 */
async function* receiveRanges(first: ProducerThread, spawn: () => ProducerThread, max: number, rangeBytes: number, size: number, startAll: boolean): AsyncGenerator<RowBatch> {
  const producers: ProducerThread[] = [];
  const owners: ProducerThread[] = [];
  const ahead = new Map<ProducerThread, number>();
  let nextIndex = 0;
  const deal = (p: ProducerThread) => {
    for (let n = ahead.get(p) ?? 0; n < RANGES_AHEAD; n++) {
      p.send({ type: "read-range", index: nextIndex, rangeBytes });
      owners[nextIndex++] = p;
    }
    ahead.set(p, RANGES_AHEAD);
  };
  const enlist = (p: ProducerThread) => {
    producers.push(p);
    p.send({ type: "credit", n: RANGE_CREDITS });
    deal(p);
  };
  enlist(first);
  while (startAll && producers.length < max) enlist(spawn());
  const wait = { ms: 0 };
  let waiting = 0;
  let lines = 0;
  let expected: number | null = null;
  for (let index = 0; ; index++) {
    const producer = owners[index]!;
    const started = performance.now();
    wait.ms = 0;
    const head = await timedNext(producer, wait);
    if (head.type !== "range-start") throw failureOf(head);
    if (expected !== null && head.start !== expected) {
      await Promise.all(producers.map((p) => p.terminate()));
      const fresh = spawn();
      fresh.send({ type: "read-from", start: expected });
      fresh.send({ type: "credit", n: RANGE_CREDITS });
      if ((await fresh.next()).type !== "range-start") throw new Error("the row producer did not start reading");
      yield* rangeBatches(fresh, lines, wait);
      return;
    }
    const tally = { rows: 0, stored: 0 };
    const end = yield* rangeBatches(producer, lines, wait, tally);
    lines += end.lines;
    expected = end.end;
    if (expected >= size) return;
    ahead.set(producer, ahead.get(producer)! - 1);
    // Two waiting ranges in a row, not counting the first (the pipeline is still filling then).
    waiting = index > 0 && wait.ms > (performance.now() - started) * WAITING_SHARE ? waiting + 1 : 0;
    // A range of stored duplicates (a re-upload): the producers do all the work, so the next one starts at once.
    const duplicates = tally.rows > 0 && tally.stored >= tally.rows * STORED_SHARE;
    if (producers.length < max && (waiting >= 2 || duplicates)) {
      enlist(spawn());
      waiting = 0;
    }
    deal(producer);
  }
}

/** One range's batches (renumbered), counting its rows and stored duplicates into `tally`; returns its range-end. */
async function* rangeBatches(
  producer: ProducerThread,
  before: number,
  wait: { ms: number },
  tally = { rows: 0, stored: 0 },
): AsyncGenerator<RowBatch, { end: number; lines: number }> {
  for (;;) {
    const event = await timedNext(producer, wait);
    if (event.type === "range-end") return event;
    if (event.type !== "batch") throw failureOf(event);
    tally.rows += event.batch.rows;
    tally.stored += event.batch.stored ?? 0;
    if (takesCredit(event.batch)) producer.send({ type: "credit", n: 1 });
    yield renumbered({ ...event.batch, moreReady: producer.hasQueued() }, before);
  }
}

/** The producer's next event, adding any time spent waiting for it to `wait.ms`. */
async function timedNext(producer: ProducerThread, wait: { ms: number }) {
  if (producer.hasQueued()) return producer.next();
  const t = performance.now();
  const event = await producer.next();
  wait.ms += performance.now() - t;
  return event;
}

/** A range's line numbers count from 1 at its start: shifted by the lines of the ranges before it. */
function renumbered(batch: RowBatch, before: number): RowBatch {
  if (before === 0) return batch;
  const { values } = batch;
  for (let at = COL.line; at < batch.count * ROW_WIDTH; at += ROW_WIDTH) values[at] = (values[at] as number) + before;
  for (const e of batch.errors) e.line += before;
  return batch;
}
