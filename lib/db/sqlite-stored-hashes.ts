import Database from "better-sqlite3";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";

/** A probe that finds fewer stored rows than this share stops probing for a while (a first upload). */
const MIN_STORED_SHARE = 0.1;
/** Batches sent unprobed after such a miss; the next probe tells whether duplicates came back. */
const SKIP_AFTER_MISS = 15;

/** A batch's records less the ones already stored, and how many those were. */
export interface UnstoredRecords {
  count: number;
  values: RecordValue[];
  stored: number;
}

/**
 * Drops, in a row-producer thread, the records whose content hash the job's case already holds in
 * the SQLite database (the content key is unique per case: another case's copy is no duplicate),
 * so a re-upload's duplicates are never copied to the writer thread, deserialized there and probed
 * under the write lock: they are counted as duplicates and go no further. Measured on the 1M-row
 * re-upload: see docs/benchmarks.md ("producers drop stored duplicates").
 *
 * It reads through its own read-only connection, outside the writer's transaction: it sees what was
 * committed when it probes. A record it drops was stored at that moment; one deleted afterwards (its
 * job deleted while this file loads) is gone exactly as if it had been deleted just after this file
 * loaded — the duplicates of a deleted job's records are never re-homed, whoever detected them. What
 * it lets through (not stored yet, or stored by this load's own uncommitted transaction) meets
 * INSERT OR IGNORE in the writer as before, so nothing is ever inserted twice.
 *
 * The probe is the writer's (SqliteRecordSink.withoutStored): hashes lead with the start time, so
 * one index range scan returns every stored hash within a batch's span.
 */
export class StoredHashFilter {
  private readonly probeRange: Database.Statement;
  private skip = 0;

  private constructor(
    private readonly db: Database.Database,
    private readonly caseId: number,
  ) {
    // The writer's probe (SqliteRecordSink), on the unique index (case_id, content_hash).
    this.probeRange = db.prepare(`SELECT content_hash FROM call_records WHERE case_id = ? AND content_hash BETWEEN ? AND ? LIMIT ?`).pluck();
  }

  /** A filter on the case's records in the database file, or null when it cannot be opened read-only (then the writer alone deduplicates). */
  static open(file: string, caseId: number): StoredHashFilter | null {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma("busy_timeout = 5000");
      // The probes read a few index pages at the right edge; the writer's cache is where the work is.
      db.pragma("cache_size = -2048");
      return new StoredHashFilter(db, caseId);
    } catch {
      return null;
    }
  }

  /** The batch's records that are not stored (the same array when nothing was dropped or it was not probed). */
  unstored(count: number, values: RecordValue[]): UnstoredRecords {
    if (count === 0 || this.skip > 0) {
      this.skip = Math.max(0, this.skip - 1);
      return { count, values, stored: 0 };
    }
    const [lo, hi] = hashSpan(count, values);
    // More stored hashes of the case in the span than twice the batch: other targets' records of
    // the same period. Reading them all would cost more than the writer's own probe; leave it to the writer.
    const limit = count * 2;
    const inRange = this.probeRange.all(this.caseId, lo, hi, limit + 1) as string[];
    if (inRange.length > limit || inRange.length === 0) return this.miss(count, values);
    const kept = withoutHashes(count, values, new Set(inRange));
    const keptCount = kept.count;
    if (count - keptCount < count * MIN_STORED_SHARE) this.skip = SKIP_AFTER_MISS;
    return keptCount === count ? { count, values, stored: 0 } : { ...kept, stored: count - keptCount };
  }

  close(): void {
    this.db.close();
  }

  private miss(count: number, values: RecordValue[]): UnstoredRecords {
    this.skip = SKIP_AFTER_MISS;
    return { count, values, stored: 0 };
  }
}

/** The lowest and highest content hash of a batch's records (hashes lead with the start time: its time span). */
export function hashSpan(count: number, values: RecordValue[]): [string, string] {
  let lo = values[COL.hash] as string;
  let hi = lo;
  for (let at = COL.hash; at < count * ROW_WIDTH; at += ROW_WIDTH) {
    const hash = values[at] as string;
    if (hash < lo) lo = hash;
    else if (hash > hi) hi = hash;
  }
  return [lo, hi];
}

/** The batch's records whose content hash is not in `stored`, in order. */
export function withoutHashes(count: number, values: RecordValue[], stored: ReadonlySet<string>): RecordBatch {
  const kept: RecordValue[] = [];
  let keptCount = 0;
  for (let at = 0; at < count * ROW_WIDTH; at += ROW_WIDTH) {
    if (stored.has(values[at + COL.hash] as string)) continue;
    for (let c = 0; c < ROW_WIDTH; c++) kept.push(values[at + c]!);
    keptCount++;
  }
  return { count: keptCount, values: kept };
}
