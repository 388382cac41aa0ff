import examples from "libphonenumber-js/mobile/examples";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";

/** A small deterministic PRNG (mulberry32): the same seed gives the same sample on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_REGIONS: CountryCode[] = ["US", "GB", "DE", "FR", "IN", "MX", "BR", "AU", "CA"];

/** National significant number starts for fixed lines (and a few others) per region; mobiles come from the library's examples. */
const FIXED: Record<string, { starts: string[]; length: number[] }> = {
  US: { starts: ["212", "415", "650", "312", "713", "305", "800", "999", "555", "911", "123"], length: [10] },
  CA: { starts: ["416", "604", "514", "613", "204"], length: [10] },
  GB: { starts: ["20", "121", "131", "161", "1632", "118", "800", "3"], length: [9, 10] },
  DE: { starts: ["30", "89", "40", "221", "69", "15", "17", "180"], length: [7, 8, 9, 10, 11] },
  FR: { starts: ["1", "2", "3", "4", "5", "6", "7", "9", "8"], length: [9] },
  IN: { starts: ["11", "22", "80", "40", "9", "8", "7", "6"], length: [10] },
  MX: { starts: ["55", "33", "81", "1", "222", "999"], length: [10] },
  BR: { starts: ["11", "21", "31", "61", "119", "219", "800"], length: [10, 11] },
  AU: { starts: ["2", "3", "7", "8", "4", "13", "1800"], length: [9, 10] },
};
const TRUNK: Record<string, string> = { US: "1", CA: "1", GB: "0", DE: "0", FR: "0", IN: "0", MX: "", BR: "0", AU: "0" };

/** One national significant number of `region`: an example mobile or a fixed-line start with random digits after it, or random digits. */
function nationalNumber(region: CountryCode, rnd: () => number): string {
  const digit = () => String(Math.floor(rnd() * 10));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const r = rnd();
  let base: string;
  let length: number;
  if (r < 0.4) {
    base = (examples as Record<string, string>)[region] ?? "";
    const keep = Math.max(1, base.length - 3 - Math.floor(rnd() * 4));
    length = base.length;
    base = base.slice(0, keep);
  } else if (r < 0.85) {
    const f = FIXED[region]!;
    base = pick(f.starts);
    length = pick(f.length);
  } else {
    base = "";
    length = 6 + Math.floor(rnd() * 8);
  }
  let s = base;
  while (s.length < length) s += digit();
  return s;
}

/** Groups of digits joined by a separator, sometimes the first group in parentheses. */
function spell(digits: string, rnd: () => number): string {
  const sep = [" ", "-", ".", " ", ""][Math.floor(rnd() * 5)] as string;
  if (sep === "" && rnd() < 0.7) return digits;
  const groups: string[] = [];
  let i = 0;
  while (i < digits.length) {
    const n = 2 + Math.floor(rnd() * 3);
    groups.push(digits.slice(i, i + n));
    i += n;
  }
  if (groups.length > 1 && rnd() < 0.25) groups[0] = `(${groups[0]})`;
  return groups.join(sep || " ");
}

export interface PhoneCase {
  raw: string;
  region: CountryCode;
}

/**
 * `n` phone spellings (deterministic for a seed) in mixed forms: national with and without the
 * trunk prefix, +CC, 00CC, 011CC, CC without a plus; spaces, dashes, dots, parentheses; read in
 * the number's own region, in the US, or in another sample region. Many are valid, many are not.
 */
export function phoneSample(n: number, seed = 20): PhoneCase[] {
  const rnd = prng(seed);
  const out: PhoneCase[] = [];
  for (let k = 0; k < n; k++) {
    const home = SAMPLE_REGIONS[Math.floor(rnd() * SAMPLE_REGIONS.length)] as CountryCode;
    const nn = nationalNumber(home, rnd);
    const cc = getCountryCallingCode(home);
    const form = rnd();
    let digits: string;
    let plus = false;
    if (form < 0.3) digits = nn;
    else if (form < 0.45) digits = `${TRUNK[home]}${nn}`;
    else if (form < 0.7) ((digits = `${cc}${nn}`), (plus = true));
    else if (form < 0.8) digits = `00${cc}${nn}`;
    else if (form < 0.88) digits = `011${cc}${nn}`;
    else if (form < 0.95) digits = `${cc}${nn}`;
    else ((digits = `${cc}0${nn}`), (plus = true));
    const text = spell(digits, rnd);
    const where = rnd();
    const region = where < 0.6 ? home : where < 0.8 ? "US" : (SAMPLE_REGIONS[Math.floor(rnd() * SAMPLE_REGIONS.length)] as CountryCode);
    out.push({ raw: plus ? (rnd() < 0.5 ? `+${text}` : `+ ${text}`) : text, region });
  }
  return out;
}
