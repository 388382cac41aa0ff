/** What a column holds, judged from the cells of one OCR'd page. */
export type ColumnKind = "phone" | "digits" | "text";

// The confusions OCR makes between letters and digits in number-only print.
const CONFUSIONS: Record<string, string> = { O: "0", o: "0", Q: "0", l: "1", I: "1", "|": "1", S: "5", B: "8", Z: "2" };

const PHONE = /^\+?\(?\d[\d ().-]{5,}\d$/;
const DIGITISH = /^[\d :/.,()+-]*\d[\d :/.,()+-]*$/;
const digitCount = (s: string) => s.replace(/\D/g, "").length;

/** Replaces letter look-alikes with digits, for cells of a phone or digit column. */
export const fixDigitConfusions = (cell: string): string => cell.replace(/[OoQlI|SBZ]/g, (ch) => CONFUSIONS[ch] ?? ch);

const looksLikePhone = (s: string) => PHONE.test(s) && digitCount(s) >= 7 && digitCount(s) <= 15;
const looksDigitish = (s: string) => DIGITISH.test(s);
/** Digits → 9, letters → A: "09/02/23" and "10/14/23" share a shape, "O9/02/2E" does not. */
const shapeOf = (s: string) => s.replace(/\d/g, "9").replace(/[A-Za-z]/g, "A");

interface ColumnProfile {
  kind: ColumnKind;
  fillRate: number;
  shapes: Map<string, number>;
  count: number;
}

/** Kinds of the columns of a page: a column is phone/digit-like when most of its cells are, once fixed. */
export function profileColumns(rows: string[][], width: number): ColumnProfile[] {
  return Array.from({ length: width }, (_, col) => {
    const values = rows.map((r) => r[col] ?? "").filter((v) => v !== "");
    const fixed = values.map(fixDigitConfusions);
    const share = (test: (s: string) => boolean) => fixed.filter(test).length / Math.max(1, fixed.length);
    const kind: ColumnKind = values.length === 0 ? "text" : share(looksLikePhone) >= 0.6 ? "phone" : share(looksDigitish) >= 0.6 ? "digits" : "text";
    const shapes = new Map<string, number>();
    for (const v of fixed) shapes.set(shapeOf(v), (shapes.get(shapeOf(v)) ?? 0) + 1);
    return { kind, fillRate: values.length / Math.max(1, rows.length), shapes, count: values.length };
  });
}

export interface CheckedRow {
  cells: string[];
  /** Cells that still do not look like what their column holds (by index). */
  doubtful: number[];
}

/** Fixes confusions in phone and digit cells and lists the cells that still look wrong. */
export function checkOcrCells(cells: string[], profiles: ColumnProfile[]): CheckedRow {
  const doubtful: number[] = [];
  const out = cells.map((cell, col) => {
    const p = profiles[col];
    if (!p || p.kind === "text") return cell;
    if (cell === "") {
      // A column filled on (almost) every row of the page: an empty cell is more likely a missed word.
      if (p.fillRate >= 0.95 && p.count >= 5) doubtful.push(col);
      return cell;
    }
    const fixed = fixDigitConfusions(cell);
    const ok = p.kind === "phone" ? looksLikePhone(fixed) : looksDigitish(fixed) && !isRareShape(fixed, p);
    if (!ok) doubtful.push(col);
    return fixed;
  });
  return { cells: out, doubtful };
}

/** In a column where one shape dominates (dates, times), a shape seen once is a misread. */
function isRareShape(value: string, p: ColumnProfile): boolean {
  if (p.count < 10) return false;
  const top = Math.max(...p.shapes.values());
  return top / p.count >= 0.8 && (p.shapes.get(shapeOf(value)) ?? 0) <= 1;
}
