import fs from "node:fs";
import { groupLines } from "./line-grouping";
import { extractPageRows } from "./page-rows";
import { openPdfDocument } from "./pdfjs-loader";
import type { PageItem } from "./pdf-types";
import { learnTableLayout } from "./table-layout";
import { findRuledGrid, gridRows, gridSpans } from "./ruled-grid";
import { readPageContent } from "./text-layer";

/** Region of a page in top-down points (tabula's convention): top, left, bottom, right. */
export type Area = [number, number, number, number];

/**
 * The table on one page of a PDF as a grid (header lines first, as third-party suites write it),
 * optionally restricted to an area. Used to score the rebuilder against published expectations.
 */
export async function extractPageGrid(file: string, pageNumber: number, area?: Area): Promise<string[][]> {
  const doc = await openPdfDocument(new Uint8Array(fs.readFileSync(file)));
  try {
    const page = await doc.getPage(pageNumber);
    const inArea = (i: PageItem) => {
      if (!area) return true;
      const cx = i.x + i.width / 2;
      const cy = (i.top + i.bottom) / 2;
      return cy >= area[0] && cy <= area[2] && cx >= area[1] && cx <= area[3];
    };
    const content = await readPageContent(page);
    const lines = groupLines(content.items.filter(inArea), pageNumber, false, content.rules, content.chunked);
    // A ruled table is read as its grid draws it (every band a row, header rows included).
    const box = textBox(lines.lines.flatMap((l) => l.items));
    const grid = box ? findRuledGrid(content.rules, area ? { top: area[0], left: area[1], bottom: area[2], right: area[3] } : box) : null;
    if (grid) return gridRows(lines.lines, grid, gridSpans(grid, lines.lines), lines.em);
    const layout = learnTableLayout(lines);
    if (!layout) return [];
    const rows = extractPageRows(lines, layout).rows.map((r) => r.cells);
    // Header lines as the page shows them (the suites keep a wrapped header's lines as rows; the
    // product joins them per column into layout.headers).
    return layout.headerLine === null ? rows : [...layout.headerRows, ...rows];
  } finally {
    await doc.destroy();
  }
}

function textBox(items: PageItem[]): { top: number; bottom: number; left: number; right: number } | null {
  if (items.length === 0) return null;
  return {
    top: Math.min(...items.map((i) => i.top)),
    bottom: Math.max(...items.map((i) => i.bottom)),
    left: Math.min(...items.map((i) => i.x)),
    right: Math.max(...items.map((i) => i.x + i.width)),
  };
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Cell-level accuracy: each expected row is matched to the extracted row sharing the most equal
 * cells at the same column index; a non-empty expected cell counts as right when that row has
 * exactly its text (whitespace collapsed) in that column. Returns [right, non-empty expected].
 * A first column that is empty in every expected row (a lattice artefact) is ignored.
 */
export function scoreGrid(expectedGrid: string[][], got: string[][]): [number, number] {
  // tabula's lattice output starts every row with an empty cell left of the first ruling: not a column.
  const leadingBlank = expectedGrid.length > 0 && expectedGrid.every((r) => norm(r[0] ?? "") === "");
  const expected = leadingBlank ? expectedGrid.map((r) => r.slice(1)) : expectedGrid;
  let right = 0;
  let total = 0;
  for (const want of expected) {
    const cells = want.map(norm);
    const filled = cells.filter((c) => c !== "").length;
    total += filled;
    let best = 0;
    for (const row of got) {
      const hits = cells.filter((c, i) => c !== "" && norm(row[i] ?? "") === c).length;
      best = Math.max(best, hits);
    }
    right += best;
  }
  return [right, total];
}
