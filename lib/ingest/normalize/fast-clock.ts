/**
 * Hand-written scanners for the hot path: the clock part of a timestamp and the ISO output.
 * Regexes cost a microsecond a row on a loaded machine; these cost tens of nanoseconds.
 */

/**
 * Seconds of day for a clock from `from` to the end of `text`: `H:MM`, `HH:MM:SS`, an optional
 * `.fff` fraction (dropped), an optional ` AM`/`PM`. -1 when the rest is anything else (offsets,
 * zone names), which sends the caller to the general parser.
 */
export function clockAt(text: string, from: number): number {
  const n = text.length;
  let i = from;
  let h = 0;
  let digits = 0;
  while (i < n && isDigit(text.charCodeAt(i)) && digits < 2) {
    h = h * 10 + text.charCodeAt(i) - 48;
    i++;
    digits++;
  }
  if (digits === 0 || text.charCodeAt(i) !== 58) return -1;
  i++;
  if (i + 2 > n || !isDigit(text.charCodeAt(i)) || !isDigit(text.charCodeAt(i + 1))) return -1;
  const mi = (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;
  i += 2;
  let s = 0;
  if (i < n && text.charCodeAt(i) === 58) {
    if (i + 3 > n || !isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2))) return -1;
    s = (text.charCodeAt(i + 1) - 48) * 10 + text.charCodeAt(i + 2) - 48;
    i += 3;
    if (i < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44)) {
      i++;
      const start = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (i === start) return -1;
    }
  }
  if (i < n && text.charCodeAt(i) === 32) i++;
  if (i < n) {
    if (i + 2 !== n) return -1;
    const a = text.charCodeAt(i) | 32;
    const m = text.charCodeAt(i + 1) | 32;
    if (m !== 109 || (a !== 97 && a !== 112) || h > 12 || h === 0) return -1;
    if (h === 12) h = 0;
    if (a === 112) h += 12;
  }
  if (mi > 59 || s > 59) return -1;
  if (h > 23 && !(h === 24 && mi === 0 && s === 0)) return -1;
  return h * 3600 + mi * 60 + s;
}

/** Index where the clock starts in "<date> <clock>" / "<date>T<clock>", or -1. */
export function clockStart(text: string): number {
  for (let i = 6; i < text.length - 3; i++) {
    const c = text.charCodeAt(i);
    if ((c === 32 || c === 84) && isDigit(text.charCodeAt(i + 1))) {
      const c2 = text.charCodeAt(i + 2);
      if (c2 === 58 || (isDigit(c2) && text.charCodeAt(i + 3) === 58)) return i + 1;
    }
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
/**
 * Date parts (`YYYY-MM-DDT`) by day, direct-mapped: a file in time order stays on one slot for a
 * day; one out of time order jumps between days, and a year of them fits without evictions. It
 * kept only the last day before, and rebuilt the date (Date.toISOString) for nearly every row of a
 * file out of order: 11 % of a row producer's time (1M rows, scripts/bench/sqlite-profile.mts).
 */
const DAY_SLOTS = 1024;
const slotDays = new Float64Array(DAY_SLOTS).fill(Number.NaN);
const slotPrefixes: string[] = new Array<string>(DAY_SLOTS).fill("");

function datePrefix(day: number): string {
  const slot = day & (DAY_SLOTS - 1);
  if (slotDays[slot] !== day) {
    slotDays[slot] = day;
    slotPrefixes[slot] = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  return slotPrefixes[slot]!;
}

/** UTC instant (ms) → `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoFromMs(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  const prefix = datePrefix(day);
  const sec = Math.floor((ms - day * 86_400_000) / 1000);
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  return `${prefix}${TWO[h]}:${TWO[m]}:${TWO[sec % 60]}Z`;
}
