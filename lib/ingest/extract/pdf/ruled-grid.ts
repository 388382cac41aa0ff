import { joinCellItems, type ColumnSpan } from "./column-model";
import type { Rule } from "./page-graphics";
import type { PageItem, TextLine } from "./pdf-types";

/** Ruling lines of a page (top-down points), as read by page-graphics.ts. */
export interface PageRules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** A table drawn with ruling lines: column edges (x) and row edges (y), sorted. */
export interface RuledGrid {
  xs: number[];
  ys: number[];
  /** Vertical segments kept, to tell a spanning cell (rule absent at that height) from a split one. */
  vertical: Rule[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const TOL = 2;

/** Collinear segments that touch or overlap become one. */
function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const same = out.filter((o) => Math.abs(o.at - r.at) <= TOL && r.from <= o.to + TOL && r.to >= o.from - TOL);
    const last = same[same.length - 1];
    if (last) ((last.from = Math.min(last.from, r.from)), (last.to = Math.max(last.to, r.to)));
    else out.push({ ...r });
  }
  return out;
}

const crosses = (v: Rule, h: Rule) => v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;

/** Distinct positions, clustered within the tolerance. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > TOL * 1.5) out.push(v);
  }
  return out;
}

/**
 * The largest ruled table on the page: vertical rules that cross at least two horizontal ones
 * (and vice versa). Null when the page has no such grid (a whitespace table, or only underlines).
 * `within` restricts it to a region (the text of the table).
 */
export function findRuledGrid(rules: PageRules | undefined, within?: { top: number; bottom: number; left: number; right: number }): RuledGrid | null {
  if (!rules) return null;
  const inRegion = (r: Rule, vertical: boolean) => {
    if (!within) return true;
    const [x0, x1, y0, y1] = vertical ? [r.at, r.at, r.from, r.to] : [r.from, r.to, r.at, r.at];
    return x1 >= within.left - 10 && x0 <= within.right + 10 && y1 >= within.top - 10 && y0 <= within.bottom + 10;
  };
  let h = mergeRules(rules.horizontal.filter((r) => inRegion(r, false) && r.to - r.from > 4));
  let v = mergeRules(rules.vertical.filter((r) => inRegion(r, true) && r.to - r.from > 4));
  // Keep lines that meet the other direction at least twice: a box, not a stray underline.
  for (let pass = 0; pass < 2; pass++) {
    const v2 = v.filter((a) => h.filter((b) => crosses(a, b)).length >= 2);
    const h2 = h.filter((b) => v2.filter((a) => crosses(a, b)).length >= 2);
    v = v2;
    h = h2;
  }
  if (v.length < 2 || h.length < 2) return null;
  const xs = positions(v.map((r) => r.at));
  const ys = positions(h.map((r) => r.at));
  // A frame round a whitespace table (two verticals) draws no columns: that table is read by its gaps.
  if (xs.length < 3 || ys.length < 2) return null;
  return { xs, ys, vertical: v, top: ys[0] as number, bottom: ys[ys.length - 1] as number, left: xs[0] as number, right: xs[xs.length - 1] as number };
}

/** Column spans between the vertical rules, plus a column left/right of the outer rules when text sits there. */
export function gridSpans(grid: RuledGrid, lines: TextLine[]): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  const inside = lines.filter((l) => l.bottom > grid.top && l.top < grid.bottom).flatMap((l) => l.items);
  const minX = Math.min(...inside.map((i) => i.x));
  const maxX = Math.max(...inside.map((i) => i.x + i.width));
  if (minX < (grid.xs[0] as number) - 1) spans.push({ left: minX, right: grid.xs[0] as number });
  for (let k = 0; k + 1 < grid.xs.length; k++) spans.push({ left: grid.xs[k] as number, right: grid.xs[k + 1] as number });
  if (maxX > (grid.xs[grid.xs.length - 1] as number) + 1) spans.push({ left: grid.xs[grid.xs.length - 1] as number, right: maxX });
  return spans;
}

/** Is there a vertical rule at x over this line's height (a real cell edge, not a spanning cell)? */
function ruleAt(grid: RuledGrid, x: number, top: number, bottom: number): boolean {
  const mid = (top + bottom) / 2;
  return grid.vertical.some((r) => Math.abs(r.at - x) <= TOL && r.from <= mid + TOL && r.to >= mid - TOL);
}

/**
 * Column of an item in a ruled table: the cell its centre falls in; when the text crosses a column
 * edge that has no rule at its height, the cell spans those columns and the text goes to the first.
 */
export function gridColumn(grid: RuledGrid, spans: ColumnSpan[], item: PageItem, top: number, bottom: number): number {
  const cx = item.x + item.width / 2;
  let col = spans.findIndex((s) => cx >= s.left && cx < s.right);
  if (col < 0) col = cx < (spans[0]?.left ?? 0) ? 0 : spans.length - 1;
  // Walk left while the text reaches past an edge that is not drawn here.
  while (col > 0) {
    const edge = (spans[col] as ColumnSpan).left;
    if (item.x < edge - 1 && !ruleAt(grid, edge, top, bottom)) col--;
    else break;
  }
  return col;
}

/** Row band of a line: index of the horizontal rule above it (lines in one band form one row). */
export function bandOf(grid: RuledGrid, line: TextLine): number {
  const mid = (line.top + line.bottom) / 2;
  if (mid < grid.top || mid > grid.bottom) return -1;
  let band = 0;
  for (let k = 0; k < grid.ys.length; k++) if ((grid.ys[k] as number) <= mid) band = k;
  return band;
}

/** Cells of one line in a ruled table (every item goes to the cell it sits in: a line always fits). */
export function assignGridLine(line: TextLine, spans: ColumnSpan[], grid: RuledGrid, em: number): { cells: string[]; conf: number[]; filled: boolean[]; fits: boolean } {
  const parts: PageItem[][] = spans.map(() => []);
  for (const item of line.items) parts[gridColumn(grid, spans, item, line.top, line.bottom)]?.push(item);
  const cells = parts.map((items) => joinCellItems(items, em));
  const conf = parts.map((items) => items.reduce((m, i) => Math.min(m, i.conf ?? 1), 1));
  return { cells, conf, filled: cells.map((c) => c !== ""), fits: true };
}

/** The rows of a ruled table as the grid draws them: the lines of one band make one row, cells joined with a space. */
export function gridRows(lines: TextLine[], grid: RuledGrid, spans: ColumnSpan[], em: number): string[][] {
  const rows: string[][] = [];
  let lastBand = -2;
  for (const line of lines) {
    const band = bandOf(grid, line);
    if (band < 0) continue;
    const { cells } = assignGridLine(line, spans, grid, em);
    const cur = rows[rows.length - 1];
    if (band === lastBand && cur) cells.forEach((c, i) => c && (cur[i] = cur[i] ? `${cur[i]} ${c}` : c));
    else rows.push(cells);
    lastBand = band;
  }
  return rows;
}
