/**
 * Where the table starts in a sheet's first rows: title/preamble rows, the header row (not
 * necessarily row 1), and how consistent the rows after it are. Works on text cells so the
 * xlsx and xls readers share it.
 */

export interface TextRow {
  line: number;
  cells: string[];
}

export interface SheetLayout {
  /** Sheet row of the header; null when the table has no header row. */
  headerLine: number | null;
  headers: string[];
  /** Sheet row of the first data row. */
  dataLine: number;
  preamble: string[];
  width: number;
  /** Rows after the header in the head sample that look like table rows. */
  consistentRows: number;
  /** Share of those among the rows after the header, in [0,1]. */
  consistency: number;
}

const VALUE_LIKE = /^[-+(]?[\d\s.,:/()+-]*\d[\d\s.,:/()+-]*(?:\s?[AaPp]\.?[Mm]\.?)?$|^\d{4}-\d{2}-\d{2}[ T]\d/;

export function isValueLike(cell: string): boolean {
  const v = cell.trim();
  return v !== "" && VALUE_LIKE.test(v);
}

const nonEmpty = (cells: string[]) => cells.filter((c) => c.trim() !== "");
const lastFilled = (cells: string[]) => {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== "") return i + 1;
  return 0;
};

/** A preamble line from a title/key-value row: "Target:" | 7135551234 → "Target: 7135551234". */
export function preambleLine(cells: string[]): string {
  const filled = nonEmpty(cells).map((c) => c.trim());
  if (filled.length === 2 && !/[:=]$/.test(filled[0]!) && !isValueLike(filled[0]!)) return `${filled[0]}: ${filled[1]}`;
  return filled.join(" ");
}

function fitsTable(row: TextRow, width: number): boolean {
  return nonEmpty(row.cells).length >= Math.max(1, Math.ceil(width * 0.5));
}

/** How well the rows after `index` continue a table of `width` filled cells. */
function continuation(rows: TextRow[], index: number, width: number): { fits: number; share: number; valueRows: number } {
  const after = rows.slice(index + 1, index + 41);
  if (after.length === 0) return { fits: 0, share: 0, valueRows: 0 };
  let fits = 0;
  let valueRows = 0;
  for (const r of after) {
    if (fitsTable(r, width)) fits++;
    if (r.cells.some(isValueLike)) valueRows++;
  }
  return { fits, share: fits / after.length, valueRows };
}

function isHeaderLike(cells: string[]): boolean {
  const filled = nonEmpty(cells);
  if (filled.length < 2) return false;
  if (filled.some(isValueLike)) return false;
  const distinct = new Set(filled.map((c) => c.trim().toLowerCase()));
  return distinct.size >= filled.length * 0.8;
}

/**
 * Finds the header among the first non-empty rows: the first all-text row of at least two
 * distinct cells that the following rows continue (similar width, with values in them).
 * Without one, the table is headerless and starts at the first row the others continue.
 * `forcedHeaderLine` is a reviewer's choice (null = headerless).
 */
export function analyzeSheet(rows: TextRow[], forcedHeaderLine?: number | null): SheetLayout | null {
  const filled = rows.filter((r) => nonEmpty(r.cells).length > 0);
  if (filled.length === 0) return null;
  let headerIndex = -1;
  let dataIndex = -1;
  if (forcedHeaderLine !== undefined && forcedHeaderLine !== null) {
    headerIndex = filled.findIndex((r) => r.line >= forcedHeaderLine);
    if (headerIndex >= 0) dataIndex = headerIndex + 1;
  } else if (forcedHeaderLine === null) {
    dataIndex = 0;
  } else {
    const scan = Math.min(filled.length, 40);
    for (let i = 0; i < scan && headerIndex < 0; i++) {
      const row = filled[i]!;
      if (!isHeaderLike(row.cells)) continue;
      const width = nonEmpty(row.cells).length;
      const c = continuation(filled, i, width);
      const enoughRows = filled.length - i - 1;
      if (enoughRows === 0) continue;
      if (c.share >= 0.6 && c.valueRows >= Math.min(enoughRows, 40) * 0.5) headerIndex = i;
    }
    if (headerIndex >= 0) dataIndex = headerIndex + 1;
    else dataIndex = headerlessStart(filled);
  }
  if (dataIndex < 0) return null;
  const headerRow = headerIndex >= 0 ? filled[headerIndex]! : null;
  const body = filled.slice(dataIndex, dataIndex + 200);
  const width = Math.max(headerRow ? lastFilled(headerRow.cells) : 0, ...body.map((r) => lastFilled(r.cells)));
  const headers = Array.from({ length: width }, (_, i) => (headerRow?.cells[i] ?? "").trim());
  const tableWidth = headerRow ? nonEmpty(headerRow.cells).length : modalWidth(body);
  const consistentRows = body.filter((r) => fitsTable(r, tableWidth)).length;
  return {
    headerLine: headerRow ? headerRow.line : null,
    headers,
    dataLine: filled[dataIndex]?.line ?? (headerRow ? headerRow.line + 1 : 1),
    preamble: filled
      .slice(0, headerIndex >= 0 ? headerIndex : dataIndex)
      .map((r) => preambleLine(r.cells))
      .filter((l) => l !== ""),
    width,
    consistentRows,
    consistency: body.length ? consistentRows / body.length : 0,
  };
}

function modalWidth(rows: TextRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const n = nonEmpty(r.cells).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [n, c] of counts) if (c > bestCount || (c === bestCount && n > best)) [best, bestCount] = [n, c];
  return best;
}

/** First row of a headerless table: the first row at least as wide as most rows, with values in it. */
function headerlessStart(rows: TextRow[]): number {
  const width = modalWidth(rows.slice(0, 200));
  const i = rows.findIndex((r) => nonEmpty(r.cells).length >= Math.max(1, width * 0.8) && r.cells.some(isValueLike));
  return i >= 0 ? i : rows.findIndex((r) => nonEmpty(r.cells).length >= width);
}

const FOOTER = /^(total|totals|grand total|end of|records?\b|count\b|page \d|\*{2,}|generated|report (generated|end)|note[s:]?\b)/i;

/** Rows inside the data zone that are not records: a lone "Total records: 812" cell, or the header repeated. */
export function isNonRecordRow(cells: string[], headers: string[]): boolean {
  const filled = nonEmpty(cells);
  if (filled.length === 0) return true;
  if (filled.length === 1 && headers.length >= 3 && FOOTER.test(filled[0]!.trim())) return true;
  if (headers.some((h) => h !== "") && cells.length >= filled.length) {
    return headers.every((h, i) => (cells[i] ?? "").trim() === h);
  }
  return false;
}
