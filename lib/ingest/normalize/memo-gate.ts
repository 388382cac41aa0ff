/** Lookups per verdict. */
const WINDOW = 4096;
/** A window with fewer hits than this share turns the memo off. */
const MIN_HIT_SHARE = 0.05;
/** Lookups that skip the memo after a verdict against it; then it is tried again. */
const OFF_FOR = 16 * WINDOW;

/**
 * Whether a memo pays, decided as it goes. Carrier files repeat a few hundred numbers over a
 * million rows (nearly every lookup hits); a tower dump repeats none, and there a memo is pure
 * cost: a Map get and set per value and every entry kept alive until its generation is dropped
 * (2026-12-03, the bench's distinct file: ~1 s of each producer's ~7.5 s, plus collector time).
 * After a window of lookups that almost never hit, the memo is skipped for a while, then sampled
 * again: a file whose numbers start repeating later loses at most OFF_FOR computations.
 */
export class MemoGate {
  private lookups = 0;
  private hits = 0;
  private off = 0;

  /** False while the memo is off: compute directly, do not look up or store. */
  open(): boolean {
    if (this.off === 0) return true;
    this.off--;
    return false;
  }

  /** Counts a lookup; true when this one closed the gate (the memo's entries can be dropped). */
  count(hit: boolean): boolean {
    if (hit) this.hits++;
    if (++this.lookups < WINDOW) return false;
    const closes = this.hits < WINDOW * MIN_HIT_SHARE;
    this.lookups = 0;
    this.hits = 0;
    if (closes) this.off = OFF_FOR;
    return closes;
  }
}
