import type Database from "better-sqlite3";

/** 32-bit words a fingerprint keeps: the content hash's first 32 hex digits (its 10 of start time, 22 of digest). */
const WORDS = 4;
/** At most this share of the table's slots is filled (linear probing stays short). */
const LOAD = 0.7;
/** Hashes read per statement while loading. */
const PAGE_ROWS = 10_000;
/** The table's size limit: a case with more records than fit keeps the index look-ups (StoredHashProbe). */
export const MAX_FINGERPRINT_BYTES = 32 * 1024 * 1024;

/** The shared buffer's header (Int32 slots), then the table. */
const STATE = 0;
const CAPACITY = 1;
const ZERO_KEY = 2;
const SIZE = 3;
const HEADER_BYTES = 16;
const EMPTY = 0;
const BUILDING = 1;
const READY = 2;
const TOO_BIG = 3;

/**
 * A case's stored content hashes, read once in index order (one sequential scan of the unique
 * index) into an open-addressing table of 128-bit fingerprints, for the re-upload of a file whose
 * batches the index cannot answer by range (rows out of time order, or many targets' rows in the
 * same hours): each batch then cost ~500 random look-ups in the index, ~4–6 µs apiece, where the
 * scan costs under 1 µs a stored hash and a look-up here ~0.4 µs (1M hashes: 5.3–6.9 s of index
 * look-ups against 0.8 s to build + 0.4 s; scripts/bench/stored-hash-lookups.mts).
 *
 * A fingerprint is the hash's start time (40 bits) and the first 88 bits of its SHA-256 digest: two
 * different records are taken for each other only if they start in the same second and share those
 * 88 bits (about 3·10⁻²⁷ for a pair). Memory: 16 bytes a slot, at most MAX_FINGERPRINT_BYTES.
 *
 * The table lives in a SharedArrayBuffer the job's producer threads share (sharedBuffer, fromShared):
 * the first that needs it builds it, the other uses it once it is ready, so a job holds one table
 * (untouched pages of the buffer take no memory). It is a snapshot: hashes stored after the scan
 * are not in it, and are left to the writer's INSERT OR IGNORE, as every record the producers let
 * through is.
 */
export class StoredHashFingerprints {
  private readonly slots: Uint32Array;
  private readonly capacity: number;
  private readonly zeroKey: boolean;
  /** Fingerprints held. */
  readonly size: number;

  private constructor(buffer: SharedArrayBuffer) {
    const header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.capacity = header[CAPACITY]!;
    this.zeroKey = header[ZERO_KEY] === 1;
    this.size = header[SIZE]!;
    this.slots = new Uint32Array(buffer, HEADER_BYTES, this.capacity * WORDS);
  }

  /** An empty buffer for one job's producers to share (it takes memory only once a table is built in it). */
  static sharedBuffer(maxBytes = MAX_FINGERPRINT_BYTES): SharedArrayBuffer {
    return new SharedArrayBuffer(HEADER_BYTES + maxBytes);
  }

  /**
   * The case's table in `buffer`: built here if no one has started it (null if it would not fit),
   * "building" while another thread builds it, then the table (or null: it did not fit).
   */
  static fromShared(db: Database.Database, caseId: number, buffer: SharedArrayBuffer): StoredHashFingerprints | "building" | null {
    const header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    const state = Atomics.compareExchange(header, STATE, EMPTY, BUILDING);
    if (state === BUILDING) return "building";
    if (state === READY) return new StoredHashFingerprints(buffer);
    if (state === TOO_BIG) return null;
    let built = false;
    try {
      built = build(db, caseId, buffer);
    } finally {
      // Published after every write to the table: a thread that reads READY sees them all.
      Atomics.store(header, STATE, built ? READY : TOO_BIG);
    }
    return built ? new StoredHashFingerprints(buffer) : null;
  }

  /** The case's table in a buffer of this thread's own (null when it would need more than maxBytes). */
  static load(db: Database.Database, caseId: number, maxBytes = MAX_FINGERPRINT_BYTES): StoredHashFingerprints | null {
    const table = StoredHashFingerprints.fromShared(db, caseId, StoredHashFingerprints.sharedBuffer(maxBytes));
    return table === "building" ? null : table;
  }

  /** Whether a hash with this fingerprint is stored. */
  has(hash: string): boolean {
    const w0 = hexWord(hash, 0);
    const w1 = hexWord(hash, 8);
    const w2 = hexWord(hash, 16);
    const w3 = hexWord(hash, 24);
    if ((w0 | w1 | w2 | w3) === 0) return this.zeroKey;
    const slots = this.slots;
    for (let i = slotOf(w2, w3, this.capacity); ; i = i + 1 === this.capacity ? 0 : i + 1) {
      const at = i * WORDS;
      const s0 = slots[at]!;
      const s1 = slots[at + 1]!;
      const s2 = slots[at + 2]!;
      const s3 = slots[at + 3]!;
      if ((s0 | s1 | s2 | s3) === 0) return false;
      if (s0 === w0 && s1 === w1 && s2 === w2 && s3 === w3) return true;
    }
  }
}

/** Reads the case's hashes into the buffer's table (in one read transaction); false when they would not fit. */
function build(db: Database.Database, caseId: number, buffer: SharedArrayBuffer): boolean {
  return db.transaction(() => {
    const count = db.prepare(`SELECT count(*) FROM call_records WHERE case_id = ?`).pluck().get(caseId) as number;
    const capacity = Math.max(16, Math.ceil(count / LOAD));
    if (HEADER_BYTES + capacity * WORDS * 4 > buffer.byteLength) return false;
    const header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    const slots = new Uint32Array(buffer, HEADER_BYTES, capacity * WORDS);
    // Rows stored between the count and the scan cannot be seen (one transaction): the table never overfills.
    let size = 0;
    let zeroKey = 0;
    const page = db.prepare(`SELECT content_hash FROM call_records WHERE case_id = ? AND content_hash > ? ORDER BY content_hash LIMIT ${PAGE_ROWS}`).pluck();
    // Pages of the index in key order (all() costs less a row than iterate()).
    for (let after = ""; ;) {
      const hashes = page.all(caseId, after) as string[];
      for (const hash of hashes) {
        const added = add(slots, capacity, hash);
        if (added === "zero") zeroKey = 1;
        if (added !== "held") size++;
      }
      if (hashes.length < PAGE_ROWS) break;
      after = hashes[hashes.length - 1]!;
    }
    header[CAPACITY] = capacity;
    header[ZERO_KEY] = zeroKey;
    header[SIZE] = size;
    return true;
  })();
}

/**
 * Adds a hash's fingerprint; "held" when it already was (an all-zero one is kept apart: it marks
 * empty slots). The probe loop is has()'s, written out again on purpose: a shared helper taking the
 * key as an array made the load 15 % and the look-ups 8 % slower (stored-hash-lookups.mts, 1M).
 */
function add(slots: Uint32Array, capacity: number, hash: string): "added" | "held" | "zero" {
  const w0 = hexWord(hash, 0);
  const w1 = hexWord(hash, 8);
  const w2 = hexWord(hash, 16);
  const w3 = hexWord(hash, 24);
  if ((w0 | w1 | w2 | w3) === 0) return "zero";
  for (let i = slotOf(w2, w3, capacity); ; i = i + 1 === capacity ? 0 : i + 1) {
    const at = i * WORDS;
    if ((slots[at]! | slots[at + 1]! | slots[at + 2]! | slots[at + 3]!) === 0) {
      slots[at] = w0;
      slots[at + 1] = w1;
      slots[at + 2] = w2;
      slots[at + 3] = w3;
      return "added";
    }
    if (slots[at] === w0 && slots[at + 1] === w1 && slots[at + 2] === w2 && slots[at + 3] === w3) return "held";
  }
}

/** The first slot to try: from the digest's words (the leading ones are the start time, far from uniform). */
function slotOf(w2: number, w3: number, capacity: number): number {
  return ((w3 ^ Math.imul(w2, 0x9e3779b1)) >>> 0) % capacity;
}

/** Eight lower-case hex digits from `at` as an unsigned 32-bit number. */
function hexWord(hex: string, at: number): number {
  let v = 0;
  for (let i = at; i < at + 8; i++) {
    const c = hex.charCodeAt(i);
    v = (v << 4) | (c <= 57 ? c - 48 : c - 87);
  }
  return v >>> 0;
}
