import { analyzeSheet, type SheetLayout, type TextRow } from "./sheet-layout";

/**
 * Which sheets of a workbook hold the records. Workbooks from carriers often carry a cover
 * page, a legend of codes, notes or a chart next to the data; the record sheet is the one with
 * a header and many consistent rows. Several record sheets with the same header (one per
 * month, or a sheet that overflowed Excel's row limit) load as one stream.
 */

export interface SheetHead {
  name: string;
  hidden: boolean;
  /** The sheet's first rows (all of them for small sheets). */
  rows: TextRow[];
  /** Last row number of the sheet (its used range), when known. */
  lastRow: number;
}

export interface SheetPlan {
  name: string;
  layout: SheetLayout;
}

const NOT_RECORDS = /legend|notes?\b|read\s?me|cover|about|info|instruction|summary|chart|glossary|\bkey\b|definition|contents|\btoc\b|codes?\b|help/i;

export function scoreSheet(head: SheetHead, layout: SheetLayout | null): number {
  if (!layout || layout.consistentRows === 0) return 0;
  const rowsAfter = Math.max(layout.consistentRows, head.lastRow - layout.dataLine + 1);
  let score = rowsAfter * layout.consistency * Math.min(layout.width, 12);
  if (layout.headerLine === null) score *= 0.7;
  if (NOT_RECORDS.test(head.name)) score *= 0.2;
  if (head.hidden) score *= 0.3;
  if (layout.width < 2) score *= 0.2;
  return score;
}

const headerKey = (layout: SheetLayout) => layout.headers.map((h) => h.trim().toLowerCase()).join("\u0001");

export interface SheetChoice {
  chosen: SheetPlan[];
  /** Sheets left out, with why, for the sample's warnings. */
  skipped: string[];
}

export function chooseSheets(heads: SheetHead[], forcedHeaderLine?: number | null): SheetChoice {
  const scored = heads.map((head) => {
    const layout = analyzeSheet(head.rows, forcedHeaderLine);
    return { head, layout, score: scoreSheet(head, layout) };
  });
  const best = scored.reduce<(typeof scored)[number] | null>((a, b) => (b.score > (a?.score ?? 0) ? b : a), null);
  if (!best || !best.layout) return { chosen: [], skipped: heads.map((h) => h.name) };
  const key = headerKey(best.layout);
  const chosen: SheetPlan[] = [];
  const skipped: string[] = [];
  for (const s of scored) {
    const sameTable = s === best || (s.layout && best.layout.headerLine !== null && s.score > 0 && headerKey(s.layout) === key);
    if (sameTable && s.layout) chosen.push({ name: s.head.name, layout: s.layout });
    else skipped.push(s.head.name);
  }
  return { chosen, skipped };
}
