import Database from "better-sqlite3";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";
import { StoredHashFingerprints } from "./stored-hash-fingerprints";

/** A probe that finds fewer stored rows than this share stops probing for a while (a first upload). */
const MIN_STORED_SHARE = 0.1;
/** Batches sent unprobed after such a miss; the next probe tells whether duplicates came back. */
const SKIP_AFTER_MISS = 15;

/** Hashes per IN probe. */
const HASHES_PER_PROBE = 500;
/** The case's stored hashes among n (the unique index (case_id, content_hash) answers it alone). */
const probeSql = (n: number) => `SELECT content_hash FROM call_records WHERE case_id = ? AND content_hash IN (${Array(n).fill("?").join(", ")})`;
/** The case's stored hashes in a batch's span: one range scan of the unique index (case_id, content_hash). */
const PROBE_RANGE_SQL = `SELECT content_hash FROM call_records WHERE case_id = ? AND content_hash BETWEEN ? AND ? LIMIT ?`;

/**
 * Which of a batch's content hashes the case already holds, on one connection (the writer's or a
 * producer's read-only one). Hashes start with the record's start time, so a batch's hashes span a
 * narrow key range: one index range scan returns every stored hash in it (a re-upload reads back
 * exactly its own rows, in index order). When that range holds more than twice the batch (a file
 * out of time order, whose batches span months; other targets' records of the same period) it
 * asks for the batch's hashes themselves, 500 to an IN. Either way one bound value per row,
 * touching only the hash index.
 */
export class StoredHashProbe {
  private readonly range: Database.Statement;
  private readonly many: Database.Statement;
  /** Whether the last batch's span held too many stored hashes to read (so its hashes were looked up one by one). */
  crowded = false;

  constructor(
    private readonly db: Database.Database,
    private readonly caseId: number,
  ) {
    this.range = db.prepare(PROBE_RANGE_SQL).pluck();
    this.many = db.prepare(probeSql(HASHES_PER_PROBE)).pluck();
  }

  stored(count: number, values: RecordValue[]): Set<string> {
    if (count === 0) return new Set();
    const [lo, hi] = hashSpan(count, values);
    const limit = count * 2;
    const inRange = this.range.all(this.caseId, lo, hi, limit + 1) as string[];
    this.crowded = inRange.length > limit;
    return this.crowded ? this.each(count, values) : new Set(inRange);
  }

  private each(count: number, values: RecordValue[]): Set<string> {
    const stored = new Set<string>();
    // The case id first, then the hashes.
    const params: (string | number)[] = new Array(HASHES_PER_PROBE + 1);
    params[0] = this.caseId;
    let i = 0;
    for (; i + HASHES_PER_PROBE <= count; i += HASHES_PER_PROBE) {
      for (let k = 0; k < HASHES_PER_PROBE; k++) params[k + 1] = values[(i + k) * ROW_WIDTH + COL.hash] as string;
      for (const h of this.many.all(params) as string[]) stored.add(h);
    }
    if (i < count) {
      const rest: (string | number)[] = [this.caseId];
      for (; i < count; i++) rest.push(values[i * ROW_WIDTH + COL.hash] as string);
      for (const h of this.db
        .prepare(probeSql(rest.length - 1))
        .pluck()
        .all(rest) as string[])
        stored.add(h);
    }
    return stored;
  }
}

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
 * The probe is the writer's (StoredHashProbe, as SqliteRecordSink.withoutStored uses it), so a
 * re-upload of a file out of time order is filtered here too, not left to the one writer. When its
 * batches keep asking for their hashes one by one (a crowded span) and find most of them stored,
 * the case's hashes are read once into memory instead (StoredHashFingerprints), if they fit.
 */
export class StoredHashFilter {
  private readonly probe: StoredHashProbe;
  private skip = 0;
  private fingerprints: StoredHashFingerprints | null = null;
  /** Set once the case's hashes turned out too many to hold. */
  private noFingerprints = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly caseId: number,
    /** Where the job's producers keep the one table they share (StoredHashFingerprints.sharedBuffer), else one of this filter's own. */
    private shared: SharedArrayBuffer | undefined,
  ) {
    this.probe = new StoredHashProbe(db, caseId);
  }

  /** A filter on the case's records in the database file, or null when it cannot be opened read-only (then the writer alone deduplicates). */
  static open(file: string, caseId: number, shared?: SharedArrayBuffer): StoredHashFilter | null {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma("busy_timeout = 5000");
      // The probes read a few index pages at the right edge; the writer's cache is where the work is.
      db.pragma("cache_size = -2048");
      return new StoredHashFilter(db, caseId, shared);
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
    const stored = this.fingerprints ? this.inFingerprints(this.fingerprints, count, values) : this.probe.stored(count, values);
    if (!this.fingerprints && !this.noFingerprints && this.probe.crowded && stored.size >= count * MIN_STORED_SHARE) this.takeFingerprints();
    // Few stored: a first upload (or new calls); probe again only now and then (in memory, every batch).
    if (stored.size < count * MIN_STORED_SHARE && !this.fingerprints) this.skip = SKIP_AFTER_MISS;
    if (stored.size === 0) return { count, values, stored: 0 };
    const kept = withoutHashes(count, values, stored);
    return kept.count === count ? { count, values, stored: 0 } : { ...kept, stored: count - kept.count };
  }

  /** The shared table: built here, or taken once the other producer has built it (until then the index answers). */
  private takeFingerprints(): void {
    this.shared ??= StoredHashFingerprints.sharedBuffer();
    let table: ReturnType<typeof StoredHashFingerprints.fromShared>;
    try {
      table = StoredHashFingerprints.fromShared(this.db, this.caseId, this.shared);
    } catch {
      // Reading the hashes failed (the buffer says so to the other producer): the index look-ups,
      // which read the same database, go on, and report a real failure themselves.
      table = null;
    }
    if (table === null) this.noFingerprints = true;
    else if (table !== "building") this.fingerprints = table;
  }

  /** The batch's hashes the fingerprints hold. */
  private inFingerprints(fingerprints: StoredHashFingerprints, count: number, values: RecordValue[]): Set<string> {
    const stored = new Set<string>();
    for (let at = COL.hash; at < count * ROW_WIDTH; at += ROW_WIDTH) {
      const hash = values[at] as string;
      if (fingerprints.has(hash)) stored.add(hash);
    }
    return stored;
  }

  close(): void {
    this.db.close();
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
