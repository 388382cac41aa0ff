import { inferDateOrder, type DateOrder } from "./date-order";
import { parseDateParts, type LocalDateTime } from "./date-parts";
import { parseClock } from "./clock";
import { wallToUtcConverter, type WallToUtc } from "./zone-offset";
import { clockAt, clockStart, isoFromMs } from "./fast-clock";

export { isoFromMs } from "./fast-clock";

export { inferDateOrder, type DateOrder } from "./date-order";
export { zoneFromText } from "./zone-from-text";
export { wallToUtcConverter, type WallToUtc } from "./zone-offset";

/** Column format hints that matter for dates (from ColumnMapping.format). */
export type DateFormatHint = "mdy" | "dmy" | "ymd" | "epoch_s" | "epoch_ms" | string | null | undefined;

/** Parses one value to a UTC instant in ms; NaN when the value is not a valid date-time. */
export type InstantParser = (text: string, toUtc: WallToUtc) => number;

// Carrier records from before 1970 or after 2100 are damaged values (Excel's day 0, typos), not calls.
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;
const EXCEL_EPOCH_OFFSET_DAYS = 25569; // serial of 1970-01-01 in the 1900 date system

function dateOrderFor(format: DateFormatHint, samples: string[] | undefined): DateOrder {
  if (format === "mdy" || format === "dmy" || format === "ymd") return format;
  return inferDateOrder(samples ?? []);
}

/** Compiles a parser for one date-time column: the date order is decided once from samples. */
export function compileInstantParser(opts: { samples?: string[]; format?: DateFormatHint }): InstantParser {
  const order = dateOrderFor(opts.format, opts.samples);
  const format = opts.format;
  const dayOf = dayMemo(order);
  return (text, toUtc) => {
    // Hot path: "<date> <clock>" with no zone in the value; the date part repeats row after row.
    const at = clockStart(text);
    if (at > 0) {
      const secs = clockAt(text, at);
      if (secs >= 0) {
        const day = dayOf(text.slice(0, at - 1));
        if (!Number.isNaN(day)) return toUtc(day + secs * 1000);
      }
    }
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57 && NUMBER.test(text)) return numericInstant(text, format, order, toUtc);
    const parts = parseDateParts(text, order);
    return parts ? partsToInstant(parts, toUtc) : Number.NaN;
  };
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const COMPACT_DATE = /^(?:19|20)\d{6}(?:\d{4}|\d{6})?$/;

/** Epoch seconds/ms/µs (absolute), compact yyyymmdd[hhmm[ss]], or Excel serial days (local wall time). */
function numericInstant(text: string, format: DateFormatHint, order: DateOrder, toUtc: WallToUtc): number {
  if (format !== "epoch_s" && format !== "epoch_ms" && COMPACT_DATE.test(text)) {
    const parts = parseDateParts(text, order);
    if (parts) return partsToInstant(parts, toUtc);
  }
  const v = Number(text);
  let ms: number;
  // 16 digits are microseconds (FreeSWITCH `start_uepoch`, Kazoo) whatever the hint: as seconds or ms they lie past 2100.
  if (v >= 1e14) ms = Math.floor(v / 1000);
  else if (format === "epoch_ms" || (format !== "epoch_s" && v >= 1e11)) ms = Math.floor(v);
  else if (format === "epoch_s" || v >= 1e8) ms = Math.floor(v) * 1000;
  else if (v < 1e6) ms = toUtc(Math.round((v - EXCEL_EPOCH_OFFSET_DAYS) * 86400) * 1000);
  else return Number.NaN;
  return inRange(ms) ? Math.floor(ms / 1000) * 1000 : Number.NaN;
}

function partsToInstant(p: LocalDateTime, toUtc: WallToUtc): number {
  if (p.y < MIN_YEAR || p.y > MAX_YEAR) return Number.NaN;
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return p.offsetMin !== null ? wall - p.offsetMin * 60_000 : toUtc(wall);
}

const MIN_MS = Date.UTC(MIN_YEAR, 0, 1);
const MAX_MS = Date.UTC(MAX_YEAR + 1, 0, 1);
function inRange(ms: number): boolean {
  return ms >= MIN_MS && ms < MAX_MS;
}

/** Date in one column and clock in another (`09/02/23` + `01:25:10`), joined into one instant. */
export type DateClockParser = (dateText: string, clockText: string, toUtc: WallToUtc) => number;

export function compileDateClockParser(opts: { samples?: string[]; format?: DateFormatHint }): DateClockParser {
  const order = dateOrderFor(opts.format, opts.samples);
  const dayOf = dayMemo(order);
  return (dateText, clockText, toUtc) => {
    if (clockText !== "") {
      const secs = clockAt(clockText, 0);
      if (secs >= 0) {
        const dayMs = dayOf(dateText);
        if (!Number.isNaN(dayMs)) return toUtc(dayMs + secs * 1000);
      }
    }
    const day = dayStart(dateText, order);
    if (day === null) return Number.NaN;
    if (clockText === "") return day.offsetMin !== null ? day.wall - day.offsetMin * 60_000 : toUtc(day.wall);
    const clock = parseClock(clockText);
    if (!clock) return Number.NaN;
    const wall = day.wall - (day.wall % 86_400_000) + clock.seconds * 1000;
    const offset = clock.offsetMin ?? day.offsetMin;
    return offset !== null ? wall - offset * 60_000 : toUtc(wall);
  };
}

/**
 * Date-only text → wall ms of its midnight (NaN when it is not a plain date), memoized: a CDR
 * file has one date per few hundred rows. Dates with a time or zone of their own give NaN here
 * and go to the general path.
 */
function dayMemo(order: DateOrder): (text: string) => number {
  const memo = new Map<string, number>();
  let lastText = "";
  let lastDay = Number.NaN;
  return (text) => {
    if (text === lastText) return lastDay;
    let day = memo.get(text);
    if (day === undefined) {
      const p = parseDateParts(text, order);
      const plain = p !== null && p.h === 0 && p.mi === 0 && p.s === 0 && p.offsetMin === null && !NUMBER.test(text);
      day = plain && p.y >= MIN_YEAR && p.y <= MAX_YEAR ? Date.UTC(p.y, p.mo - 1, p.d) : Number.NaN;
      if (memo.size >= 20_000) memo.clear();
      memo.set(text, day);
    }
    lastText = text;
    lastDay = day;
    return day;
  };
}

/** The date column's value as a wall time (its own time of day kept for a missing clock). */
function dayStart(text: string, order: DateOrder): { wall: number; offsetMin: number | null } | null {
  if (NUMBER.test(text) && !COMPACT_DATE.test(text)) {
    const v = Number(text);
    if (v >= 1e6) return null;
    const wall = Math.round((v - EXCEL_EPOCH_OFFSET_DAYS) * 86400) * 1000;
    return inRange(wall) ? { wall, offsetMin: null } : null;
  }
  const p = parseDateParts(text, order);
  if (!p || p.y < MIN_YEAR || p.y > MAX_YEAR) return null;
  return { wall: Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s), offsetMin: p.offsetMin };
}

/**
 * One-off convenience: a value (or date + clock) in a zone → `YYYY-MM-DDTHH:MM:SSZ`, or null.
 * Offsets written in the value win over `zone`. Files should use the compiled parsers instead.
 */
export function toUtcIso(text: string, zone = "UTC", opts: { order?: DateOrder; clock?: string } = {}): string | null {
  const toUtc = wallToUtcConverter(zone);
  if (!toUtc) return null;
  const value = text.trim();
  if (!value) return null;
  const ms =
    opts.clock !== undefined
      ? compileDateClockParser({ format: opts.order, samples: [value] })(value, opts.clock.trim(), toUtc)
      : compileInstantParser({ format: opts.order, samples: [value] })(value, toUtc);
  return Number.isNaN(ms) ? null : isoFromMs(ms);
}
