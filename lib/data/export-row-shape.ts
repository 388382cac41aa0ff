import { RECORD_FIELDS } from "../schemas/record-fields";
import { recordsCsvHeader } from "./records-csv";

/** The export columns (the CSV's), in order; a row below is one value per column. */
export const EXPORT_COLUMNS = recordsCsvHeader().split(",");

/** One record as the export writes it: EXPORT_COLUMNS' values in order (null for an empty cell). */
export type ExportRow = unknown[];

const PARTIES = new Set(["caller", "callee", "target"]);

/**
 * How the times come out: `ms` = epoch milliseconds (SQLite's unixepoch: stored times are
 * whole-second UTC), which spares Parquet a string and a Date.parse per value; `text` = as stored
 * (ISO-8601 UTC), what CSV and NDJSON write.
 */
export type ExportTimes = "ms" | "text";

/**
 * The SELECT list producing EXPORT_COLUMNS from call_records r (joined to its job j on
 * PostgreSQL, where times are always text). On SQLite the file name is looked up per job. Party
 * kinds are read as stored (finishExportRow fills in "e164").
 */
export function exportSelectList(engine: "sqlite" | "postgres", times: ExportTimes = "ms"): string {
  return EXPORT_COLUMNS.map((c) => {
    if (c === "source_file") return engine === "sqlite" ? "NULL AS source_file" : "j.file_name AS source_file";
    if (c === "source_line") return "r.line AS source_line";
    if (engine === "sqlite" && times === "ms" && (c === "start_time" || c === "end_time")) return `unixepoch(r.${c}) * 1000 AS ${c}`;
    return `r.${c}`;
  }).join(", ");
}

export const JOB_AT = EXPORT_COLUMNS.indexOf("job_id");
export const FILE_AT = EXPORT_COLUMNS.indexOf("source_file");
const booleanAt = EXPORT_COLUMNS.map((c, i) => (c in RECORD_FIELDS && RECORD_FIELDS[c as keyof typeof RECORD_FIELDS].pg === "boolean" ? i : -1)).filter((i) => i >= 0);
/** [kind column, party column] pairs: an E.164 party's kind is stored as null and read as "e164" (as toRecordDto does). */
const kindOf = EXPORT_COLUMNS.flatMap((c, i) => {
  const party = c.endsWith("_kind") ? c.slice(0, -"_kind".length) : "";
  return PARTIES.has(party) ? [[i, EXPORT_COLUMNS.indexOf(party)] as const] : [];
});

/** SQLite's 0/1 booleans read as booleans; the implied "e164" kinds filled in (one shared string, not one per row). */
export function finishExportRow(row: ExportRow): ExportRow {
  for (const i of booleanAt) row[i] = row[i] === 1 || row[i] === true;
  for (const [kind, party] of kindOf) if (row[kind] === null && row[party] !== null) row[kind] = "e164";
  return row;
}

/** An export row (times as text) as one NDJSON object: EXPORT_COLUMNS' keys in order, as the records API names them. */
export function exportRowToJson(row: readonly unknown[]): string {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < EXPORT_COLUMNS.length; i++) o[EXPORT_COLUMNS[i]!] = row[i];
  return JSON.stringify(o);
}
