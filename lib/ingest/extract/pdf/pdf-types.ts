import type { Rule } from "./page-graphics";

/** One positioned piece of text on a page (a pdfjs text run or an OCR word), in points, top-down. */
export interface PageItem {
  text: string;
  x: number;
  width: number;
  top: number;
  bottom: number;
  /** OCR confidence in [0,1]; absent for text-layer items. */
  conf?: number;
}

/** Items whose vertical centres agree: one visual line, items sorted left to right. */
export interface TextLine {
  top: number;
  bottom: number;
  items: PageItem[];
}

/** Everything the table rebuilder needs from one page. */
export interface PageLines {
  /** 1-based page number. */
  page: number;
  lines: TextLine[];
  /** Typical text height on the page: the unit for gap and pitch tolerances. */
  em: number;
  ocr: boolean;
  /** Ruling lines drawn on the page (text PDFs; absent for OCR'd pages). */
  rules?: { horizontal: Rule[]; vertical: Rule[] };
  /** Items are glyph-measured chunks (page-graphics.ts), not pdf.js text-layer runs or OCR words. */
  chunked?: boolean;
}

/** A rebuilt table row before it becomes a SourceRow. */
export interface TableRowCells {
  page: number;
  cells: string[];
  /** Lowest OCR word confidence per cell (1 for text-layer cells and empty cells). */
  cellConf: number[];
}

export const lineText = (line: TextLine): string => line.items.map((i) => i.text).join(" ");

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
