import type { DateOrder } from "./date-order";
import { foldWord, isWeekdayWord, monthFromWord } from "./month-names";
import { zoneSuffixOffset } from "./zone-suffix";

/** A date and time as written, before any zone conversion. */
export interface LocalDateTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Minutes east of UTC when the value carries its own offset ("Z", "-05:00", "EDT"), else null. */
  offsetMin: number | null;
}

/**
 * Reads one date/time text into its parts, or null when it is not a real date and time
 * (`2023-02-30 25:61:00`, `13/45/2023`, `yesterday`). `order` says how all-numeric dates with a
 * 2-digit first field are written. Two-digit years: 00–68 → 20xx, 69–99 → 19xx.
 */
export function parseDateParts(text: string, order: DateOrder): LocalDateTime | null {
  const m = NUMERIC.exec(text);
  if (m) return fromNumericMatch(m, order);
  return parseFreeForm(text, order);
}

// 2023-10-15T04:36:36.123-05:00 · 10/15/2023 08:07:20 AM · 15.03.23 · 2023/03/15 · 03-15-2023 14:00
const NUMERIC =
  /^\s*(\d{1,4})([-/.])(\d{1,2})\2(\d{4}|\d{1,2})(?:(?:[T ]|, ?| +T? *)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?: ?([AaPp])\.?[Mm]\.?)?)? *(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5}|\(?(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?\)?)?\s*$/;

function fromNumericMatch(m: RegExpExecArray, order: DateOrder): LocalDateTime | null {
  const a = m[1] as string;
  const b = Number(m[3]);
  const c = m[4] as string;
  let y: number, mo: number, d: number;
  if (a.length >= 3) {
    if (c.length > 2) return null;
    y = Number(a);
    mo = b;
    d = Number(c);
  } else if (order === "ymd" && c.length <= 2) {
    y = expandYear(Number(a));
    mo = b;
    d = Number(c);
  } else {
    y = c.length <= 2 ? expandYear(Number(c)) : Number(c);
    if (order === "dmy") {
      d = Number(a);
      mo = b;
    } else {
      mo = Number(a);
      d = b;
    }
  }
  let offsetMin: number | null = null;
  if (m[9] !== undefined) {
    const off = zoneSuffixOffset(m[9]);
    if (off === undefined) return null;
    offsetMin = off;
  }
  const hasTime = m[5] !== undefined;
  const h = hasTime ? to24h(Number(m[5]), m[8]) : 0;
  return build(y, mo, d, h, hasTime ? Number(m[6]) : 0, m[7] ? Number(m[7]) : 0, offsetMin);
}

export function expandYear(yy: number): number {
  return yy <= 68 ? 2000 + yy : yy <= 99 ? 1900 + yy : yy;
}

/** 12-hour clock: 12 AM is 00, 12 PM is 12; hours above 12 are already 24-hour. */
export function to24h(h: number, meridiem: string | undefined): number {
  if (!meridiem || h > 12) return h;
  const pm = meridiem === "p" || meridiem === "P";
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Calendar and clock checks; 24:00:00 is accepted as the end of the day. */
export function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number | null): LocalDateTime | null {
  if (mo < 1 || mo > 12 || d < 1 || y < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] as number);
  if (d > dim) return null;
  if (mi > 59 || s > 59) return null;
  if (h > 23 && !(h === 24 && mi === 0 && s === 0)) return null;
  return { y, mo, d, h, mi, s, offsetMin };
}

// Free-form text: month names, weekdays, compact digits, times anywhere, zone words.
// 20231015 · 20231015043636 · 20231015T04:36:36Z · 231015 043636 (telecom YYMMDD hhmmss, only with a separator)
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;
const SHORT_COMPACT = /^(\d{2})(\d{2})(\d{2})[T ](\d{2})(\d{2})(\d{2})(?:[.,]\d+)?\s*(.*)$/;
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?\s?[Mm]\b\.?)?/;
const HOUR_MERIDIEM = /\b(\d{1,2})\s*([AaPp])\.?\s?[Mm]\b\.?/;
const FILLER = new Set(["de", "del", "at", "on", "of", "le", "um", "den", "el", "the", "a", "y", "et", "und"]);

function parseFreeForm(raw: string, order: DateOrder): LocalDateTime | null {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text || !/\d/.test(text)) return null;
  const short = SHORT_COMPACT.exec(text);
  const compact = short ? [short[0], String(expandYear(Number(short[1]))), ...short.slice(2)] : COMPACT.exec(text);
  if (compact && (compact[7] === "" || compact[4] !== undefined)) {
    const off = compact[7] ? zoneSuffixOffset(compact[7]) : null;
    if (off === undefined) return null;
    return build(
      Number(compact[1]),
      Number(compact[2]),
      Number(compact[3]),
      compact[4] ? Number(compact[4]) : 0,
      compact[5] ? Number(compact[5]) : 0,
      compact[6] ? Number(compact[6]) : 0,
      off,
    );
  }
  let h = 0,
    mi = 0,
    s = 0;
  let rest = text;
  let after = "";
  const t = TIME.exec(text) ?? HOUR_MERIDIEM.exec(text);
  if (t) {
    const isClock = t[0].includes(":");
    h = to24h(Number(t[1]), isClock ? t[4] : t[2]);
    mi = isClock ? Number(t[2]) : 0;
    s = isClock && t[3] ? Number(t[3]) : 0;
    rest = text.slice(0, t.index);
    after = text.slice(t.index + t[0].length);
  }
  let offsetMin: number | null = null;
  const signed = /(?:\b(?:UTC|GMT|UT))?\s*([+\-\u2212]\d{1,2}(?:[:.,]?\d{1,2})?)\b/i.exec(after);
  if (signed) {
    offsetMin = zoneSuffixOffset(signed[0].trim()) ?? null;
    after = after.slice(0, signed.index) + after.slice(signed.index + signed[0].length);
  }
  return datePartsFromTokens(`${rest} ${after}`, order, h, mi, s, offsetMin);
}

function datePartsFromTokens(text: string, order: DateOrder, h: number, mi: number, s: number, offsetMin: number | null): LocalDateTime | null {
  const nums: string[] = [];
  let month = 0;
  let offset = offsetMin;
  for (const token of text.split(/[\s,/.\-()@]+|(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)/)) {
    if (!token) continue;
    if (/^'?\d+$/.test(token)) {
      nums.push(token.replace("'", ""));
      continue;
    }
    if (/^(st|nd|rd|th)$/i.test(token)) continue;
    const word = foldWord(token);
    if (isWeekdayWord(word) || FILLER.has(word)) continue;
    const mo = monthFromWord(word);
    if (mo && !month) {
      month = mo;
      continue;
    }
    if (offset === null) {
      const off = zoneSuffixOffset(token.toUpperCase());
      if (off !== undefined && off !== null) {
        offset = off;
        continue;
      }
    }
  }
  let y: number, mo: number, d: number;
  if (month) {
    if (nums.length < 2) return null;
    const yearIdx = nums.findIndex((n) => n.length >= 3 || Number(n) > 31);
    const yi = yearIdx >= 0 ? yearIdx : 1;
    const di = yi === 0 ? 1 : 0;
    y = yearOf(nums[yi] as string);
    mo = month;
    d = Number(nums[di]);
  } else {
    if (nums.length < 3) return null;
    const [a, b, c] = nums as [string, string, string];
    if (a.length >= 3) {
      y = Number(a);
      mo = Number(b);
      d = Number(c);
    } else if (order === "dmy") {
      d = Number(a);
      mo = Number(b);
      y = yearOf(c);
    } else if (order === "ymd") {
      y = yearOf(a);
      mo = Number(b);
      d = Number(c);
    } else {
      mo = Number(a);
      d = Number(b);
      y = yearOf(c);
    }
  }
  return build(y, mo, d, h, mi, s, offset);
}

function yearOf(text: string): number {
  return text.length <= 2 ? expandYear(Number(text)) : Number(text);
}
