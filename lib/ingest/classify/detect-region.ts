import { getCountries, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import metadata from "libphonenumber-js/metadata.min.json";
import { stripAccents } from "./normalize-header";
import { isBareNationalNumber, phoneDigits } from "./value-kinds";

/**
 * Region inference (issue 17): which country's numbering plan a file's national numbers are
 * written in. A call log rarely says it; when it does not, the numbers themselves often do: the
 * share of international spellings (+CC, 00CC) by country code, North American 10-digit shapes,
 * and national numbers with a trunk 0 that are valid in that country. Nothing found = null: US
 * rules are not assumed for numbers that fail them.
 */

export type RegionSource = "carrier" | "preamble" | "numbers";

export interface RegionInput {
  /** The classified carrier: the four US carriers fix the region. */
  carrier: string | null;
  /** Lines before the header (report titles, "Country: IN"). */
  preamble: string[];
  /** Values of the file's party columns (caller, callee, target, other party), any spelling. */
  partyValues: string[];
}

export interface RegionDecision {
  /** ISO 3166-1 alpha-2, or null when the file does not tell. */
  region: string | null;
  source: RegionSource | null;
  /** In [0,1]: 1 for a carrier, about 0.95 for a labelled statement, the winning share of numbers otherwise. */
  confidence: number;
}

const US_CARRIERS = new Set(["att", "verizon", "tmobile", "sprint"]);
const NONE: RegionDecision = { region: null, source: null, confidence: 0 };

/** Minimum share of a file's phone-like party values that must point at one region. */
const MIN_NUMBER_SHARE = 0.3;
/** A bare international number without its "+" (`447700900123`) is weaker evidence than a written "+". */
const BARE_INTERNATIONAL_WEIGHT = 0.5;

export function detectRegion(input: RegionInput): RegionDecision {
  if (input.carrier !== null && US_CARRIERS.has(input.carrier)) return { region: "US", source: "carrier", confidence: 1 };
  const stated = regionFromPreamble(input.preamble);
  if (stated) return { region: stated.region, source: "preamble", confidence: stated.confidence };
  const counted = regionFromNumbers(input.partyValues);
  return counted ? { region: counted.region, source: "numbers", confidence: counted.confidence } : NONE;
}

// ---------------------------------------------------------------------------------------------
// Country calling codes

/** The main region of a country calling code ("44" → GB, "1" → US, "7" → RU), from libphonenumber's metadata. */
export function regionOfCallingCode(cc: string): string | null {
  const regions = (metadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes[cc];
  return regions?.[0] ?? null;
}

/** The calling code of an international spelling (`+44…`, `0044…`, `011 44…`), or null. */
function callingCodeOf(raw: string): string | null {
  const v = raw.trim();
  const compact = v.replace(/[\s().\-/]/g, "");
  let intl: string | null = null;
  if (/^\+\d{7,15}$/.test(compact)) intl = compact;
  else if (/^00[1-9]\d{6,14}$/.test(compact)) intl = `+${compact.slice(2)}`;
  else if (/^011[1-9]\d{6,14}$/.test(compact)) intl = `+${compact.slice(3)}`;
  if (intl === null) return null;
  try {
    return parsePhoneNumberFromString(intl)?.countryCallingCode ?? null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** NANP: area code and exchange both start 2–9, as 10 bare digits, 1 + 10, or written 3-3-4. */
const NANP_TEN = /^[2-9]\d{2}[2-9]\d{6}$/;

function isNanpShape(raw: string): boolean {
  const v = raw.trim();
  if (v.startsWith("+") || phoneDigits(v) === null) return false;
  const digits = v.replace(/\D/g, "");
  const ten = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return NANP_TEN.test(ten);
}

/** All digits, 11–15 long, not NANP, that read as a valid number once a "+" is put in front: an E.164 number that lost its "+". */
function bareInternationalRegion(raw: string): string | null {
  const v = raw.trim();
  if (!/^[1-9]\d{10,14}$/.test(v) || isNanpShape(v)) return null;
  try {
    const p = parsePhoneNumberFromString(`+${v}`);
    return p?.isValid() ? regionOfCallingCode(p.countryCallingCode) : null;
  } catch {
    return null;
  }
}

/** A national number with a trunk 0 (`020 7946 0958`, `(080)33118033`, `07700900123`). */
function trunkNational(raw: string): string | null {
  const v = raw.trim();
  if (!/^[\d\s().\-/]+$/.test(v)) return null;
  const digits = v.replace(/\D/g, "");
  return /^0[1-9]\d{6,12}$/.test(digits) ? digits : null;
}

function validIn(national: string, region: string): boolean {
  if (!isSupportedCountry(region)) return false;
  try {
    return parsePhoneNumberFromString(national, { defaultCountry: region as CountryCode })?.isValid() ?? false;
  } catch {
    return false;
  }
}

/**
 * The region most of the file's numbers belong to: international spellings vote for their
 * calling code's main region (CC 1 → US), North American 10-digit shapes for US, numbers that
 * lost their "+" at half weight; national numbers with a trunk 0 then vote for the leading
 * region when they are valid there. The winner needs the majority of the votes and at least
 * 30 % of the phone-like values; else null.
 */
export function regionFromNumbers(values: string[]): { region: string; confidence: number } | null {
  const votes = new Map<string, number>();
  const vote = (r: string | null, w: number) => {
    if (r) votes.set(r, (votes.get(r) ?? 0) + w);
  };
  const trunk: string[] = [];
  let phoneLike = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (v === "") continue;
    const cc = callingCodeOf(v);
    if (cc) {
      phoneLike++;
      vote(regionOfCallingCode(cc), 1);
      continue;
    }
    if (isNanpShape(v)) {
      phoneLike++;
      vote("US", 1);
      continue;
    }
    const national = trunkNational(v);
    if (national) {
      phoneLike++;
      trunk.push(national);
      continue;
    }
    const bare = bareInternationalRegion(v);
    if (bare) {
      phoneLike++;
      vote(bare, BARE_INTERNATIONAL_WEIGHT);
      continue;
    }
    if (phoneDigits(v) !== null || isBareNationalNumber(v) || /^[\d\s().\-/]{7,}$/.test(v)) phoneLike++;
  }
  const leader = best(votes);
  if (leader === null) return null;
  // Trunk-0 national numbers valid in the leading region strengthen it; they cannot name a region alone.
  const checked = new Map<string, boolean>();
  for (const n of trunk) {
    let ok = checked.get(n);
    if (ok === undefined) checked.set(n, (ok = validIn(n, leader)));
    if (ok) vote(leader, 1);
  }
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const mine = votes.get(leader) ?? 0;
  const confidence = phoneLike === 0 ? 0 : Math.min(1, mine / phoneLike);
  if (mine * 2 <= total || confidence < MIN_NUMBER_SHARE) return null;
  return { region: leader, confidence: Math.round(confidence * 1000) / 1000 };
}

function best(votes: Map<string, number>): string | null {
  let out: string | null = null;
  let top = 0;
  for (const [r, v] of votes) if (v > top) [out, top] = [r, v];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Preamble

/** Names in the languages the header dictionary covers, for "Country: Deutschland". */
const LABEL_LANGUAGES = ["en", "de", "fr", "es", "pt", "it"];
/** Everyday names and abbreviations Intl does not give. */
const ALIASES: Record<string, string> = {
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  usa: "US",
  "u s a": "US",
  "u s": "US",
  "united states of america": "US",
  america: "US",
  holland: "NL",
  "south korea": "KR",
  "north korea": "KP",
  russia: "RU",
  "ivory coast": "CI",
  "czech republic": "CZ",
};
/** English names that are also words, US states or given names: only counted after a "Country:" label. */
const AMBIGUOUS = new Set(["georgia", "jordan", "chad", "guinea", "turkey", "jersey", "man", "niger", "china", "togo", "mali", "oman", "america", "wales"]);

let labelled: Map<string, string> | null = null;
let plain: Map<string, string> | null = null;

const fold = (s: string) =>
  stripAccents(s)
    .toLowerCase()
    .replace(/[.'’]/g, " ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function nameMaps(): { labelled: Map<string, string>; plain: Map<string, string> } {
  if (labelled && plain) return { labelled, plain };
  labelled = new Map();
  plain = new Map();
  for (const lang of LABEL_LANGUAGES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([lang], { type: "region" });
    } catch {
      continue;
    }
    for (const code of getCountries()) {
      const name = names.of(code);
      if (!name || name === code) continue;
      const key = fold(name);
      if (!labelled.has(key)) labelled.set(key, code);
      if (lang === "en" && key.length >= 4 && !AMBIGUOUS.has(key)) plain.set(key, code);
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) {
    labelled.set(k, v);
    if (!AMBIGUOUS.has(k) && (k.length >= 4 || k === "uk" || k === "usa")) plain.set(k, v);
  }
  return { labelled, plain };
}

const LABEL = /\b(?:country|country code|country of origin|region|nation|land|staat|pays|pais|paese|countrycode)\b\s*[:=]\s*([^;,|\t]+)/i;
const CALLING_CODE = /\b(?:dialling|dialing|calling|country|international|telephone|phone)\s+(?:code|prefix)\s*[:=]?\s*(?:\+|00)?(\d{1,3})\b/i;
const PLUS_CODE = /^\+(\d{1,3})$/;

/** A region named by a labelled value: an ISO code (`IN`, `GBR` is not), a calling code (`+44`), or a name. */
function regionFromLabelValue(value: string): string | null {
  const v = value.trim();
  const code = /^([A-Za-z]{2})\b/.exec(v)?.[1]?.toUpperCase();
  if (code && v.length <= 3 && isSupportedCountry(code)) return code;
  const plus = PLUS_CODE.exec(v.split(/\s/)[0] ?? "");
  if (plus) return regionOfCallingCode(plus[1]!);
  const key = fold(v);
  const { labelled: names } = nameMaps();
  if (names.has(key)) return names.get(key)!;
  // "India (IN)", "United Kingdom - London": the longest known name at the start.
  for (let n = key.split(" ").length - 1; n >= 1; n--) {
    const head = key.split(" ").slice(0, n).join(" ");
    if (names.has(head)) return names.get(head)!;
  }
  return null;
}

/**
 * A country the lines before the header state: "Country: IN", "Country: India", "Dialling code +91",
 * "Country code: 44", or (less sure) a country's English name anywhere in a line ("Vodafone
 * United Kingdom call records").
 */
export function regionFromPreamble(preamble: string[]): { region: string; confidence: number } | null {
  for (const line of preamble) {
    const text = stripAccents(line);
    const cc = CALLING_CODE.exec(text);
    if (cc) {
      const r = regionOfCallingCode(cc[1]!);
      if (r) return { region: r, confidence: 0.95 };
    }
    const m = LABEL.exec(text);
    if (m) {
      const r = regionFromLabelValue(m[1]!);
      if (r) return { region: r, confidence: 0.95 };
    }
  }
  const { plain: names } = nameMaps();
  for (const line of preamble) {
    const words = fold(line).split(" ");
    for (let len = Math.min(5, words.length); len >= 1; len--) {
      for (let i = 0; i + len <= words.length; i++) {
        const r = names.get(words.slice(i, i + len).join(" "));
        if (r) return { region: r, confidence: 0.7 };
      }
    }
  }
  return null;
}
