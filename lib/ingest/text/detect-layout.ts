import { cellKind, isDataKind, type CellKind } from "./cell-kind";
import { isRuleOrBlank } from "./footer";
import type { RawRecord } from "./record-reader";

/** Where the table sits in the file: what comes before it, its header, and where data begins. */
export interface TableLayout {
  /** Non-blank lines before the header (or first data row), trimmed. */
  preamble: string[];
  headerLine: number | null;
  /** Header cells trimmed; for headerless files one empty string per column. */
  headers: string[];
  /** First physical line that may hold a data row. */
  dataStartLine: number;
  /** The number of cells most rows have. */
  columnCount: number;
}

const LOOKAHEAD = 5;

/**
 * Finds the table in the head records. The column count is the most common cell count; the table starts at
 * the first record of about that width followed by records of that width (so title lines, `Target: …`
 * and blank lines before it become the preamble). That first record is a header when its cells are mostly
 * labels rather than values and differ in kind from the rows under it. `override` is a reviewer's choice.
 */
export function detectLayout(records: RawRecord[], override?: number | null): TableLayout {
  const rows = records.filter((r) => !r.issue && !isRuleOrBlank(r.raw, r.cells));
  if (rows.length === 0) return { preamble: [], headerLine: null, headers: [], dataStartLine: 1, columnCount: 0 };
  const columnCount = modalWidth(rows);
  const start = tableStart(rows, columnCount);
  const first = rows[start]!;
  const preambleBefore = (line: number) => rows.filter((r) => r.line < line).map((r) => r.raw.trim());
  if (typeof override === "number") {
    const header = rows.find((r) => r.line === override);
    return {
      preamble: preambleBefore(override),
      headerLine: override,
      headers: header ? header.cells.map((c) => c.trim()) : [],
      dataStartLine: override + 1,
      columnCount: header ? Math.max(header.cells.length, columnCount) : columnCount,
    };
  }
  const below = rows.slice(start + 1, start + 60).filter((r) => Math.abs(r.cells.length - columnCount) <= 1);
  const isHeader = override === null ? false : looksLikeHeader(first.cells, below);
  return {
    preamble: preambleBefore(first.line),
    headerLine: isHeader ? first.line : null,
    headers: isHeader ? first.cells.map((c) => c.trim()) : new Array<string>(columnCount).fill(""),
    dataStartLine: isHeader ? first.line + 1 : first.line,
    columnCount,
  };
}

/** Most common width among rows of two or more cells (ties: the wider); 1 for single-column files. */
function modalWidth(rows: RawRecord[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.cells.length >= 2) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 1;
  let bestCount = 0;
  for (const [width, count] of counts) {
    if (count > bestCount || (count === bestCount && width > best)) {
      best = width;
      bestCount = count;
    }
  }
  return best;
}

function tableStart(rows: RawRecord[], width: number): number {
  if (width <= 1) return 0;
  // The table's first row has its width (a header may add one empty trailing cell); a title line seldom does.
  const fits = (r: RawRecord) => r.cells.length === width || (r.cells.length === width + 1 && r.cells[width] === "");
  for (let i = 0; i < rows.length; i++) {
    const next = rows.slice(i + 1, i + 1 + LOOKAHEAD);
    // Writers that end every data line with a delimiter give the rows one more (empty) cell than the header.
    const shortHeader = rows[i]!.cells.length === width - 1 && next.length > 0 && next.every((r) => r.cells[width - 1] === "");
    if (!fits(rows[i]!) && !shortHeader) continue;
    const same = next.filter((r) => r.cells.length === width).length;
    if (next.length === 0 || same >= next.length * 0.5 || same >= 2) return i;
  }
  return 0;
}

function looksLikeHeader(cells: string[], below: RawRecord[]): boolean {
  const kinds = cells.map((c) => cellKind(c));
  const filled = kinds.filter((k) => k !== "empty");
  if (filled.length === 0) return false;
  const dataShare = filled.filter(isDataKind).length / filled.length;
  if (dataShare > 0.3) return false;
  if (below.length === 0) return true;
  // A header differs in kind from its column: a label over numbers, dates or phone numbers.
  let differ = 0;
  kinds.forEach((kind, j) => {
    if (isDataKind(kind) || kind === "empty") return;
    if (isDataKind(dominantKind(below, j))) differ++;
  });
  if (differ > 0) return true;
  // All-text tables: a header's labels are all filled and distinct, and not repeated in the rows below.
  const trimmed = cells.map((c) => c.trim());
  const distinct = new Set(trimmed).size === trimmed.length && filled.length === cells.length;
  const repeated = below.some((r) => r.cells.some((c, j) => c.trim() !== "" && c.trim() === trimmed[j]));
  return distinct && !repeated;
}

function dominantKind(rows: RawRecord[], column: number): CellKind {
  const counts = new Map<CellKind, number>();
  for (const r of rows) {
    const kind = cellKind(r.cells[column] ?? "");
    if (kind !== "empty") counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  let best: CellKind = "empty";
  let bestCount = 0;
  for (const [kind, count] of counts) if (count > bestCount) [best, bestCount] = [kind, count];
  return best;
}
