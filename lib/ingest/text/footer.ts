import { cellKind, isDataKind } from "./cell-kind";

// Words of report furniture: totals, page marks, end markers. Matched only on rows far shorter than the table.
const FOOTER_WORDS =
  /\b(?:totals?|grand total|sum|count|end of (?:report|file|data|records?|listing)|page \d+(?: of \d+)?|records? (?:found|returned|listed|count)|rows? (?:found|returned|count)|generated (?:on|by|at)|report (?:end|generated|complete)|confidential|no more records|fin du rapport|gesamt|summe|seite \d+|página \d+|total de registros)\b/i;
const RULE_LINE = /^[\s\-=_*~#.+|]*$/;

/** A line made only of rule characters (`-----`, `=====`, `,,,,`) or spaces: drawn, not data. */
export function isRuleOrBlank(raw: string, cells: string[]): boolean {
  if (RULE_LINE.test(raw)) return true;
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/**
 * A footer or page-furniture line inside or after the table: far fewer cells than the table has and either
 * footer words (`Total records: 812`, `Page 3 of 9`, `End of report`) or a single text cell. Such rows
 * are dropped; ragged rows that still look like data are kept for the normalizer to judge.
 */
export function isFooterRow(cells: string[], raw: string, columnCount: number): boolean {
  const filled: string[] = [];
  for (const c of cells) if (c.trim() !== "") filled.push(c.trim());
  if (columnCount <= 2) return filled.length <= 1 && FOOTER_WORDS.test(raw) && raw.length < 120;
  if (filled.length > Math.max(1, Math.floor(columnCount / 3))) return false;
  if (FOOTER_WORDS.test(raw)) return true;
  const only = filled[0];
  return filled.length === 1 && only !== undefined && /\p{L}/u.test(only) && !isDataKind(cellKind(only));
}
