import type { PartyKind } from "../../schemas/fields";
import { countDigits, readPhone, unwrapSpreadsheetText, type CountryCode } from "./phone";
import { regionMemo } from "./region-memo";

/** A party value read: its E.164 form when it is a phone number, and what kind of party it is. */
export interface PartyReading {
  e164: string | null;
  kind: PartyKind;
  /** Spreadsheet damage was undone to get the E.164 form (see readPhone). */
  repaired: boolean;
}

/**
 * What a party cell holds. `word` (letters only: `A`, `alice`, `abc-def`) is an identifier in a
 * column of identifiers and noise in a column of numbers, which only the column can tell (the
 * record builder decides); `junk` is a placeholder for "no value" (`N/A`, `UNKNOWN`, `12`) that
 * makes the row an error, as the carriers' own sample files expect.
 */
export type PartyClass = PartyReading | "word" | "junk";

/**
 * Reads a party cell (trimmed, non-empty) in a region (null: not known; North American numbers are
 * still read as such, everything else that is not international becomes `national`). A call is kept
 * whatever its parties are (issue 17): an extension, a short code, 911, a SIP address or a withheld
 * caller is evidence, not an error. Memoized per region: carrier files repeat the same numbers.
 */
export function readParty(text: string, region: CountryCode | null): PartyClass {
  return memoized(text, region ?? "");
}

const memoized = regionMemo((text, region) => classify(text, region === "" ? null : (region as CountryCode)));

const reading = (e164: string | null, kind: PartyKind, repaired = false): PartyReading => Object.freeze({ e164, kind, repaired });
const WITHHELD_READING = reading(null, "withheld");

/** What networks and PBXs write for a caller who withheld the number (CLIR). */
const WITHHELD =
  /^(restricted|private|private number|anonymous|withheld|number withheld|blocked|caller id blocked|unavailable|no caller ?id|presentation restricted|clir|unknown caller)$/i;
/** Placeholders for "no value"; the sample carrier files reject such rows. */
const PLACEHOLDER = /^(n\/?a|unknown|null|none|nil|undefined|-+|\?+|0|00|0{4,}|#+|\*+)$/i;
/** Emergency and service numbers of three digits everywhere (N11 in North America, 112, 999, 000)… */
const SERVICE_3 = /^([2-9]11|112|999|000)$/;
/** …and where the region uses 1xx numbers that PBXs elsewhere hand out as extensions (100, 101, …). */
const REGION_SERVICE_3: Partial<Record<string, RegExp>> = {
  IN: /^(10[0-8]|112)$/,
  JP: /^(110|118|119)$/,
  CN: /^(110|119|120|122)$/,
  KR: /^(112|119)$/,
  TW: /^(110|119)$/,
  DE: /^(110|112)$/,
  AT: /^(1[2-4]\d)$/,
};
const STAR_CODE = /^(?:[*#][\d*#]+|\d+[*#][\d*#]*)$/;
const URI = /^(sips?|tel):(.+)$/i;
const BARE_SIP = /^([^@\s:]+)@([\w.-]+\.[\w-]+|\[[\d:a-f]+\])(:\d+)?$/i;
const ENDPOINT_URI = /^[a-z][\w.+-]*:[^\s]+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const FORMATTING = /[\s().\-/]/g;

/**
 * A plain number: digits, at most a leading +, not starting with 0. None of classify's tests before
 * its digits branch can match such a text (no letters, no zeros-only placeholder, no `:`, `@`,
 * `%`, `*`, `#`, quote or formatting), so it goes to fromDigits at once, as it would after them:
 * 1M readings of the tower dump's parties (bench file), 0.80–0.89 → 0.44–0.63 s.
 */
const PLAIN_NUMBER = /^\+?[1-9]\d*$/;

function classify(raw: string, region: CountryCode | null): PartyClass {
  if (PLAIN_NUMBER.test(raw)) return fromDigits(raw, raw, region);
  const text = unwrapText(raw);
  if (WITHHELD.test(text)) return WITHHELD_READING;
  if (PLACEHOLDER.test(text)) return "junk";
  const uri = URI.exec(text);
  if (uri) return fromUri((uri[1] as string).toLowerCase(), uri[2] as string, region);
  const sip = BARE_SIP.exec(text);
  if (sip) return fromUri("sip", text, region);
  const compact = text.replace(FORMATTING, "");
  if (STAR_CODE.test(compact)) return reading(null, "service");
  if (/^\+?\d+$/.test(compact) || SCIENTIFIC.test(compact)) return fromDigits(text, compact, region);
  if (ENDPOINT_URI.test(text)) return reading(null, "extension"); // client:alice, app:…, user:…
  const phone = countDigits(text) >= 7 ? readPhone(text, region ?? "US") : null; // "+1 415 555 1234 x12"
  if (phone) return reading(phone.number, "e164", phone.repaired);
  if (UUID.test(text)) return reading(null, "id");
  if (/^[\w.-]+$/.test(text) && /\d/.test(text)) return reading(null, text.length >= 16 ? "id" : "extension"); // client1, 1001a, hex ids
  if (/^[\p{L}][\p{L}\s._'-]*$/u.test(text)) return "word";
  return "junk";
}

function fromDigits(text: string, compact: string, region: CountryCode | null): PartyClass {
  const phone = readPhone(text, region ?? "US");
  if (phone) return reading(phone.number, "e164", phone.repaired);
  if (SCIENTIFIC.test(compact)) return reading(null, "invalid"); // Excel dropped digits: no way back
  const plus = compact.startsWith("+");
  const digits = plus ? compact.slice(1) : compact;
  const n = digits.length;
  if (plus) return reading(null, n >= 16 ? "id" : "invalid");
  if (n <= 2) return "junk";
  if (n === 3) return reading(null, SERVICE_3.test(digits) || (region !== null && REGION_SERVICE_3[region]?.test(digits)) ? "service" : "extension");
  if (n === 4) return reading(null, "extension");
  if (n <= 6) return reading(null, "short_code");
  if (n >= 16) return reading(null, "id");
  // 7–15 digits that are no number of the region: written with a trunk 0 when the file's country
  // is not known, a national number of that unknown country; otherwise wrong for the region.
  return reading(null, region === null && n <= 12 && digits.startsWith("0") && !digits.startsWith("00") ? "national" : "invalid");
}

/** `sip:+14155550123@carrier.example` is that phone number; `sip:alice@example.com` a SIP address; `tel:` a number. */
function fromUri(scheme: string, rest: string, region: CountryCode | null): PartyClass {
  const user = (rest.startsWith("//") ? rest.slice(2) : rest).split(/[@;?]/)[0] ?? "";
  if (WITHHELD.test(user) || /^anonymous$/i.test(user)) return WITHHELD_READING;
  const phone = /\d{7}/.test(user.replace(FORMATTING, "")) ? readPhone(user, region ?? "US") : null;
  if (phone) return reading(phone.number, "e164", phone.repaired);
  if (scheme === "tel") return /^\+?[\d\s().-]+$/.test(user) ? fromDigits(user, user.replace(FORMATTING, ""), region) : "junk";
  return reading(null, "sip");
}

/** Spreadsheet text guards off (`="…"`, a leading `'`), and URL encoding undone (FreeSWITCH's JSON CDRs write `%2B14155550123`). */
function unwrapText(raw: string): string {
  const text = unwrapSpreadsheetText(raw);
  if (URL_ENCODED.test(text)) {
    try {
      return decodeURIComponent(text).trim();
    } catch {
      return text;
    }
  }
  return text;
}
const URL_ENCODED = /%[0-9A-Fa-f]{2}/;
