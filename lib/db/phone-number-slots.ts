/** Digits a key can hold: 8–15 (the length goes into 3 bits, and 15 digits scaled by 8 stay under 2^53). */
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);
/** Small: the scanner holds one table per target (ContactTallies), and a file may name thousands of targets. */
const INITIAL = 32;
/** At most this share of the table is filled (linear probing stays short). */
const LOAD = 0.5;

/**
 * Slot numbers of `+digits` phone numbers (E.164: a `+`, then 8–15 digits, the first not 0), keyed
 * by one double each instead of a string in a Map: a tower dump's million numbers cost 24–48 bytes
 * a number here (a double and a slot, the table between a quarter and half full) against ~90 in a
 * Map (its entry and the retained string), and no string hashing. The key sorts as the number's
 * text does: the digits scaled to 15 places, times 8, plus (length − 8), so `+15550000` <
 * `+155500000` as in a string sort.
 */
export class PhoneNumberSlots {
  private keys = new Float64Array(INITIAL);
  private slots = new Int32Array(INITIAL);
  private mask = INITIAL - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The key of `num`, or 0 when it is not a `+digits` number of 8–15 digits (or starts with +0). */
  static keyOf(num: string): number {
    const n = num.length - 1;
    if (n < MIN_DIGITS || n > MAX_DIGITS || num.charCodeAt(0) !== 43 || num.charCodeAt(1) === 48) return 0;
    let v = 0;
    for (let k = 1; k <= n; k++) {
      const d = num.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return 0;
      v = v * 10 + d;
    }
    return v * POW10[MAX_DIGITS - n]! * 8 + (n - MIN_DIGITS);
  }

  /** The number a key was made from (`+digits`, exactly as written). */
  static numberOf(key: number): string {
    const n = (key % 8) + MIN_DIGITS;
    return "+" + String((key - (n - MIN_DIGITS)) / 8 / POW10[MAX_DIGITS - n]!);
  }

  /** The slot stored under `key`, or -1. */
  get(key: number): number {
    for (let i = hashOf(key) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i]!;
      if (k === key) return this.slots[i]!;
      if (k === 0) return -1;
    }
  }

  /** Stores `slot` under a key not held yet. */
  add(key: number, slot: number): void {
    if (this.count + 1 > this.keys.length * LOAD) this.grow();
    this.place(key, slot);
    this.count++;
  }

  /** The keys held, ascending (their numbers' text order). */
  sortedKeys(): Float64Array {
    const out = new Float64Array(this.count);
    let at = 0;
    for (const k of this.keys) if (k !== 0) out[at++] = k;
    return out.sort();
  }

  /** Every (key, slot) held, in no particular order. */
  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) yield [this.keys[i]!, this.slots[i]!];
  }

  private place(key: number, slot: number): void {
    let i = hashOf(key) & this.mask;
    while (this.keys[i] !== 0) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.slots[i] = slot;
  }

  private grow(): void {
    const [keys, slots] = [this.keys, this.slots];
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.place(keys[i]!, slots[i]!);
  }
}

/** A 32-bit mix of a key's low and high bits (keys are integers below 2^53). */
function hashOf(key: number): number {
  const lo = (key % 4294967296) | 0;
  const hi = (key / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}
