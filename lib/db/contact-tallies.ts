import { isoFromMs } from "../ingest/normalize/fast-clock";
import { grownColumn } from "./typed-columns";

/** One contact of one target as the scan counted it (what a contacts row holds). */
export interface ContactTally {
  /** What the number is (e164, extension, service, withheld, …: the party kind of record-fields.ts). */
  kind: string | null;
  first: string;
  last: string;
  calls: number;
  messages: number;
}

const INITIAL = 256;

/**
 * A target's contact tallies, fed in time order (JobScanner), in columns instead of one object per
 * number: a tower dump names a million different numbers, and an object with two retained time
 * strings per number cost ~180 bytes each (a 1M-number file peaked at 560–630 MB in the server).
 * Here a number costs its Map entry and 25 bytes of typed arrays. Times are kept as milliseconds
 * and written back with isoFromMs, which gives back exactly the canonical `YYYY-MM-DDTHH:MM:SSZ`
 * every stored start time has (the record builder writes them with it); any other spelling is kept
 * as text beside (`texts`), so what comes out is always what went in.
 */
export class ContactTallies implements Iterable<[string, ContactTally]> {
  private readonly slot = new Map<string, number>();
  private readonly kindNames: (string | null)[] = [];
  private kind = new Uint8Array(INITIAL);
  private first = new Float64Array(INITIAL);
  private last = new Float64Array(INITIAL);
  private calls = new Uint32Array(INITIAL);
  private messages = new Uint32Array(INITIAL);
  private texts: Map<number, { first: string; last: string }> | null = null;

  get size(): number {
    return this.slot.size;
  }

  keys(): IterableIterator<string> {
    return this.slot.keys();
  }

  /** One record naming `num`, starting at `start` (`ms`), no earlier than any noted before. The kind is the first sighting's. */
  note(num: string, kind: string | null, start: string, ms: number, voice: number, message: number): void {
    let i = this.slot.get(num);
    const isNew = i === undefined;
    if (i === undefined) {
      i = this.slot.size;
      if (i === this.first.length) this.grow();
      this.slot.set(num, i);
      this.kind[i] = this.kindIndex(kind);
      this.first[i] = ms;
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
   * sorted; each tally is built as it is read.
   */
  *sorted(): IterableIterator<[string, ContactTally]> {
    for (const num of [...this.slot.keys()].sort()) yield [num, this.tally(this.slot.get(num)!)];
  }

  *[Symbol.iterator](): IterableIterator<[string, ContactTally]> {
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
