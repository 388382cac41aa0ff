import { MemoGate } from "./memo-gate";
import type { PartyKind } from "../../schemas/fields";
import { MAX_PARTY_RAW } from "../../schemas/record-fields";
import { readParty, type PartyClass } from "./party";
import type { CountryCode } from "./phone";

/** One party of a record: E.164 form (or null), kind, the value as written, and whether it was repaired. */
export interface PartyValue {
  e164: string | null;
  kind: PartyKind | null;
  raw: string | null;
  repaired: boolean;
}

export const NO_PARTY: PartyValue = Object.freeze({ e164: null, kind: null, raw: null, repaired: false });
export const WITHHELD_PARTY: PartyValue = Object.freeze({ e164: null, kind: "withheld", raw: null, repaired: false });

/** Reads one party column's non-empty cells; null means the value is no party at all (the row is an error). */
export type PartyReader = (text: string) => PartyValue | null;

/**
 * A reader for one party column. Whether a word (`A`, `alice`) is a party depends on the column:
 * in a column of identifiers (bandicoot's correspondent ids, endpoint names) it is an `id`; in a
 * column of phone numbers a stray word (`abc-def`) is noise and its row an error, as before.
 */
export function compilePartyReader(samples: string[], region: CountryCode | null): PartyReader {
  let words = 0;
  for (const s of samples) if (readParty(s, region) === "word") words++;
  const wordsAreIds = samples.length > 0 && words / samples.length >= 0.5;
  // Values repeat (a target's contacts): one frozen PartyValue per distinct text, not one per row;
  // unless nothing repeats (a tower dump), when the memo only costs (MemoGate).
  const memo = new Map<string, PartyValue | null>();
  const gate = new MemoGate();
  return (text) => {
    if (!gate.open()) return toValue(text, readParty(text, region), wordsAreIds);
    const hit = memo.get(text);
    if (gate.count(hit !== undefined)) memo.clear();
    if (hit !== undefined) return hit;
    const value = toValue(text, readParty(text, region), wordsAreIds);
    if (memo.size >= 20_000) memo.clear();
    memo.set(text, value);
    return value;
  };
}

function toValue(text: string, c: PartyClass, wordsAreIds: boolean): PartyValue | null {
  // A party longer than any address or id (a runaway field, 500,000 digits) is a broken row, not a party.
  if (c === "junk" || text.length > MAX_PARTY_RAW) return null;
  if (c === "word") return wordsAreIds ? Object.freeze({ e164: null, kind: "id", raw: text, repaired: false }) : null;
  // The raw value is kept where it says more than the E.164 form: for every other kind, and for a
  // repaired number (what the spreadsheet left). A plain number's spelling ("(212) 555-0147") is
  // formatting, and storing it for every row of a million cost ~10 % of the load (docs/benchmarks.md).
  const raw = c.kind === "e164" && !c.repaired ? null : text;
  return Object.freeze({ e164: c.e164, kind: c.kind, raw, repaired: c.repaired });
}

/** The party's identity for comparisons (direction relative to the target): the E.164 form, else the raw value. */
export function partyIdentity(p: PartyValue): string | null {
  return p.e164 ?? p.raw;
}
