import type { TableSample } from "../types";
import { columnCount } from "./map-columns";
import { normalizeHeader } from "./normalize-header";
import { dominantKind, profileColumn } from "./profile-column";

/**
 * A signature equal for files of the same layout: the normalized header tokens in order
 * ("Conn. Date" and "CONN_DATE" agree), or for headerless files the column count plus each
 * column's dominant value kind. Saved on templates and looked up for the next file.
 */
export function layoutFingerprint(sample: TableSample): string {
  const headerless = sample.headerLine === null || sample.headers.every((h) => h.trim() === "");
  if (!headerless) return `h:${sample.headers.map((h) => normalizeHeader(h).text).join("|")}`;
  const n = columnCount(sample);
  const kinds = Array.from({ length: n }, (_, i) => dominantKind(profileColumn(sample.sampleRows.map((r) => r.cells[i] ?? ""))));
  return `n:${n}:${kinds.join(",")}`;
}
