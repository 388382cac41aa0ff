import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { isBareNationalNumber, isPartyId, nationalPhoneDigits, phoneDigits } from "./value-kinds";

/** North American regions: their national numbers are the 10-digit NANP shapes. */
const NANP_REGIONS = new Set(["US", "CA"]);

/**
 * Phone text → E.164, enough to compare numbers across columns and to report the target; the
 * normalizer does the real work on records. International spellings (+CC, 00, 011) need no
 * region. National spellings are read in `region`: without one (or in the US/Canada) only the
 * NANP shapes are, so a national number of an unknown country has no E.164 form here (null).
 */
export function toE164(raw: string, region: string | null = null): string | null {
  const v = raw.trim();
  if (v === "") return null;
  // "00 44 20 …", and in North America "011 44 …": a dialled international prefix with the digits grouped
  // (elsewhere 011 is an area code with its trunk 0: Johannesburg, São Paulo).
  const compact = v.replace(/[\s.\-()/]/g, "");
  const nanp = region === null || NANP_REGIONS.has(region);
  if (compact !== v && /^00[1-9]\d{6,14}$/.test(compact)) return `+${compact.slice(2)}`;
  if (compact !== v && nanp && /^011[1-9]\d{6,14}$/.test(compact)) return `+${compact.slice(3)}`;
  if (region !== null && !NANP_REGIONS.has(region)) {
    const read = readInRegion(v, region as CountryCode);
    if (read) return read;
    const digits = phoneDigits(v);
    // Only the international spellings are region-free; a bare 10-digit value is not NANP outside North America.
    if (digits !== null && (v.startsWith("+") || digits.startsWith("00"))) return international(v, digits);
    return null;
  }
  const digits = phoneDigits(v);
  if (digits === null) return null;
  return international(v, digits);
}

const regionMemo = new Map<string, string | null>();

/** A national (or international) spelling read in a region by libphonenumber: valid numbers only. Memoized: files repeat their numbers. */
function readInRegion(v: string, region: CountryCode): string | null {
  const key = `${region}|${v}`;
  const hit = regionMemo.get(key);
  if (hit !== undefined) return hit;
  let out: string | null = null;
  try {
    const parsed = parsePhoneNumberFromString(v, { defaultCountry: region });
    out = parsed?.isValid() ? parsed.number : null;
  } catch {
    out = null;
  }
  if (regionMemo.size >= 20_000) regionMemo.clear();
  regionMemo.set(key, out);
  return out;
}

function international(v: string, digits: string): string {
  if (v.startsWith("+")) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  if (digits.startsWith("011")) return `+${digits.slice(3)}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  return `+${digits}`;
}

/**
 * A party value as a key that is equal for equal parties within one file: its E.164 form when it
 * has one, else its national digits (`(080)33118033` → `08033118033`, `770000000`), else the id
 * as written (`A_orange`); null for values that are no party at all. Used to find the number or
 * id that repeats (the target) and to compare columns row by row.
 */
export function partyKey(raw: string, region: string | null = null, ids = false): string | null {
  const v = raw.trim();
  if (v === "") return null;
  const e164 = toE164(v, region);
  if (e164) return e164;
  const national = nationalPhoneDigits(v);
  if (national) return national;
  if (isBareNationalNumber(v)) return v;
  return ids && isPartyId(v) ? v : null;
}
