import { checkOcrCells, profileColumns } from "./ocr-cell-check";
import type { TableRowCells } from "./pdf-types";

/** Below this a row goes to review rather than straight into the database. */
export const DOUBTFUL_CONFIDENCE = 0.3;

export interface OcrRow {
  cells: string[];
  /** Lowest word confidence of the row's cells, capped at DOUBTFUL_CONFIDENCE when a cell still looks wrong. */
  ocrConfidence: number;
  doubtfulColumns: number[];
}

/**
 * Cleans the rows of one OCR'd page: column kinds come from the page itself (dozens of rows),
 * so a phone column is recognised whatever its header says.
 */
export function cleanOcrRows(rows: TableRowCells[], width: number): OcrRow[] {
  const profiles = profileColumns(
    rows.map((r) => r.cells),
    width,
  );
  return rows.map((r) => {
    const { cells, doubtful } = checkOcrCells(r.cells, profiles);
    const wordConf = r.cellConf.reduce((m, c, i) => (cells[i] ? Math.min(m, c) : m), 1);
    const ocrConfidence = doubtful.length > 0 ? Math.min(wordConf, DOUBTFUL_CONFIDENCE) : wordConf;
    return { cells, ocrConfidence: Math.round(ocrConfidence * 1000) / 1000, doubtfulColumns: doubtful };
  });
}
