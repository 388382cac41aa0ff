import type { RecordDto } from "../schemas/api";
import { RECORD_FIELD_NAMES } from "../schemas/record-fields";

/** Export columns: the job, the record field table's (record-fields.ts), then where the record came from. */
const COLUMNS = ["job_id", ...RECORD_FIELD_NAMES, "duplicate_of", "carrier", "source_file", "source_line"] as const;

/**
 * A CSV cell safe to open in a spreadsheet: quoted when needed, and a leading = + - @ (or tab/CR)
 * neutralized with an apostrophe so no cell is read as a formula (CSV injection) — except
 * phone numbers like "+14155550123", which are data and stay as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^\+\d{6,15}$/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const recordsCsvHeader = () => COLUMNS.join(",");

export function recordToCsvLine(r: RecordDto): string {
  const row: Record<(typeof COLUMNS)[number], unknown> = { job_id: r.jobId, ...r };
  return COLUMNS.map((c) => csvCell(row[c])).join(",");
}

/** An export row (records-export-rows.ts, times as text) as the line recordToCsvLine writes for the same record. */
export function exportRowToCsvLine(row: readonly unknown[]): string {
  return row.map((v) => csvCell(v)).join(",");
}
