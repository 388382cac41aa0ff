import type { SourceRow } from "../types";
import type { TableLayout } from "./detect-layout";
import { isFieldTypeLine } from "./field-type-line";
import { isFooterRow, isRuleOrBlank } from "./footer";
import type { RawRecord } from "./record-reader";

export interface RowFilterCounts {
  blank: number;
  footer: number;
  repeatedHeader: number;
  fieldTypes: number;
}

/**
 * Turns records into data rows: drops everything before the data, blank and rule lines, footer lines and
 * header lines repeated on every page; strips trailing empty cells beyond the header's width (writers that
 * end every line with a delimiter). Everything else, ragged or not, stays a row for the normalizer to judge.
 */
export function createRowFilter(layout: TableLayout): { accept: (r: RawRecord) => SourceRow | null; counts: RowFilterCounts } {
  const counts: RowFilterCounts = { blank: 0, footer: 0, repeatedHeader: 0, fieldTypes: 0 };
  const width = Math.max(layout.headers.length, 1);
  const headerKey = layout.headerLine !== null ? layout.headers.join("\u0000") : null;
  const firstHeader = layout.headers[0];
  // CUCM's field-type line (INTEGER,VARCHAR(50),…) under the names, or first when there are none: it describes the columns, it is no call.
  const lastTypeLine = layout.dataStartLine + 1;
  const accept = (r: RawRecord): SourceRow | null => {
    if (r.line < layout.dataStartLine) return null;
    // RawRecord already has SourceRow's shape: returning it avoids a second object per row on the hot path.
    if (r.issue) return r;
    if (isRuleOrBlank(r.raw, r.cells)) {
      counts.blank++;
      return null;
    }
    const cells = r.cells;
    while (cells.length > width && cells[cells.length - 1] === "") cells.pop();
    if (cells.length < layout.columnCount && isFooterRow(cells, r.raw, layout.columnCount)) {
      counts.footer++;
      return null;
    }
    if (r.line <= lastTypeLine && isFieldTypeLine(cells)) {
      counts.fieldTypes++;
      return null;
    }
    if (headerKey !== null && cells.length === layout.headers.length && cells[0]?.trim() === firstHeader && cells.map((c) => c.trim()).join("\u0000") === headerKey) {
      counts.repeatedHeader++;
      return null;
    }
    return r;
  };
  return { accept, counts };
}
