import { addHeaderOnlySpans, assignLine, learnSpans, splitByHeader, type ColumnSpan } from "./column-model";
import { segmentCount } from "./line-grouping";
import { isPageNumberLine } from "./page-furniture";
import type { PageLines, TextLine } from "./pdf-types";
import { assignGridLine, findRuledGrid, gridSpans, type RuledGrid } from "./ruled-grid";

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
  /** Columns come from ruling lines: later pages are read by their own grid (when it has as many columns). */
  ruled: boolean;
}

/** The ruled table of a page, if its ruling lines draw one around the page's text. */
export function pageGrid(page: PageLines): RuledGrid | null {
  if (!page.rules || page.rules.vertical.length === 0) return null;
  return findRuledGrid(page.rules);
}

/** A line's cells under the layout's columns: by the page's grid when the table is ruled, by the gaps otherwise. */
export function assignFor(line: TextLine, spans: ColumnSpan[], em: number, grid: RuledGrid | null) {
  return grid ? assignGridLine(line, spans, grid, em) : assignLine(line, spans, em);
}

const MIN_GAP_EM = 0.5;
/**
 * Text read glyph by glyph comes in chunks that already hold a cell's words with their real spaces,
 * so a much narrower strip of white between chunks is a column gap (close columns stay apart);
 * pdf.js text-layer runs and OCR words need the wider gap.
 */
const CHUNK_GAP_EM = 0.3;
export const minGapFor = (em: number, chunked = false) => em * (chunked ? CHUNK_GAP_EM : MIN_GAP_EM);

const hasDigit = (s: string) => /\d/.test(s);
/** Most of the line's items carry digits: a data row rather than a header. */
const isDataLike = (line: TextLine) => line.items.filter((i) => hasDigit(i.text)).length >= Math.max(1, line.items.length * 0.4);

/** The statements of a line: runs of items separated by a wide gap (four column gaps). */
function phrases(line: TextLine, minGap: number): string[] {
  const out: string[] = [];
  let phrase: string[] = [];
  let right = -Infinity;
  for (const item of line.items) {
    if (phrase.length > 0 && item.x - right >= minGap * 4) (out.push(phrase.join(" ")), (phrase = []));
    phrase.push(item.text);
    right = Math.max(right, item.x + item.width);
  }
  if (phrase.length > 0) out.push(phrase.join(" "));
  return out;
}

/** A line opening with a "Key: value" statement ("Time Zone: UTC", "MDN: 713…"): what a report states above its table. */
const isPreambleLike = (line: TextLine, minGap: number) => /^[A-Za-z][\w ./()-]{0,40}:\s*\S/.test(phrases(line, minGap)[0] ?? "");

/**
 * Lines above the table as a text file would hold them: each statement of a line on its own (a
 * page header "ACME CDR        CONFIDENTIAL" is two), page numbers left out.
 */
const preambleOf = (lines: TextLine[], minGap: number): string[] => lines.filter((l) => !isPageNumberLine(l)).flatMap((l) => phrases(l, minGap));

const lineHeight = (l: TextLine) => l.bottom - l.top;
/** Header lines share one type size; a report title or statement above is usually set larger. */
const sameSize = (a: TextLine, b: TextLine) => Math.abs(lineHeight(a) - lineHeight(b)) <= Math.max(lineHeight(a), lineHeight(b)) * 0.15;

/** Some item of `upper` stands over an item of `lower` (a wrapped header cell's lines). */
const stacksOver = (upper: TextLine, lower: TextLine) => upper.items.some((u) => lower.items.some((l) => Math.min(u.x + u.width, l.x + l.width) - Math.max(u.x, l.x) > 0));

/** Most common phrase count among lines with at least two phrases (ties go to the wider). */
function modalWidth(counts: number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c >= 2) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [c, n] of freq) if (n > bestN || (n === bestN && c > best)) ((best = c), (bestN = n));
  return best;
}

/**
 * Learns the table layout from one page. `headerLine`: undefined = detect, null = headerless,
 * a number = that 1-based line of the page is the header (a reviewer's choice).
 */
export function learnTableLayout(page: PageLines, headerLine?: number | null): TableLayout | null {
  const { lines, em } = page;
  const minGap = minGapFor(em, page.chunked === true);
  const grid0 = pageGrid(page);
  const segs = lines.map((l) => segmentCount(l, minGap));
  const width = modalWidth(segs);
  if (width < 2) return null;
  const threshold = Math.max(2, Math.ceil(width * 0.5));
  const candidates = lines.map((_, i) => i).filter((i) => (segs[i] ?? 0) >= threshold);
  if (candidates.length < 2) return null;

  let block: number[] = [];
  let bodyStart: number;
  if (headerLine === null) bodyStart = candidates[0] ?? 0;
  else if (typeof headerLine === "number") {
    // The reviewer names the header's (first) line: a wrapped header goes on below it, tight and
    // without data, exactly as detection would take it, so both read the same columns and rows.
    block = [headerLine - 1];
    let i = headerLine;
    const wraps = (l: TextLine, above: TextLine) => !isDataLike(l) && l.top - above.top <= em * 2.4 && !isPreambleLike(l, minGap) && !isPageNumberLine(l);
    while (i < lines.length && wraps(lines[i] as TextLine, lines[i - 1] as TextLine)) block.push(i++);
    bodyStart = i;
  } else {
    const firstCandidate = candidates[0] ?? 0;
    const firstData = candidates.find((i) => isDataLike(lines[i] as TextLine)) ?? candidates[1] ?? firstCandidate;
    bodyStart = firstData;
    // Header lines sit tight above the first row (a wrapped header spans several lines).
    for (let i = firstData - 1; i >= 0; i--) {
      const line = lines[i] as TextLine;
      const below = lines[i + 1] as TextLine;
      if (isDataLike(line) || below.top - line.top > em * 2.4 || isPageNumberLine(line)) break;
      if (grid0 && (line.top + line.bottom) / 2 < grid0.top) break;
      if (isPreambleLike(line, minGap)) break;
      const top = block[0];
      if (top !== undefined && (segs[i] ?? 0) < 2) {
        // A single phrase over the header joins it only as a wrapped header cell's upper line: set in
        // the header's type size and standing over one of its words (a title is neither).
        const header = lines[top] as TextLine;
        if (!sameSize(line, header) || ((segs[top] ?? 0) >= threshold && !stacksOver(line, header))) break;
      }
      block.unshift(i);
    }
    if (block.reduce((n, i) => n + (segs[i] ?? 0), 0) < threshold) block = [];
  }

  const body = candidates.filter((i) => i >= bodyStart).map((i) => lines[i] as TextLine);
  const headerItems = block.flatMap((i) => (lines[i] as TextLine).items);
  // OCR reads single words, not phrases: there a header word must also line up with the values, or
  // the words of one header ("Seizure" "Dt Tm") could split a cell's date from its time.
  const gapSpans = splitByHeader(learnSpans(body, minGap), body, headerItems, em, page.ocr);
  const spans = grid0 ? gridSpans(grid0, lines) : addHeaderOnlySpans(gapSpans, headerItems, minGap);
  const assign = (l: TextLine) => assignFor(l, spans, em, grid0);
  // A one-phrase line that straddles columns is a preamble sentence, not a header line.
  while (block.length > 0 && (segs[block[0] ?? 0] ?? 0) < 2 && !assign(lines[block[0] ?? 0] as TextLine).fits) block.shift();

  const headers = spans.map(() => "");
  const headerRows = block.map((i) => assign(lines[i] as TextLine).cells);
  for (const cells of headerRows) {
    cells.forEach((c, col) => c && (headers[col] = headers[col] ? `${headers[col]} ${c}` : c));
  }
  const fill = spans.map(() => 0);
  for (const line of body) assign(line).filled.forEach((f, col) => f && (fill[col] = (fill[col] ?? 0) + 1));
  const rates = fill.map((n) => n / Math.max(1, body.length));
  const maxRate = Math.max(...rates);
  const anchors = rates.map((r, col) => (r >= 0.9 || (maxRate < 0.9 && maxRate >= 0.6 && r === maxRate) ? col : -1)).filter((c) => c >= 0);
  const top = block[0] ?? bodyStart;
  return {
    spans,
    headers,
    headerLine: block.length > 0 ? top + 1 : null,
    preamble: preambleOf(lines.slice(0, top), minGap),
    anchors,
    headerRows,
    page: page.page,
    bodyStart,
    ruled: grid0 !== null,
  };
}
