import type Database from "better-sqlite3";

/** 32-bit words a fingerprint keeps: the content hash's first 32 hex digits (its 10 of start time, 22 of digest). */
const WORDS = 4;
/** At most this share of the table's slots is filled (linear probing stays short). */
const LOAD = 0.7;
/** Hashes read per statement while loading. */
const PAGE_ROWS = 10_000;
/** The table's size limit: a case with more records than fit keeps the index look-ups (StoredHashProbe). */
export const MAX_FINGERPRINT_BYTES = 32 * 1024 * 1024;

/**
 * A case's stored content hashes, read once in index order (one sequential scan of the unique
 * index) into an open-addressing table of 128-bit fingerprints, for the re-upload of a file whose
 * batches the index cannot answer by range (rows out of time order, or many targets' rows in the
 * same hours): each batch then cost ~500 random look-ups in the index, ~4 µs apiece, where the scan
 * costs ~0.6 µs a stored hash and a look-up here ~0.1 µs (1M hashes: 4.0–4.4 s of look-ups against
 * ~0.7 s to build; scripts/bench/stored-hash-lookups.mts).
 *
 * A fingerprint is the hash's start time (40 bits) and the first 88 bits of its SHA-256 digest: two
 * different records are taken for each other only if they start in the same second and share those
 * 88 bits (about 3·10⁻²⁷ for a pair). Memory: 16 bytes a slot, at most MAX_FINGERPRINT_BYTES.
 *
 * A snapshot: hashes stored after the scan are not in it, and are left to the writer's INSERT OR
 * IGNORE, as every record the producers let through is.
 */
export class StoredHashFingerprints {
  private zeroKey = false;

  private constructor(
    private readonly slots: Uint32Array,
    private readonly capacity: number,
    /** Fingerprints held. */
    public size: number,
  ) {}

  /** The case's stored hashes, or null when they would need more than maxBytes. */
  static load(db: Database.Database, caseId: number, maxBytes = MAX_FINGERPRINT_BYTES): StoredHashFingerprints | null {
    return db.transaction(() => {
      const count = db.prepare(`SELECT count(*) FROM call_records WHERE case_id = ?`).pluck().get(caseId) as number;
      const capacity = Math.max(16, Math.ceil(count / LOAD));
      if (capacity * WORDS * 4 > maxBytes) return null;
      const set = new StoredHashFingerprints(new Uint32Array(capacity * WORDS), capacity, 0);
      // Pages of the index in key order (all() costs less a row than iterate()).
      const page = db.prepare(`SELECT content_hash FROM call_records WHERE case_id = ? AND content_hash > ? ORDER BY content_hash LIMIT ${PAGE_ROWS}`).pluck();
      for (let after = ""; ;) {
        const hashes = page.all(caseId, after) as string[];
        for (const hash of hashes) set.add(hash);
        if (hashes.length < PAGE_ROWS) return set;
        after = hashes[hashes.length - 1]!;
      }
    })();
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

  private add(hash: string): void {
    // Rows stored between the count and the scan (another loader's commit) are left out: the table never overfills.
    if (this.size >= this.capacity * LOAD) return;
    const w0 = hexWord(hash, 0);
    const w1 = hexWord(hash, 8);
    const w2 = hexWord(hash, 16);
    const w3 = hexWord(hash, 24);
    this.size++;
    // An all-zero slot marks an empty one, so the all-zero fingerprint is held apart.
    if ((w0 | w1 | w2 | w3) === 0) {
      this.zeroKey = true;
      return;
    }
    const slots = this.slots;
    for (let i = slotOf(w2, w3, this.capacity); ; i = i + 1 === this.capacity ? 0 : i + 1) {
      const at = i * WORDS;
      if ((slots[at]! | slots[at + 1]! | slots[at + 2]! | slots[at + 3]!) === 0) {
        slots[at] = w0;
        slots[at + 1] = w1;
        slots[at + 2] = w2;
        slots[at + 3] = w3;
        return;
      }
      if (slots[at] === w0 && slots[at + 1] === w1 && slots[at + 2] === w2 && slots[at + 3] === w3) {
        this.size--;
        return;
      }
    }
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
