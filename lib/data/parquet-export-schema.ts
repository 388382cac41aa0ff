import type { ParquetWriter } from "hyparquet-writer";
import { RECORD_FIELDS, type RecordFieldName } from "../schemas/record-fields";
import { EXPORT_COLUMNS } from "./export-row-shape";

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];
type Kind = "string" | "timestamp" | "int32" | "boolean";

/**
 * Rows per row group. The group's values sit in memory until it is encoded, and with encoder
 * threads one group is in flight per thread, so this sets the export's memory: on the 1M-record
 * bench, encoded in one thread, peak RSS of the exporting process was 411 MB at 65,536, 293 MB at
 * 32,768, 243 MB at 16,384; with two encoder threads 450 MB at 16,384 and 353 MB at 8,192 (heaps
 * uncapped), for a file 4 % larger (15.2 MB against 14.6).
 */
export const PARQUET_ROW_GROUP_ROWS = 8_192;

/**
 * The Parquet type of each export column, chosen for how DuckDB, pandas and Spark read it:
 * start/end as INT64 TIMESTAMP(MILLIS, UTC) (DuckDB: TIMESTAMP WITH TIME ZONE; stored start times
 * are whole-second UTC instants, so nothing is lost), durations, lines and duplicate_of as INT32
 * (their database type), `repaired` as BOOLEAN, everything else UTF-8 strings. A column the
 * database never leaves empty is REQUIRED, the rest OPTIONAL (null where the CSV has an empty cell).
 */
function columnKind(name: string): { kind: Kind; required: boolean } {
  if (name === "job_id" || name === "source_file") return { kind: "string", required: true };
  if (name === "source_line") return { kind: "int32", required: true };
  if (name === "duplicate_of") return { kind: "int32", required: false };
  if (name === "carrier") return { kind: "string", required: false };
  const spec = RECORD_FIELDS[name as RecordFieldName];
  const required = "required" in spec || spec.pg === "boolean";
  if (name === "start_time" || name === "end_time") return { kind: "timestamp", required };
  return { kind: spec.pg === "integer" ? "int32" : spec.pg === "boolean" ? "boolean" : "string", required };
}

export const PARQUET_KINDS = EXPORT_COLUMNS.map(columnKind);

/**
 * Min/max statistics for times and numbers only: they let DuckDB or Spark skip row groups on a
 * time range. On strings (phone numbers, cells, raw text) a group's range covers nearly every
 * value, and computing it cost ~7 % of the export.
 */
export const PARQUET_STATISTICS = PARQUET_KINDS.map((k) => k.kind !== "string");

/** Columns with a handful of values per export (jobs, files, kinds, carriers). */
export const LOW_CARDINALITY = new Set(["job_id", "direction", "record_type", "caller_kind", "callee_kind", "target_kind", "carrier", "source_file"]);

function schemaElement(name: string, { kind, required }: { kind: Kind; required: boolean }): SchemaElement {
  const repetition_type = required ? "REQUIRED" : "OPTIONAL";
  if (kind === "timestamp") {
    return { name, repetition_type, type: "INT64", converted_type: "TIMESTAMP_MILLIS", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" } };
  }
  if (kind === "int32") return { name, repetition_type, type: "INT32" };
  if (kind === "boolean") return { name, repetition_type, type: "BOOLEAN" };
  return { name, repetition_type, type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } };
}

/** The Parquet schema of the export (root + one leaf per column). */
export const PARQUET_SCHEMA: SchemaElement[] = [{ name: "root", num_children: EXPORT_COLUMNS.length }, ...EXPORT_COLUMNS.map((c, i) => schemaElement(c, PARQUET_KINDS[i]!))];
