import { isoFromMs } from "../ingest/normalize/fast-clock";
import { PhoneNumberSlots } from "./phone-number-slots";
import { grownColumn } from "./typed-columns";

/** One contact of one target as the scan counted it (what a contacts row holds). */
export interface ContactTally {
  /** What the number is (e164, extension, service, withheld, …): the smallest non-null kind seen, as MIN(kind) of the SQL recounts. */
  kind: string | null;
  first: string;
  last: string;
  calls: number;
  messages: number;
}

/** Small: the scanner holds one per target, and a file may name thousands (0.7 KB each with a few numbers; 6.8 KB from 256). */
const INITIAL = 16;

/**
 * A target's contact tallies, fed in time order (JobScanner), in columns instead of one object per
 * number: a tower dump names a million different numbers, and an object with two retained time
 * strings per number cost ~180 bytes each (a 1M-number file peaked at 560–630 MB in the server).
 * Here a number costs 25 bytes of typed arrays and its slot: 24–48 bytes for an E.164 number
 * (PhoneNumberSlots), a Map entry for any other. Times are kept as milliseconds and written back
 * with isoFromMs, which gives back exactly the canonical `YYYY-MM-DDTHH:MM:SSZ` every stored start
 * time has (the record builder writes them with it); any other spelling is kept as text beside
 * (`texts`), so what comes out is always what went in.
 */
export class ContactTallies implements Iterable<[string, ContactTally]> {
  /** E.164 numbers' slots (most of a file's), keyed by a double; every other number's below. */
  private readonly phones = new PhoneNumberSlots();
  private readonly slot = new Map<string, number>();
  private readonly kindNames: (string | null)[] = [];
  private kind = new Uint8Array(INITIAL);
  private first = new Float64Array(INITIAL);
  private last = new Float64Array(INITIAL);
  private calls = new Uint32Array(INITIAL);
  private messages = new Uint32Array(INITIAL);
  private texts: Map<number, { first: string; last: string }> | null = null;

  get size(): number {
    return this.phones.size + this.slot.size;
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.phones.entries()) yield PhoneNumberSlots.numberOf(key);
    yield* this.slot.keys();
  }

  /** One record naming `num`, starting at `start` (`ms`), no earlier than any noted before. */
  note(num: string, kind: string | null, start: string, ms: number, voice: number, message: number): void {
    const key = PhoneNumberSlots.keyOf(num);
    let i = key !== 0 ? this.phones.get(key) : (this.slot.get(num) ?? -1);
    const isNew = i < 0;
    if (isNew) {
      i = this.size;
      if (i === this.first.length) this.grow();
      if (key !== 0) this.phones.add(key, i);
      else this.slot.set(num, i);
      this.kind[i] = this.kindIndex(kind);
      this.first[i] = ms;
    } else if (kind !== null) {
      // MIN(kind) of the recounts, which skips nulls: a number's kind rarely changes, so this is one lookup.
      const k = this.kindIndex(kind);
      const was = this.kindNames[this.kind[i]!] ?? null;
      if (k !== this.kind[i] && (was === null || kind < was)) this.kind[i] = k;
    }
    this.last[i] = ms;
    this.calls[i]! += voice;
    this.messages[i]! += message;
    const text = this.texts?.get(i);
    if (text) text.last = start;
    else if (!canonical(start)) (this.texts ??= new Map()).set(i, { first: isNew ? start : isoFromMs(this.first[i]!), last: start });
  }

  /**
   * The tallies in the order of their numbers: inserted that way, the contacts index grows at its
   * edge instead of at random (1M contacts of one target: 9.1 s at random). Only the numbers are
   * sorted (the E.164 ones as doubles, merged with the others' strings); each tally is built as it
   * is read.
   */
  *sorted(): IterableIterator<[string, ContactTally]> {
    const keys = this.phones.sortedKeys();
    const others = [...this.slot.keys()].sort();
    let o = 0;
    for (const key of keys) {
      const num = PhoneNumberSlots.numberOf(key);
      for (; o < others.length && others[o]! < num; o++) yield [others[o]!, this.tally(this.slot.get(others[o]!)!)];
      yield [num, this.tally(this.phones.get(key))];
    }
    for (; o < others.length; o++) yield [others[o]!, this.tally(this.slot.get(others[o]!)!)];
  }

  *[Symbol.iterator](): IterableIterator<[string, ContactTally]> {
    for (const [key, i] of this.phones.entries()) yield [PhoneNumberSlots.numberOf(key), this.tally(i)];
    for (const [num, i] of this.slot) yield [num, this.tally(i)];
  }

  private tally(i: number): ContactTally {
    const text = this.texts?.get(i);
    return {
      kind: this.kindNames[this.kind[i]!] ?? null,
      first: text?.first ?? isoFromMs(this.first[i]!),
      last: text?.last ?? isoFromMs(this.last[i]!),
      calls: this.calls[i]!,
      messages: this.messages[i]!,
    };
  }

  private kindIndex(kind: string | null): number {
    const at = this.kindNames.indexOf(kind);
    if (at >= 0) return at;
    if (this.kindNames.length === 255) throw new Error("ContactTallies: more than 255 party kinds");
    return this.kindNames.push(kind) - 1;
  }

  private grow(): void {
    const n = this.first.length * 2;
    this.kind = grownColumn(this.kind, new Uint8Array(n));
    this.first = grownColumn(this.first, new Float64Array(n));
    this.last = grownColumn(this.last, new Float64Array(n));
    this.calls = grownColumn(this.calls, new Uint32Array(n));
    this.messages = grownColumn(this.messages, new Uint32Array(n));
  }
}

/** The 20-character `YYYY-MM-DDTHH:MM:SSZ` form isoFromMs writes (and isoInstantMs reads fast). */
function canonical(s: string): boolean {
  return s.length === 20 && s.charCodeAt(19) === 90 && s.charCodeAt(10) === 84;
}
