import type { LayoutPlan } from "../../schemas/mapping";
import type { ProducerInput } from "../../schemas/worker-protocol";
import { buildBatches, type RowBatch } from "./build-batches";
import { planFile } from "./plan-file";

/**
 * A planned file whose rows are ready to stream: the plan decides whether anything loads, then
 * `batches()` yields normalized, hashed records. Built inline (this module) or by a producer
 * thread (threaded-producer.ts); the writer cannot tell the difference.
 */
export interface PlannedRows {
  plan: LayoutPlan;
  formatMismatch: string | null;
  bytesTotal: number;
  batches(): AsyncIterable<RowBatch>;
  close(): Promise<void>;
}

/** Plans and builds in the calling thread: small files, where a thread's start-up would cost more than it saves. */
export async function planRowsInline(input: ProducerInput): Promise<PlannedRows> {
  const { plan, source, sample, formatMismatch } = await planFile(input);
  return {
    plan,
    formatMismatch,
    bytesTotal: source.bytesTotal,
    batches: () => buildBatches(source, sample, plan, input.privacyRules ?? []),
    close: () => source.close(),
  };
}
