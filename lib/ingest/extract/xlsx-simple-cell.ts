import { decodeXmlText } from "./xml-scanner";

/**
 * The common worksheet cell read in one step straight from the XML text: `<c r="B7" s="3" t="s">
 * <v>12</v></c>` (no whitespace inside), `<c …/>` and `<c …></c>`, with any of the attributes r, s
 * and t in any order. Nearly every cell a program writes looks like this, and tokenizing its four
 * tags one by one (with a callback and a name string each) was most of the time spent reading a
 * sheet. Anything else — another attribute (cm, vm, ph), a formula, an inline string, whitespace,
 * a type it does not know, or a cell cut by the end of the chunk — is left to the scanner (null).
 */

export interface SimpleCell {
  /** Index just after the cell's last '>'. */
  end: number;
  /** Column from `r` (0-based, -1 when `r` has no letters), or `previous + 1` when there is no `r`. */
  col: number;
  type: string;
  style: number;
  /** The `<v>` text with entities decoded; null when there is no `<v>` or it is empty (as the scanner path gives). */
  value: string | null;
}

/** Reused for every cell: one object per cell would be the kind of garbage this path exists to avoid. */
const cell: SimpleCell = { end: 0, col: 0, type: "n", style: 0, value: null };

/**
 * The cell type in the span when its value is a plain `<v>` (not inlineStr, which holds an `<is>`),
 * as a constant string: no slice per cell.
 */
function plainType(s: string, from: number, to: number): string | null {
  if (to - from === 1) {
    switch (s.charCodeAt(from)) {
      case 115:
        return "s";
      case 110:
        return "n";
      case 98:
        return "b";
      case 101:
        return "e";
      case 100:
        return "d";
    }
    return null;
  }
  return to - from === 3 && s.startsWith("str", from) ? "str" : null;
}

/** Whether `text` stands in `s` at `i` (startsWith without its call overhead, for 3–8 characters). */
const hasAt = (s: string, i: number, text: string) => {
  if (i + text.length > s.length) return false;
  for (let k = 0; k < text.length; k++) if (s.charCodeAt(i + k) !== text.charCodeAt(k)) return false;
  return true;
};

/** Reads the cell at `lt` (where `<c ` starts); null when the scanner must handle it. The result is reused. */
export function readSimpleCell(s: string, lt: number, previousCol: number): SimpleCell | null {
  // Every index is checked against the length before charCodeAt: reading past the end (a cell cut
  // by the chunk's end) returns NaN, but deoptimizes this function each time it happens.
  const n = s.length;
  if (lt + 3 >= n || s.charCodeAt(lt + 1) !== 99 /* c */ || s.charCodeAt(lt + 2) !== 32) return null;
  let col = previousCol + 1;
  let type = "n";
  let style = 0;
  let j = lt + 3;
  for (;;) {
    if (j + 2 >= n) return null;
    const c = s.charCodeAt(j);
    if (c === 32) {
      j++;
      continue;
    }
    if (c === 62 /* > */ || c === 47 /* / */) break;
    // One-letter names only (r, s, t), each as ="…".
    if (s.charCodeAt(j + 1) !== 61 /* = */ || s.charCodeAt(j + 2) !== 34 /* " */) return null;
    const from = j + 3;
    // A short loop: these values are a few characters, where indexOf's call costs more than it saves.
    let to = from;
    while (to < n && s.charCodeAt(to) !== 34) to++;
    if (to === n) return null;
    if (c === 114 /* r */) {
      if (to > from) col = columnAt(s, from, to);
      if (Number.isNaN(col)) return null;
    } else if (c === 115 /* s */) {
      style = digitsAt(s, from, to);
      if (style < 0) return null;
    } else if (c === 116 /* t */) {
      const known = plainType(s, from, to);
      if (known === null) return null;
      type = known;
    } else return null;
    j = to + 1;
  }
  cell.col = col;
  cell.type = type;
  cell.style = style;
  cell.value = null;
  if (s.charCodeAt(j) === 47) {
    if (s.charCodeAt(j + 1) !== 62) return null;
    cell.end = j + 2;
    return cell;
  }
  if (hasAt(s, j + 1, "</c>")) {
    cell.end = j + 5;
    return cell;
  }
  if (!hasAt(s, j + 1, "<v>")) return null;
  const close = s.indexOf("<", j + 4);
  if (close === -1 || !hasAt(s, close, "</v></c>")) return null;
  if (close > j + 4) {
    const raw = s.slice(j + 4, close);
    cell.value = raw.indexOf("&") === -1 ? raw : decodeXmlText(raw);
  }
  cell.end = close + 8;
  return cell;
}

/**
 * columnOf on a span: letters A–Z (either case) as a base-26 number up to the first other
 * character; NaN when the span holds an entity (the scanner decodes it first).
 */
function columnAt(s: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const code = s.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  for (; i < to; i++) if (s.charCodeAt(i) === 38 /* & */) return NaN;
  return col - 1;
}

/** A non-negative decimal integer, or -1 for anything else (the scanner path then decides). */
function digitsAt(s: string, from: number, to: number): number {
  if (to === from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
