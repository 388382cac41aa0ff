import fs from "node:fs";
import type { JobCounts, JobStatus } from "../../schemas/job";
import type { LayoutPlan, MappingOverride } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import type { ProducerInput } from "../../schemas/worker-protocol";
import { qualityScore } from "../quality-score";
import type { PrivacyRuleInput } from "../privacy-rules";
import { IngestError } from "../types";
import { CancelledError, loadRows } from "./load-rows";
import { planRowsInline, type PlannedRows } from "./planned-rows";
import { planRowsInThread, type ThreadOptions } from "./threaded-producer";
import { bundledWorkerScript } from "../../worker-script";
import { loadConfig } from "../../config";
import { detectFileFormat } from "../detect-format";
import type { ProgressTick } from "./progress-meter";
import { ProgressMeter } from "./progress-meter";
import type { RecordSink } from "./record-sink";

export interface IngestInput {
  filePath: string;
  fileName: string;
  templates: LayoutTemplate[];
  override?: MappingOverride | null;
  privacyRules?: PrivacyRuleInput[];
  /** Read a file whose name claims another format by its content (default: refuse it with a reason). */
  allowFormatMismatch?: boolean;
  onProgress?: (tick: ProgressTick) => void;
  isCancelled?: () => boolean;
  /**
   * Where records are built: "auto" = a producer thread for files of THREAD_MIN_BYTES or more,
   * "thread" = always; both only when the producer bundle is built (else inline).
   */
  producer?: "auto" | "inline" | "thread";
  /** Producer threads and range size for delimited text (defaults: threaded-producer.ts). */
  threads?: ThreadOptions;
}

/** Below this size a producer thread's start-up (~40 ms, its own heap) costs more than the overlap saves. */
const THREAD_MIN_BYTES = 2 * 1024 * 1024;

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
  const meter = new ProgressMeter((t) => input.onProgress?.(t));
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
    if (err instanceof CancelledError) return { status: "cancelled", plan, counts: EMPTY, formatMismatch: mismatch, qualityScore: null, error: { code: "cancelled", message: err.message } };
    if (err instanceof IngestError) return failed(plan, mismatch, err.code, err.message, EMPTY);
    const message = err instanceof Error ? err.message : String(err);
    return failed(plan, mismatch, "internal_error", `The file could not be processed: ${message}`, EMPTY);
  }
}

async function planRows(input: IngestInput): Promise<PlannedRows> {
  const mode = input.producer ?? "auto";
  const script = mode === "inline" ? null : bundledWorkerScript("row-producer");
  const threaded = script !== null && (mode === "thread" || (fileSize(input.filePath) >= THREAD_MIN_BYTES && !(await isPdf(input))));
  return threaded ? planRowsInThread(producerInput(input), script, input.threads ?? parallelism()) : planRowsInline(producerInput(input));
}

/** The serializable part of the input (what a producer thread receives). */
function producerInput({ filePath, fileName, templates, override, privacyRules, allowFormatMismatch }: IngestInput): ProducerInput {
  return { filePath, fileName, templates, override, privacyRules, allowFormatMismatch };
}

/** PARSE_THREADS (config) caps the producers of one job; unset = as many as cores, 2 to 4. */
function parallelism(): ThreadOptions {
  const n = loadConfig().parseThreads;
  return n === null ? {} : { producers: n };
}

/** A PDF has few rows per byte: extraction is all the work and the writer would idle, so it stays inline. */
async function isPdf(input: IngestInput): Promise<boolean> {
  try {
    return (await detectFileFormat(input.filePath, input.fileName)).format === "pdf";
  } catch {
    return false; // planning reports the unreadable file
  }
}

function fileSize(filePath: string): number {
  try {
    return fs.statSync(filePath).size;
  } catch {
    return 0; // planning reports the unreadable file
  }
}

function failed(plan: LayoutPlan | null, mismatch: string | null, code: string, message: string, counts: JobCounts): IngestResult {
  return { status: "failed", plan, counts, formatMismatch: mismatch, qualityScore: null, error: { code, message } };
}
