import type { LayoutPlan } from "../../schemas/mapping";
import type { CanonicalRecord, RowError } from "../../schemas/record";
import { hashRecord } from "../normalize/hash-record";
import { compileRecordBuilder } from "../normalize/record-builder";
import { compilePrivacyRules, type PrivacyRuleInput } from "../privacy-rules";
import type { SourceRow, TableSample, TableSource } from "../types";
import type { RecordValue } from "./record-sink";

/** What one step of the build hands to the writer: valid hashed records, rejected rows, and where the reader is. */
export interface RowBatch {
  /** Rows read in this batch (valid + rejected). */
  rows: number;
  /** Valid records, ROW_WIDTH values each (RecordBatch layout). */
  count: number;
  values: RecordValue[];
  errors: RowError[];
  bytesRead: number;
  /** Set by a producer thread's receiver when the next batch is already waiting (the writer may keep its transaction open). */
  moreReady?: boolean;
}

/**
 * Rows per batch. Small on purpose: a batch that dies young costs the GC almost nothing, while one
 * that survives two scavenges is copied into the old generation (10,000-row batches spent a
 * quarter of the producer's time in GC). The SQLite writer groups batches into larger commits.
 */
export const BATCH_ROWS = 2_000;
/** A slow source (OCR, a heavy sheet) still hands over what it has this often, so progress moves. */
const BATCH_MAX_MS = 500;

/**
 * Source rows → batches of normalized, privacy-filtered, hashed records plus row errors. Pure
 * CPU work with no storage: it runs in producer threads beside the writer (threaded-producer.ts)
 * or inline for small files and the tests.
 */
export function buildBatches(source: TableSource, sample: TableSample, plan: LayoutPlan, privacyRules: PrivacyRuleInput[] = []): AsyncGenerator<RowBatch> {
  return createBatchBuilder(sample, plan, privacyRules)(source.rows(), () => source.bytesRead());
}

export type BatchBuilder = (rows: AsyncIterable<SourceRow[]>, bytesRead: () => number) => AsyncGenerator<RowBatch>;

/** Compiles the plan once; the result turns any stream of source rows (a whole file, or one byte range of it) into batches. */
export function createBatchBuilder(sample: TableSample, plan: LayoutPlan, privacyRules: PrivacyRuleInput[] = []): BatchBuilder {
  const build = compileRecordBuilder({
    columns: plan.columns,
    timezone: plan.timezone,
    target: plan.target,
    sampleRows: sample.sampleRows,
  });
  const privacy = compilePrivacyRules(privacyRules);
  return async function* (source, bytesRead) {
    let batch = emptyBatch();
    let since = performance.now();
    for await (const rows of source) {
      for (const row of rows) {
        batch.rows++;
        if (row.issue) {
          batch.errors.push({ line: row.line, field: null, code: row.issue.code, message: row.issue.message, raw: row.raw });
          continue;
        }
        const built = build(row);
        if (!built.ok) {
          batch.errors.push(built.error);
          continue;
        }
        if (privacy(built.record) === "suppress") {
          // The raw line is withheld: the point of the rule is that this number is not stored anywhere.
          batch.errors.push({ line: row.line, field: null, code: "suppressed", message: "Suppressed by a privacy rule.", raw: "" });
          continue;
        }
        putRecord(batch.values, built.record, row.line);
        batch.count++;
      }
      if (batch.rows >= BATCH_ROWS || (batch.rows > 0 && performance.now() - since >= BATCH_MAX_MS)) {
        batch.bytesRead = bytesRead();
        yield batch;
        batch = emptyBatch();
        since = performance.now();
      }
    }
    batch.bytesRead = bytesRead();
    if (batch.rows > 0) yield batch;
  };
}

function emptyBatch(): RowBatch {
  return { rows: 0, count: 0, values: [], errors: [], bytesRead: 0 };
}

/** Appends one record's values in RECORD_COLUMNS order. */
function putRecord(values: RecordValue[], r: CanonicalRecord, line: number): void {
  values.push(hashRecord(r), line, r.start_time, r.end_time, r.duration_seconds, r.caller, r.callee, r.direction,
    r.record_type, r.target, r.dialed_digits, r.imei, r.imsi, r.cell_first, r.cell_last);
}
