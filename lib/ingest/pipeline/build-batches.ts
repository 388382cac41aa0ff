import type { LayoutPlan } from "../../schemas/mapping";
import type { CanonicalRecord, RowError } from "../../schemas/record";
import { hashRecord } from "../normalize/hash-record";
import { recordBuilderFor } from "../normalize/record-builder";
import { compilePrivacyRules, type PrivacyRuleInput } from "../privacy-rules";
import type { SourceRow, TableSample, TableSource } from "../types";
import { RECORD_COLUMNS, type RecordValue } from "./record-sink";

/** What one step of the build hands to the writer: valid hashed records, rejected rows, and where the reader is. */
export interface RowBatch {
  /** Rows read in this batch (valid + rejected). */
  rows: number;
  /** Valid records, ROW_WIDTH values each (RecordBatch layout). */
  count: number;
  values: RecordValue[];
  /** Valid records a producer found already stored and dropped (StoredHashFilter): duplicates, not in `count`. */
  stored?: number;
  errors: RowError[];
  bytesRead: number;
  /** Set by a producer thread's receiver when the next batch is already waiting (the writer may keep its transaction open). */
  moreReady?: boolean;
}

/**
 * Whether a batch takes one of the writer's credits (threaded-producer.ts). A batch that carries no
 * record and no error — a re-upload's, whose records the producer found stored and dropped — is a
 * few numbers: it is sent without waiting, so producers of a file of duplicates never wait for the
 * writer, while batches of records stay bounded by the credits (their memory is what credits cap).
 */
export function takesCredit(batch: Pick<RowBatch, "count" | "errors">): boolean {
  return batch.count > 0 || batch.errors.length > 0;
}

/**
 * Rows per batch. Small on purpose: whatever is alive when the young generation fills is copied
 * out of it, and a batch under construction always is. Measured on the 1M-row CSV (producer work
 * alone, 4 MB semi-spaces, trace-gc-nvp): 2,000-row batches promoted ~700 MB to the old generation
 * and took 6.7–7.3 s, 500-row batches ~225 MB and 4.7–6.0 s (250 was no better); end to end the
 * first upload went from 10.2–13.1 to 8.5–9.5 s. The SQLite writer groups batches into larger
 * commits, so the database never sees the smaller size.
 */
export const BATCH_ROWS = 500;
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
  const build = recordBuilderFor(plan, sample.sampleRows);
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

/**
 * Appends one record's values in RECORD_COLUMNS order, spelled out (a loop over the field table
 * cost a keyed read per field on every row); PUT_ORDER is checked against the table at start-up.
 */
function putRecord(values: RecordValue[], r: CanonicalRecord, line: number): void {
  values.push(
    hashRecord(r),
    line,
    r.start_time,
    r.end_time,
    r.duration_seconds,
    r.caller,
    r.callee,
    r.direction,
    r.record_type,
    r.target,
    r.dialed_digits,
    r.imei,
    r.imsi,
    r.cell_first,
    r.cell_last,
    stored(r.caller_kind),
    r.caller_raw,
    stored(r.callee_kind),
    r.callee_raw,
    stored(r.target_kind),
    r.target_raw,
    r.repaired ? 1 : 0,
  );
}

/**
 * A party kind as stored: null for `e164`, which the E.164 column beside it already says (records.ts
 * reads it back as e164). Nearly every party of a carrier file is one; writing the word a million
 * times cost time for nothing.
 */
const stored = (kind: string | null): string | null => (kind === "e164" ? null : kind);
const PUT_ORDER =
  "content_hash,line,start_time,end_time,duration_seconds,caller,callee,direction,record_type,target,dialed_digits,imei,imsi,cell_first,cell_last,caller_kind,caller_raw,callee_kind,callee_raw,target_kind,target_raw,repaired";
if (PUT_ORDER !== RECORD_COLUMNS.join(",")) throw new Error("build-batches.ts: putRecord no longer matches RECORD_COLUMNS (lib/schemas/record-fields.ts)");
