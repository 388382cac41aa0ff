import type { JobCounts } from "../schemas/job";
import type { JobErrorCode } from "../schemas/job-errors";
import type { IngestOutcome } from "../schemas/worker-protocol";

export const EMPTY_COUNTS: JobCounts = { rows: 0, inserted: 0, duplicates: 0, rejected: 0 };

/**
 * The one shape of a failed file: status `failed`, no quality score, the code and a sentence a
 * person understands; the plan, counts and format mismatch when the failure came late enough to
 * know them.
 */
export function failedOutcome(code: JobErrorCode, message: string, known: Partial<Pick<IngestOutcome, "plan" | "counts" | "formatMismatch" | "durationMs">> = {}): IngestOutcome {
  return {
    status: "failed",
    plan: known.plan ?? null,
    counts: known.counts ?? EMPTY_COUNTS,
    formatMismatch: known.formatMismatch ?? null,
    qualityScore: null,
    error: { code, message },
    durationMs: known.durationMs ?? 0,
  };
}
