import type { JobCounts, JobStatus } from "../../schemas/job";
import type { LayoutPlan, MappingOverride } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { qualityScore } from "../quality-score";
import type { PrivacyRuleInput } from "../privacy-rules";
import { IngestError } from "../types";
import { CancelledError, loadRows } from "./load-rows";
import { planRows, type PlanRowsInput } from "./plan-rows";
import type { ProgressTick } from "./progress-meter";
import { ProgressMeter } from "./progress-meter";
import type { RecordSink } from "./record-sink";
import { failedOutcome } from "../failed-outcome";
import type { JobErrorCode } from "../../schemas/job-errors";

export interface IngestInput extends Pick<PlanRowsInput, "producer" | "threads" | "storedHashes" | "caseRegion"> {
  filePath: string;
  fileName: string;
  templates: LayoutTemplate[];
  override?: MappingOverride | null;
  privacyRules?: PrivacyRuleInput[];
  /** Read a file whose name claims another format by its content (default: refuse it with a reason). */
  allowFormatMismatch?: boolean;
  onProgress?: (tick: ProgressTick) => void;
  isCancelled?: () => boolean;
}

export interface IngestResult {
  status: JobStatus;
  plan: LayoutPlan | null;
  counts: JobCounts;
  formatMismatch: string | null;
  qualityScore: number | null;
  error: { code: string; message: string } | null;
  /** Milliseconds per phase, for the debug log and the benchmark. */
  timings?: { planMs: number; loadMs: number; finishMs: number };
}

const EMPTY: JobCounts = { rows: 0, inserted: 0, duplicates: 0, rejected: 0 };

/**
 * One file end to end: plan it, stop at needs_review when a person must look, otherwise load it.
 * Never throws for a bad file: the result carries the status and a sentence a person understands.
 */
export async function ingestFile(input: IngestInput, sink: RecordSink): Promise<IngestResult> {
  let bytesTotal = 0;
  const meter = new ProgressMeter((t) => {
    sink.noteProgress?.(t);
    input.onProgress?.(t);
  });
  let plan: LayoutPlan | null = null;
  let mismatch: string | null = null;
  try {
    meter.report("detect", 0, 0, EMPTY, true);
    const t0 = performance.now();
    const planned = await planRows(input);
    const t1 = performance.now();
    plan = planned.plan;
    mismatch = planned.formatMismatch;
    bytesTotal = planned.bytesTotal;
    meter.report("classify", 0, bytesTotal, EMPTY, true);
    try {
      if (plan.needsReview) {
        return { status: "needs_review", plan, counts: EMPTY, formatMismatch: mismatch, qualityScore: null, error: null };
      }
      await sink.begin(plan.carrier === "unknown" ? null : plan.carrier);
      const counts = await loadRows(planned.batches(), sink, {
        isCancelled: input.isCancelled,
        onBatch: (stage, bytes, c) => meter.report(stage, bytes, bytesTotal, c),
      });
      meter.report("finalize", bytesTotal, bytesTotal, counts, true);
      const t2 = performance.now();
      const facts = await sink.finish();
      const timings = { planMs: Math.round(t1 - t0), loadMs: Math.round(t2 - t1), finishMs: Math.round(performance.now() - t2) };
      const score = qualityScore(counts, plan.confidence, facts.gaps);
      meter.report("done", bytesTotal, bytesTotal, counts, true);
      if (counts.rows === 0) {
        return failed(plan, mismatch, "no_rows", "The file has a header but no data rows to load.", counts);
      }
      if (counts.inserted + counts.duplicates === 0) {
        return failed(plan, mismatch, "all_rows_rejected", `None of the ${counts.rows} rows could be loaded; see the error table for each row's reason.`, counts);
      }
      const status: JobStatus = counts.rejected > 0 ? "partial" : "completed";
      const error = status === "partial" ? { code: "rows_rejected", message: `${counts.rejected} of ${counts.rows} rows were rejected; see the error table.` } : null;
      return { status, plan, counts, formatMismatch: mismatch, qualityScore: score, error, timings };
    } finally {
      await planned.close();
    }
  } catch (err) {
    if (err instanceof CancelledError)
      return { status: "cancelled", plan, counts: EMPTY, formatMismatch: mismatch, qualityScore: null, error: { code: "cancelled", message: err.message } };
    if (err instanceof IngestError) return failed(plan, mismatch, err.code, err.message, EMPTY);
    const message = err instanceof Error ? err.message : String(err);
    return failed(plan, mismatch, "internal_error", `The file could not be processed: ${message}`, EMPTY);
  }
}

function failed(plan: LayoutPlan | null, mismatch: string | null, code: JobErrorCode, message: string, counts: JobCounts): IngestResult {
  const { durationMs: _unset, ...outcome } = failedOutcome(code, message, { plan, formatMismatch: mismatch, counts });
  return outcome;
}
