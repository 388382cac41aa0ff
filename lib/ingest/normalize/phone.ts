import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { fastPhone } from "./phone-fast";
import { regionMemo } from "./region-memo";

export type { CountryCode };

/**
 * Phone text → E.164, or null when it is not a phone number.
 *
 * Carrier files repeat the same few hundred numbers across a million rows, so results are memoized
 * per region (bounded: the oldest entry goes when the cap is reached). Files where almost every
 * number differs (tower dumps) do not repeat: well-formed national and +CC numbers take a fast
 * path that gives exactly the library's answer (phone-fast.ts); everything else goes through
 * libphonenumber's full ("max") metadata.
 */
export function normalizePhone(raw: string, region: CountryCode = "US"): string | null {
  return memoized(raw, region);
}

const memoized = regionMemo((raw, region) => parsePhoneUncached(raw, region as CountryCode));

/** The same as normalizePhone without the memo (for measuring and for one-off calls). */
export function parsePhoneUncached(raw: string, region: CountryCode = "US"): string | null {
  return readPhone(raw, region)?.number ?? null;
}

/** A phone number read from text: its E.164 form, and whether spreadsheet damage had to be undone to get it. */
export interface PhoneReading {
  number: string;
  /** A lost leading 0/00/011 was restored, or digits were read back from scientific notation or a float. */
  repaired: boolean;
}

/** Phone text → E.164 with the repair flag, or null; not memoized (party.ts memoizes its own readings). */
export function readPhone(raw: string, region: CountryCode = "US"): PhoneReading | null {
  if (typeof raw !== "string") return null; // cells from JSON sources may be anything
  const fast = fastPhone(raw, region);
  if (fast !== undefined) return { number: fast, repaired: false };
  return parseWithLibrary(raw, region);
}

/** readPhone without the fast path: the reference the fast path is held to (phone-fast.test.ts). */
export function readPhoneWithLibrary(raw: string, region: CountryCode = "US"): PhoneReading | null {
  return typeof raw === "string" ? parseWithLibrary(raw, region) : null;
}

const plain = (number: string): PhoneReading => ({ number, repaired: false });

// "2.12555E+09": Excel already dropped digits; no way back. "1.2125550147E+10" kept every digit.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const EXACT_SCIENTIFIC = /^\+?(\d)[.,](\d+)e\+?(\d+)$/i;
// "2125551234.0": a number cell rendered as a float.
const EXCEL_FLOAT = /^(\+?\d+)\.0+$/;

function parseWithLibrary(raw: string, region: CountryCode): PhoneReading | null {
  const text = fixInternationalMistakes(unwrapSpreadsheetText(toAsciiForms(raw).trim()));
  if (text === "") return null;
  if (SCIENTIFIC.test(text)) {
    const digits = exactScientificDigits(text);
    const read = digits === null ? null : parseWithLibrary(digits, region);
    return read && { number: read.number, repaired: true };
  }
  const float = EXCEL_FLOAT.exec(text);
  const cleaned = float ? (float[1] as string) : text;
  if (countDigits(cleaned) < 3) return null;
  const parsed = tryParse(cleaned, region);
  if (parsed?.isValid()) return { number: parsed.number, repaired: float !== null };
  const restored = restoreLostPrefix(cleaned, region);
  if (restored) return { number: restored, repaired: true };
  const compact = cleaned.replace(/[\s().\-/]/g, "");
  // "00" is the international prefix in most of the world even when the default region uses 011.
  const viaDoubleZero = compact.startsWith("00") && !compact.startsWith("000") ? tryParse(`+${compact.slice(2)}`, region) : undefined;
  if (viaDoubleZero?.isValid()) return plain(viaDoubleZero.number);
  // A number dialled internationally (+CC, 00CC, 011CC) outside the metadata's known ranges is still
  // what the network recorded: keep it when its length is possible for that country.
  if (compact.startsWith("+") || compact.startsWith("011")) {
    if (parsed && parsed.country !== region && parsed.isPossible()) return plain(parsed.number);
  }
  if (viaDoubleZero?.isPossible()) return plain(viaDoubleZero.number);
  return null;
}

/**
 * The digits of a number a spreadsheet showed in scientific notation, when no digit was lost:
 * "1.2125550147E+10" holds all eleven digits of 12125550147; "1.21255E+10" does not (Excel shows
 * 12125500000 and 12125512345 alike), and stays unreadable.
 */
function exactScientificDigits(text: string): string | null {
  const m = EXACT_SCIENTIFIC.exec(text);
  if (!m) return null;
  const [, lead, fraction, exponent] = m as unknown as [string, string, string, string];
  return fraction.length === Number(exponent) && fraction.length >= 9 ? `${lead}${fraction}` : null;
}

/**
 * A dialled international number whose leading zeros a spreadsheet dropped when it read the cell
 * as a number: `011919813456915` → `11919813456915`, `00447943096148` → `447943096148`. Only an
 * all-digit value of international length that is not valid as it stands is tried, and only when
 * exactly one restored prefix gives a valid number (unambiguous); otherwise null.
 */
function restoreLostPrefix(cleaned: string, region: CountryCode): string | null {
  if (!/^\d{11,15}$/.test(cleaned)) return null;
  const nanp = region === "US" || region === "CA";
  const prefixes = nanp && cleaned.startsWith("11") ? ["0", "00"] : ["00"];
  const valid = new Set<string>();
  for (const prefix of prefixes) {
    const restored = `${prefix}${cleaned}`;
    const international = restored.startsWith("011") ? `+${restored.slice(3)}` : `+${restored.slice(2)}`;
    const parsed = tryParse(international, region);
    if (parsed?.isValid()) valid.add(parsed.number);
  }
  return valid.size === 1 ? ([...valid][0] as string) : null;
}

function tryParse(text: string, region: CountryCode) {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry: region });
  } catch {
    return undefined;
  }
}

/** Full-width digits and plus signs (`＋１ ６５０`) as Asian exports write them. */
function toAsciiForms(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize("NFKC") : text;
}

/** `++1 650…`, `+00 64…`, `+011 64…`: a plus typed in front of a dialled international prefix. */
function fixInternationalMistakes(text: string): string {
  const m = /^\+[\s+]*(?:0{2}|011)?[\s]*(?=[1-9])/.exec(text);
  return m && m[0] !== "+" ? `+${text.slice(m[0].length)}` : text;
}

/** Strips `="2125551234"` and `'2125551234`, which spreadsheets add to keep numbers as text. */
export function unwrapSpreadsheetText(text: string): string {
  if (text.startsWith('="') && text.endsWith('"')) return text.slice(2, -1).trim();
  if (text.startsWith("'")) return text.slice(1).trim();
  return text;
}

export function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
