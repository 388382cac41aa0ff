import { numberKind } from "./number-format";
import { serialToClockText, serialToDateText, serialToDurationText } from "./excel-serial-date";

/**
 * One spreadsheet cell before it becomes text. Text, booleans and errors are already strings;
 * plain numbers stay numbers; numbers whose format makes them dates, times or durations keep
 * the format so the text can follow it. The same shape crosses the xls worker boundary.
 */
export type DatedNumber = { v: number; fmt: string };
export type RawCell = string | number | DatedNumber | null;

/** A number cell as a raw cell: keeps the format only when it means date, time or duration. */
export function numberCell(v: number, fmt: string | undefined | null): RawCell {
  if (!fmt) return v;
  const kind = numberKind(fmt);
  return kind === "number" || kind === "text" ? v : { v, fmt };
}

/**
 * A number as its digits, never in exponent form: a phone number stored as a number must read
 * `2125551234`, and binary noise (0.1 + 0.2) is trimmed to Excel's 15 significant digits.
 */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString();
  const trimmed = Number(v.toPrecision(15));
  const text = String(trimmed);
  if (!text.includes("e")) return text;
  return trimmed.toFixed(20).replace(/\.?0+$/, "");
}

/** Text of a dated number: `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, `HH:MM:SS`, or an elapsed `HH:MM:SS`. */
function datedText(cell: DatedNumber, date1904: boolean, durationColumn: boolean): string | null {
  const kind = numberKind(cell.fmt);
  switch (kind) {
    case "duration":
      return serialToDurationText(cell.v);
    case "time":
      return durationColumn ? serialToDurationText(cell.v) : serialToClockText(cell.v);
    case "date": {
      // A date-only format can hide a time of day; a call's start needs it, so keep it when present.
      const hasClock = Math.round((cell.v - Math.floor(cell.v)) * 86_400) % 86_400 !== 0;
      return serialToDateText(cell.v, date1904, !hasClock);
    }
    case "datetime":
      return serialToDateText(cell.v, date1904);
    default:
      return null;
  }
}

export function cellText(cell: RawCell, date1904: boolean, durationColumn = false): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return numberText(cell);
  return datedText(cell, date1904, durationColumn) ?? numberText(cell.v);
}

const DURATION_HEADER = /dur|elapsed|length|len\b|seconds|secs|minutes|mins|\bet\b|talk\s*time|call\s*time|billable/i;

/** Whether a header names a duration, so day fractions in that column read as elapsed time. */
export function isDurationHeader(header: string): boolean {
  return DURATION_HEADER.test(header);
}
