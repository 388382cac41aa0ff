import type { AssignedLine } from "./column-model";
import { isPageNumberLine } from "./page-furniture";
import type { PageLines, TableRowCells, TextLine } from "./pdf-types";
import { bandOf, type RuledGrid } from "./ruled-grid";
import { assignFor, pageGrid, type TableLayout } from "./table-layout";

export interface PageRowsResult {
  rows: TableRowCells[];
  /** Lines inside the table that fit no column layout (section titles, subtotals): left out. */
  dropped: number;
}

type Kind = "start" | "continuation" | "other";

/** Most filled cells equal a header line's cells (case aside: OCR reads the header the same way each page). */
function isHeaderRepeat(a: AssignedLine, layout: TableLayout): boolean {
  const filled = a.cells.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return false;
  // A ruled page joins a wrapped header's lines into one band: compare with the joined header too.
  return [...layout.headerRows, layout.headers].some((h) => filled.filter((i) => (h[i] ?? "").toLowerCase() === (a.cells[i] ?? "").toLowerCase()).length >= filled.length * 0.6);
}

function classify(line: TextLine, a: AssignedLine, layout: TableLayout): Kind {
  if (isPageNumberLine(line) || !a.fits || isHeaderRepeat(a, layout)) return "other";
  const filled = a.filled.filter(Boolean).length;
  if (filled === 0) return "other";
  if (layout.anchors.length === 0) return filled >= Math.min(2, layout.spans.length) ? "start" : "continuation";
  const hits = layout.anchors.filter((c) => a.filled[c]).length;
  if (hits === 0) return "continuation";
  // Anchors are filled in nine rows out of ten: a line holding under half of them is no row.
  return hits * 2 >= layout.anchors.length ? "start" : "other";
}

/**
 * The data rows of one page. Everything above the first row (page header, repeated column header)
 * and below the last (footers, totals) is furniture; a line that fills no anchor column is the
 * wrapped second line of the row above and is joined into its cells.
 */
export function extractPageRows(page: PageLines, layout: TableLayout): PageRowsResult {
  const start = page.page === layout.page ? layout.bodyStart : 0;
  // A ruled page is read by its own grid when it draws the layout's columns (else by the layout's spans).
  const own = layout.ruled ? pageGrid(page) : null;
  const grid = own && own.xs.length - 1 <= layout.spans.length && layout.spans.length <= own.xs.length + 1 ? own : null;
  const { lines, assigned } = grid ? mergeBands(page.lines.slice(start), layout, grid, page.em) : plain(page.lines.slice(start), layout, page.em);
  const kinds = lines.map((l, i) => classify(l, assigned[i] as AssignedLine, layout));
  const first = kinds.indexOf("start");
  const last = kinds.lastIndexOf("start");
  const rows: TableRowCells[] = [];
  let dropped = 0;
  if (first < 0) return { rows, dropped };
  let end = last;
  // Wrapped lines of the last row follow it closely; a footer sits further down.
  while (kinds[end + 1] === "continuation" && (lines[end + 1] as TextLine).top - (lines[end] as TextLine).bottom < page.em * 1.2) end++;
  for (let i = first; i <= end; i++) {
    const a = assigned[i] as AssignedLine;
    const kind = kinds[i];
    const current = rows[rows.length - 1];
    if (kind === "start") rows.push({ page: page.page, cells: [...a.cells], cellConf: [...a.conf] });
    else if (kind === "continuation" && current) appendWrapped(current, a);
    else if (!isPageNumberLine(lines[i] as TextLine) && !isHeaderRepeat(a, layout)) dropped++;
  }
  return { rows, dropped };
}

function plain(lines: TextLine[], layout: TableLayout, em: number) {
  return { lines, assigned: lines.map((l) => assignFor(l, layout.spans, em, null)) };
}

/** In a ruled table the lines between two horizontal rules are one row: their cells are joined, top line first. */
function mergeBands(all: TextLine[], layout: TableLayout, grid: RuledGrid, em: number) {
  const lines: TextLine[] = [];
  const assigned: AssignedLine[] = [];
  let lastBand = -1;
  for (const line of all) {
    const band = bandOf(grid, line);
    const a = assignFor(line, layout.spans, em, grid);
    const prev = assigned[assigned.length - 1];
    const prevLine = lines[lines.length - 1];
    if (band >= 0 && band === lastBand && prev && prevLine) {
      a.cells.forEach((text, col) => {
        if (!text) return;
        prev.cells[col] = prev.cells[col] ? `${prev.cells[col]} ${text}` : text;
        prev.filled[col] = true;
        prev.conf[col] = Math.min(prev.conf[col] ?? 1, a.conf[col] ?? 1);
      });
      lines[lines.length - 1] = { top: prevLine.top, bottom: Math.max(prevLine.bottom, line.bottom), items: [...prevLine.items, ...line.items] };
    } else {
      lines.push(line);
      assigned.push(a);
    }
    lastBand = band;
  }
  return { lines, assigned };
}

/** A cell's second line continues its text (wrapped at a space, so a space joins them back). */
function appendWrapped(row: TableRowCells, a: AssignedLine): void {
  a.cells.forEach((text, col) => {
    if (!text) return;
    const prev = row.cells[col] ?? "";
    row.cells[col] = prev ? `${prev} ${text}` : text;
    row.cellConf[col] = Math.min(row.cellConf[col] ?? 1, a.conf[col] ?? 1);
  });
}
