import { isFieldTypeLine } from "../../text/field-type-line";
import type { TableSample } from "../../types";

export { isFieldTypeLine };

/**
 * The sample as the layouts should see it: field-type lines (CUCM's `INTEGER,VARCHAR(50),…`)
 * dropped from the rows, and a header that is itself a type line read as no header (the columns
 * are then known by their place). Returns the same object when there is nothing to drop.
 */
export function withoutFieldTypes(sample: TableSample): TableSample {
  const typeHeader = sample.headerLine !== null && isFieldTypeLine(sample.headers);
  const rows = sample.sampleRows.filter((r) => !isFieldTypeLine(r.cells));
  if (!typeHeader && rows.length === sample.sampleRows.length) return sample;
  return {
    ...sample,
    sampleRows: rows,
    headerLine: typeHeader ? null : sample.headerLine,
    headers: typeHeader ? sample.headers.map(() => "") : sample.headers,
  };
}
