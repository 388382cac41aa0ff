import type { SourceRow } from "../types";
import { cellText, isDurationHeader, type RawCell } from "./cell-text";
import { isNonRecordRow, type SheetLayout, type TextRow } from "./sheet-layout";

/** Turning a sheet's raw rows into the pipeline's SourceRows, once the sheet's layout is known. */

export interface RawRow {
  line: number;
  cells: RawCell[];
}

export function toTextRows(rows: RawRow[], date1904: boolean): TextRow[] {
  return rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => cellText(c, date1904)) }));
}

export interface RowContext {
  sheetName: string;
  /** Prefix `raw` with the sheet name (several sheets load as one stream). */
  namePrefix: boolean;
  layout: SheetLayout;
  date1904: boolean;
  durationColumns: boolean[];
  maxLineLength: number | undefined;
}

export function rowContext(sheetName: string, namePrefix: boolean, layout: SheetLayout, date1904: boolean, maxLineLength?: number): RowContext {
  return { sheetName, namePrefix, layout, date1904, durationColumns: layout.headers.map(isDurationHeader), maxLineLength };
}

/** The SourceRow for a data row, or null for rows that are not records (blank, footer, repeated header). */
export function toSourceRow(row: RawRow, ctx: RowContext): SourceRow | null {
  if (row.line < ctx.layout.dataLine) return null;
  const width = Math.max(ctx.layout.width, lastFilled(row.cells));
  const cells = new Array<string>(width);
  for (let i = 0; i < width; i++) {
    const c = row.cells[i];
    cells[i] = c === undefined || c === null ? "" : cellText(c, ctx.date1904, ctx.durationColumns[i] === true);
  }
  if (isNonRecordRow(cells, ctx.layout.headers)) return null;
  const limit = ctx.maxLineLength;
  if (limit === undefined || rowLength(cells) <= limit) return new SheetRow(row.line, cells, ctx.namePrefix ? ctx.sheetName : null);
  const joined = cells.join("\t");
  const raw = ctx.namePrefix ? `${ctx.sheetName}: ${joined}` : joined;
  return {
    line: row.line,
    cells: cells.map((c) => c.slice(0, limit)),
    raw: raw.slice(0, limit),
    issue: { code: "line_too_long", message: `Row ${row.line} is ${joined.length} characters long, over the ${limit}-character limit.` },
  };
}

/** Length of the cells joined by tabs, without joining them. */
function rowLength(cells: string[]): number {
  let n = cells.length - 1;
  for (const c of cells) n += c.length;
  return n;
}

/**
 * A sheet's data row. `raw` (the cells joined by tabs, as the error table shows the row) is built
 * only when asked for: nearly every row is valid and never shows it (docs/benchmarks.md: the
 * 200k-row sheet's extraction 2.2–2.5 → 1.9 s). A getter, so a row copied by structured clone or
 * JSON loses it: sheet rows stay in the thread that reads them (the preview copies `raw` out).
 */
class SheetRow implements SourceRow {
  constructor(
    readonly line: number,
    readonly cells: string[],
    private readonly sheetName: string | null,
  ) {}

  get raw(): string {
    const joined = this.cells.join("\t");
    return this.sheetName === null ? joined : `${this.sheetName}: ${joined}`;
  }
}

function lastFilled(cells: RawCell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i];
    if (c !== null && c !== undefined && c !== "") return i + 1;
  }
  return 0;
}
