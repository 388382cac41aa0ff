import type { JobCounts, Stage } from "../../schemas/job";
import type { LayoutPlan } from "../../schemas/mapping";
import type { RowError } from "../../schemas/record";
import { hashRecord } from "../normalize/hash-record";
import { compileRecordBuilder } from "../normalize/record-builder";
import { compilePrivacyRules, type PrivacyRuleInput } from "../privacy-rules";
import type { TableSample, TableSource } from "../types";
import type { HashedRecord, RecordSink } from "./record-sink";

export interface LoadOptions {
  privacyRules?: PrivacyRuleInput[];
  /** Called after every batch; the caller throttles. */
  onBatch?: (stage: Stage, bytesProcessed: number, counts: JobCounts) => void;
  /** Checked between batches: a cancelled job stops at the next batch boundary. */
  isCancelled?: () => boolean;
}

const FLUSH_ROWS = 10_000;

export class CancelledError extends Error {
  constructor() {
    super("The job was cancelled.");
  }
}

/**
 * Streams every data row of the source through the compiled record builder into the sink.
 * Counts reconcile by construction: each row is either rejected (error table), or valid and then
 * inserted or a duplicate (its content hash already stored — from this file or an earlier one).
 */
export async function loadRows(
  source: TableSource,
  sample: TableSample,
  plan: LayoutPlan,
  sink: RecordSink,
  opts: LoadOptions = {},
): Promise<JobCounts> {
  const build = compileRecordBuilder({
    columns: plan.columns,
    timezone: plan.timezone,
    target: plan.target,
    sampleRows: sample.sampleRows,
  });
  const privacy = compilePrivacyRules(opts.privacyRules ?? []);
  const counts: JobCounts = { rows: 0, inserted: 0, duplicates: 0, rejected: 0 };

  // Rows are flushed to the sink in large transactions: per-transaction overhead (and WAL
  // checkpoints) dominate small batches.
  let valid: HashedRecord[] = [];
  let errors: RowError[] = [];
  const flush = async () => {
    const inserted = valid.length > 0 ? await sink.insertRecords(valid) : 0;
    if (errors.length > 0) await sink.insertErrors(errors);
    counts.inserted += inserted;
    counts.duplicates += valid.length - inserted;
    counts.rejected += errors.length;
    valid = [];
    errors = [];
  };
  for await (const batch of source.rows()) {
    if (opts.isCancelled?.()) throw new CancelledError();
    for (const row of batch) {
      counts.rows++;
      if (row.issue) {
        errors.push({ line: row.line, field: null, code: row.issue.code, message: row.issue.message, raw: row.raw });
        continue;
      }
      const built = build(row);
      if (!built.ok) {
        errors.push(built.error);
        continue;
      }
      if (privacy(built.record) === "suppress") {
        // The raw line is withheld: the point of the rule is that this number is not stored anywhere.
        errors.push({ line: row.line, field: null, code: "suppressed", message: "Suppressed by a privacy rule.", raw: "" });
        continue;
      }
      valid.push({ record: built.record, hash: hashRecord(built.record), line: row.line });
    }
    if (valid.length + errors.length >= FLUSH_ROWS) await flush();
    // Progress counts rows read so far; inserted/duplicates catch up at each flush.
    opts.onBatch?.("load", source.bytesRead(), { ...counts, rejected: counts.rejected + errors.length });
  }
  await flush();
  return counts;
}
