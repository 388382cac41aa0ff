import { addHeaderOnlySpans, assignLine, learnSpans, type ColumnSpan } from "./column-model";
import { segmentCount } from "./line-grouping";
import { isPageNumberLine } from "./page-furniture";
import { lineText, type PageLines, type TextLine } from "./pdf-types";

/** What the first table page teaches about the whole document: columns, header, preamble. */
export interface TableLayout {
  spans: ColumnSpan[];
  headers: string[];
  /** 1-based line on the layout page where the header starts; null when headerless. */
  headerLine: number | null;
  preamble: string[];
  /** Columns filled in (nearly) every row: a line without any of them continues the row above. */
  anchors: number[];
  /** Cells of each header line, to recognise the header where it repeats (later pages, mid-page). */
  headerRows: string[][];
  /** Page the layout was learned on, and the index of its first body line. */
  page: number;
  bodyStart: number;
}

const MIN_GAP_EM = 0.5;
export const minGapFor = (em: number) => em * MIN_GAP_EM;

const hasDigit = (s: string) => /\d/.test(s);
/** Most of the line's items carry digits: a data row rather than a header. */
const isDataLike = (line: TextLine) => line.items.filter((i) => hasDigit(i.text)).length >= Math.max(1, line.items.length * 0.4);

/** Most common phrase count among lines with at least two phrases (ties go to the wider). */
function modalWidth(counts: number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c >= 2) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [c, n] of freq) if (n > bestN || (n === bestN && c > best)) (best = c), (bestN = n);
  return best;
}

/**
 * Learns the table layout from one page. `headerLine`: undefined = detect, null = headerless,
 * a number = that 1-based line of the page is the header (a reviewer's choice).
 */
export function learnTableLayout(page: PageLines, headerLine?: number | null): TableLayout | null {
  const { lines, em } = page;
  const minGap = minGapFor(em);
  const segs = lines.map((l) => segmentCount(l, minGap));
  const width = modalWidth(segs);
  if (width < 2) return null;
  const threshold = Math.max(2, Math.ceil(width * 0.5));
  const candidates = lines.map((_, i) => i).filter((i) => (segs[i] ?? 0) >= threshold);
  if (candidates.length < 2) return null;

  let block: number[] = [];
  let bodyStart: number;
  if (headerLine === null) bodyStart = candidates[0] ?? 0;
  else if (typeof headerLine === "number") (block = [headerLine - 1]), (bodyStart = headerLine);
  else {
    const firstCandidate = candidates[0] ?? 0;
    const firstData = candidates.find((i) => isDataLike(lines[i] as TextLine)) ?? candidates[1] ?? firstCandidate;
    bodyStart = firstData;
    // Header lines sit tight above the first row (a wrapped header spans several lines).
    for (let i = firstData - 1; i >= 0; i--) {
      const line = lines[i] as TextLine;
      const below = lines[i + 1] as TextLine;
      if (isDataLike(line) || below.top - line.top > em * 2.4 || isPageNumberLine(line)) break;
      block.unshift(i);
    }
    if (block.reduce((n, i) => n + (segs[i] ?? 0), 0) < threshold) block = [];
  }

  const body = candidates.filter((i) => i >= bodyStart).map((i) => lines[i] as TextLine);
  const headerItems = block.flatMap((i) => (lines[i] as TextLine).items);
  const spans = addHeaderOnlySpans(learnSpans(body, minGap), headerItems, minGap);
  // A one-phrase line that straddles columns is a preamble sentence, not a header line.
  while (block.length > 0 && (segs[block[0] ?? 0] ?? 0) < 2 && !assignLine(lines[block[0] ?? 0] as TextLine, spans, em).fits) block.shift();

  const headers = spans.map(() => "");
  const headerRows = block.map((i) => assignLine(lines[i] as TextLine, spans, em).cells);
  for (const cells of headerRows) {
    cells.forEach((c, col) => c && (headers[col] = headers[col] ? `${headers[col]} ${c}` : c));
  }
  const fill = spans.map(() => 0);
  for (const line of body) assignLine(line, spans, em).filled.forEach((f, col) => f && (fill[col] = (fill[col] ?? 0) + 1));
  const rates = fill.map((n) => n / Math.max(1, body.length));
  const maxRate = Math.max(...rates);
  const anchors = rates.map((r, col) => (r >= 0.9 || (maxRate < 0.9 && maxRate >= 0.6 && r === maxRate) ? col : -1)).filter((c) => c >= 0);
  const top = block[0] ?? bodyStart;
  return {
    spans,
    headers,
    headerLine: block.length > 0 ? top + 1 : null,
    preamble: lines.slice(0, top).filter((l) => !isPageNumberLine(l)).map(lineText),
    anchors,
    headerRows,
    page: page.page,
    bodyStart,
  };
}
