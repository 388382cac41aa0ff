import { MAPPABLE_FIELDS, type MappableField } from "../../schemas/fields";
import type { ColumnMapping } from "../../schemas/mapping";
import type { SourceRow } from "../types";

/** Index of the first column mapped to each field (-1 when unmapped), plus its format hint. */
export interface ColumnPlan {
  index: Record<MappableField, number>;
  format: Partial<Record<MappableField, string | null>>;
  /** Up to ~200 sample values of a column, for per-column inference (date order). */
  samples(field: MappableField): string[];
}

const FIELDS: readonly MappableField[] = MAPPABLE_FIELDS;

export function planColumns(columns: ColumnMapping[], sampleRows: SourceRow[] = []): ColumnPlan {
  const index = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<MappableField, number>;
  const format: ColumnPlan["format"] = {};
  for (const col of columns) {
    if (!col.field || index[col.field] !== -1) continue;
    index[col.field] = col.index;
    format[col.field] = col.format ?? null;
  }
  // A date-only column beside a full start time (and no clock to join it with) adds nothing: the start time wins.
  if (index.start_date !== -1 && index.start_clock === -1 && index.start_time !== -1) index.start_date = -1;
  // A start_time column next to a clock column holds only the date.
  if (index.start_date === -1 && index.start_clock !== -1 && index.start_time !== -1) {
    index.start_date = index.start_time;
    format.start_date = format.start_time ?? null;
    index.start_time = -1;
  }
  return {
    index,
    format,
    samples(field) {
      const i = index[field];
      if (i < 0) return [];
      const out: string[] = [];
      for (const row of sampleRows) {
        const v = row.cells[i]?.trim();
        if (v) out.push(v);
        if (out.length >= 200) break;
      }
      return out;
    },
  };
}
