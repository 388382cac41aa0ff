/**
 * Excel serial numbers → calendar date and clock. Serials are days since an epoch with the time
 * of day as the fraction. 1900 system: serial 1 = 1900-01-01 and serial 60 is the fictitious
 * 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so serials from 61 on are one day ahead
 * of a plain count. 1904 system (old Mac workbooks): serial 0 = 1904-01-01.
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-31 (serial 0 in the 1900 system) and 1904-01-01, as Unix milliseconds. */
const EPOCH_1900 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The naive date-time a serial stands for, as a Date whose UTC fields are the wall-clock
 * fields (the sheet carries no zone), rounded to the millisecond. Null for serials Excel
 * cannot show (negative, past 9999-12-31) and for the fictitious 1900-02-29.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  let days = Math.floor(serial);
  if (!date1904) {
    if (days === 60) return null;
    if (days > 60) days -= 1;
  }
  const ms = Math.round((serial - Math.floor(serial)) * MS_PER_DAY);
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + days * MS_PER_DAY + ms);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Seconds of the serial's time of day, rounded to the whole second as Excel displays it. */
function roundedToSecond(date: Date): Date {
  return new Date(Math.round(date.getTime() / 1000) * 1000);
}

export function formatDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function formatClock(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** `YYYY-MM-DD HH:MM:SS`, or `YYYY-MM-DD` when `dateOnly`. Null when the serial is not a showable date. */
export function serialToDateText(serial: number, date1904: boolean, dateOnly = false): string | null {
  const date = excelSerialToDate(serial, date1904);
  if (!date) return null;
  const shown = roundedToSecond(date);
  return dateOnly ? formatDate(shown) : `${formatDate(shown)} ${formatClock(shown)}`;
}

/** The time of day of a serial as `HH:MM:SS` (its date part is ignored, as a time-only format shows it). */
export function serialToClockText(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** A day-fraction duration as `HH:MM:SS` with hours past 24 kept (10.632 days → `255:10:10`). */
export function serialToDurationText(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const total = Math.round(Math.abs(serial) * 86_400);
  const text = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return serial < 0 ? `-${text}` : text;
}
