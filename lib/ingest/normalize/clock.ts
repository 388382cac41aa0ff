import { to24h } from "./date-parts";
import { zoneSuffixOffset } from "./zone-suffix";

export interface ClockTime {
  /** Seconds since local midnight (86400 allowed for 24:00:00). */
  seconds: number;
  /** Minutes east of UTC when the clock carries a zone ("08:07:20 AM EST"), else null. */
  offsetMin: number | null;
}

const CLOCK = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?\s*(.*?)\s*$/;
const COMPACT_CLOCK = /^\s*(\d{2})(\d{2})(\d{2})?\s*$/;
const DAY_FRACTION = /^\s*0?\.\d+\s*$|^\s*0\s*$/;
const DATE_THEN_CLOCK = /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[T ]+(.+)$/;

/**
 * A time of day from its own column: `01:25:10`, `08:07:20 AM`, `12:13:36 AM` (00:13:36),
 * `0125`/`012510`, an Excel day fraction (`0.273611` = 06:34:00), or a spreadsheet datetime whose
 * date part is a placeholder (`1899-12-30 06:34:00`). Null when it is not a valid time.
 */
export function parseClock(text: string): ClockTime | null {
  const m = CLOCK.exec(text);
  if (m) {
    const offsetMin = m[5] ? zoneSuffixOffset(m[5]) : null;
    if (offsetMin === undefined) return null;
    return clockOf(to24h(Number(m[1]), m[4]), Number(m[2]), m[3] ? Number(m[3]) : 0, offsetMin);
  }
  const c = COMPACT_CLOCK.exec(text);
  if (c) return clockOf(Number(c[1]), Number(c[2]), c[3] ? Number(c[3]) : 0, null);
  if (DAY_FRACTION.test(text)) return { seconds: Math.round(Number(text) * 86400), offsetMin: null };
  const dt = DATE_THEN_CLOCK.exec(text);
  if (dt) return parseClock(dt[1] as string);
  return null;
}

function clockOf(h: number, mi: number, s: number, offsetMin: number | null): ClockTime | null {
  if (mi > 59 || s > 59) return null;
  if (h > 23 && !(h === 24 && mi === 0 && s === 0)) return null;
  return { seconds: h * 3600 + mi * 60 + s, offsetMin };
}
