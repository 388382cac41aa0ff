import type { ProducerCommand, ProducerInput, ProducerMessage } from "../../schemas/worker-protocol";
import { IngestError, type RangeEnd, type RangeReader } from "../types";
import { createBatchBuilder, takesCredit, type BatchBuilder } from "./build-batches";
import { planFile } from "./plan-file";
import { CommandInbox } from "./command-inbox";
import { StoredHashFilter } from "../../db/sqlite-stored-hashes";
import type { RowBatch } from "./build-batches";

export interface ProducerPort {
  postMessage(message: ProducerMessage): void;
}

/**
 * A producer thread's work: plan the file, send the plan, wait for what to read, then send one
 * batch per credit. Waiting for credits keeps it from racing ahead of the writer (memory stays
 * flat however big the file). Every failure becomes one message; a bad file never crashes the thread.
 */
export async function produceRows(input: ProducerInput, port: ProducerPort, inbox: CommandInbox): Promise<void> {
  let close: (() => Promise<void>) | null = null;
  const filter = input.storedHashes ? StoredHashFilter.open(input.storedHashes.file, input.storedHashes.caseId, input.storedHashes.fingerprints) : null;
  try {
    const { plan, source, sample, formatMismatch } = await planFile(input);
    close = () => source.close();
    port.postMessage({ type: "planned", plan, formatMismatch, bytesTotal: source.bytesTotal, rangeable: source.ranges !== undefined });
    const build = withoutStored(createBatchBuilder(sample, plan, input.privacyRules ?? []), filter);
    const what = await inbox.nextOrder();
    if (what.type === "read-all") {
      for await (const batch of build(source.rows(), () => source.bytesRead())) {
        if (takesCredit(batch)) await inbox.credit();
        port.postMessage({ type: "batch", batch });
      }
      port.postMessage({ type: "end" });
      return;
    }
    const ranges = source.ranges;
    if (!ranges) throw new Error("this source cannot be read by byte ranges");
    // Range orders until the writer stops this thread (it knows when the last range is in).
    for (let order: ProducerCommand = what; ; order = await inbox.nextOrder()) {
      if (order.type !== "read-range" && order.type !== "read-from") throw new Error(`"${order.type}" after range orders`);
      await produceRange(ranges, source.bytesTotal, order, build, port, inbox);
    }
  } catch (err) {
    if (err instanceof IngestError) port.postMessage({ type: "failed", code: err.code, message: err.message });
    else port.postMessage({ type: "failed", code: "internal_error", message: `The file could not be processed: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    await close?.();
    filter?.close();
  }
}

/** The builder's batches less the records already stored (counted in `stored`), when there is a filter. */
function withoutStored(build: BatchBuilder, filter: StoredHashFilter | null): BatchBuilder {
  if (!filter) return build;
  return async function* (rows, bytesRead) {
    for await (const batch of build(rows, bytesRead)) {
      const { count, values, stored } = filter.unstored(batch.count, batch.values);
      yield stored === 0 ? batch : ({ ...batch, count, values, stored } satisfies RowBatch);
    }
  };
}

type RangeOrder = Extract<ProducerCommand, { type: "read-range" | "read-from" }>;

/** One range (or everything from `start`), framed by range-start/range-end; past the end of the file it is empty. */
async function produceRange(ranges: RangeReader, size: number, order: RangeOrder, build: BatchBuilder, port: ProducerPort, inbox: CommandInbox): Promise<void> {
  const index = order.type === "read-range" ? order.index : -1;
  let start: number;
  let end: number | null;
  if (order.type === "read-from") {
    start = order.start;
    end = null;
  } else {
    start = order.index === 0 ? ranges.dataStart : await ranges.boundaryAt(ranges.dataStart + order.index * order.rangeBytes);
    const next = await ranges.boundaryAt(ranges.dataStart + (order.index + 1) * order.rangeBytes);
    end = next >= size ? null : next;
  }
  port.postMessage({ type: "range-start", index, start });
  const out: RangeEnd = { end: start, lines: 0 };
  if (start < size) {
    for await (const batch of build(ranges.rows({ start, end, first: start === ranges.dataStart }, out), () => start)) {
      if (takesCredit(batch)) await inbox.credit();
      port.postMessage({ type: "batch", batch });
    }
  }
  port.postMessage({ type: "range-end", index, end: out.end, lines: out.lines });
}
