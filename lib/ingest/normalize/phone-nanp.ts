/**
 * Fast path for the North American forms that make up nearly every row of a US carrier file:
 * `2125551234`, `12125551234`, `+12125551234`, `(212) 555-1234`, `212.555.1234`, `1-212-555-1234`.
 *
 * Returns the E.164 string, null when the digits are NANP-shaped but invalid (area code or
 * exchange starting 0/1, or an N11 service code), or undefined when the text is something else
 * (letters, extensions, other countries) and must go to libphonenumber.
 */
export function nanpFastPath(raw: string): string | null | undefined {
  const len = raw.length;
  if (len === 10 && isAllDigits(raw, 0)) return nanpE164(raw, 0);
  if (len === 11 && raw.charCodeAt(0) === 49 && isAllDigits(raw, 1)) return nanpE164(raw, 1);
  if (len === 12 && raw.charCodeAt(0) === 43 && raw.charCodeAt(1) === 49 && isAllDigits(raw, 2)) return nanpE164(raw, 2);
  return punctuatedNanp(raw);
}

function isAllDigits(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `s` holds the ten NANP digits from `at`. */
function nanpE164(s: string, at: number): string | null {
  const ten = at === 0 && s.length === 10 ? s : s.slice(at, at + 10);
  return isNanp(ten) ? `+1${ten}` : null;
}

function isNanp(ten: string): boolean {
  const a = ten.charCodeAt(0);
  const e = ten.charCodeAt(3);
  if (a < 50 || e < 50) return false; // area code and exchange start with 2–9
  if (ten.charCodeAt(1) === 49 && ten.charCodeAt(2) === 49) return false; // N11 is a service code, not an area
  return true;
}

/** Digits with the usual separators; a leading + only before the country code 1. */
function punctuatedNanp(raw: string): string | null | undefined {
  if (raw.endsWith(".0")) return undefined; // an Excel float: the library path strips it first
  // Eleven digits fit a double exactly, so the digits are accumulated as a number, not a string.
  let value = 0;
  let count = 0;
  let plus = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (count === 11) return undefined;
      value = value * 10 + (c - 48);
      count++;
    } else if (c === 43 && count === 0 && !plus) {
      plus = true;
    } else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41) {
      return undefined; // letters, extensions, slashes: not for the fast path
    }
  }
  if (count === 11 && Math.floor(value / 1e10) === 1) return nanpFromNumber(value - 1e10);
  if (count === 10 && !plus) return nanpFromNumber(value);
  return undefined;
}

function nanpFromNumber(ten: number): string | null {
  if (ten < 2e9) return null; // area code starts with 0 or 1
  if (Math.floor(ten / 1e6) % 10 < 2) return null; // exchange starts with 0 or 1
  if (Math.floor(ten / 1e7) % 100 === 11) return null; // N11 service code
  return `+1${ten}`;
}
