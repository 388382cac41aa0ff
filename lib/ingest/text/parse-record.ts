import { SPACE_RUN, WIDE_SPACE_RUN, type Dialect } from "./dialect";

/**
 * Splits one record (possibly several physical lines joined with their line ends) into cells.
 * Returns null when the text ends inside a quoted cell, so the caller can append the next line.
 * Lenient like spreadsheet programs: a quote is special only at the start of a cell, and text after a
 * closing quote is kept rather than rejected. `quotedOut`, when given, receives which cells were quoted.
 */
export function parseRecord(text: string, dialect: Dialect, quotedOut?: boolean[]): string[] | null {
  const spaceMode = dialect.delimiter === SPACE_RUN || dialect.delimiter === WIDE_SPACE_RUN;
  if (spaceMode) text = text.trim();
  const quote = dialect.quote;
  if (!spaceMode && (quote === null || text.indexOf(quote) === -1)) return text.split(dialect.delimiter);
  const cells: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let cell: string;
    let quoted = false;
    const q = quote === null ? -1 : quoteStart(text, i, quote, spaceMode);
    if (q !== -1) {
      const read = readQuoted(text, q + 1, quote!, dialect.escape);
      if (read === null) return null;
      quoted = true;
      i = read.end;
      const next = findDelimiter(text, i, dialect.delimiter);
      // Text between the closing quote and the delimiter is kept (`"5" wide` reads as `5 wide`); spaces alone are not.
      const rest = text.slice(i, next.at);
      cell = rest.trim() === "" ? read.value : read.value + rest;
      i = next.at;
    } else {
      const next = findDelimiter(text, i, dialect.delimiter);
      cell = text.slice(i, next.at);
      i = next.at;
    }
    cells.push(cell);
    quotedOut?.push(quoted);
    if (i >= n) return cells;
    i += findDelimiter(text, i, dialect.delimiter).length;
    if (i >= n) {
      // A delimiter at the very end means one more (empty) cell.
      cells.push("");
      quotedOut?.push(false);
      return cells;
    }
  }
}

/** Where a quoted cell opens: at the cell start, or after spaces (`a, "b"`), as many writers emit; else -1. */
function quoteStart(text: string, i: number, quote: string, spaceMode: boolean): number {
  if (text[i] === quote) return i;
  if (spaceMode) return -1;
  let j = i;
  while (text.charCodeAt(j) === 32) j++;
  return j > i && text[j] === quote ? j : -1;
}

/** Reads a quoted cell body starting after the opening quote; null when the closing quote is missing. */
function readQuoted(text: string, start: number, quote: string, escape: Dialect["escape"]): { value: string; end: number } | null {
  let value = "";
  let i = start;
  for (;;) {
    const q = text.indexOf(quote, i);
    const b = escape === "backslash" ? text.indexOf("\\", i) : -1;
    if (b !== -1 && (q === -1 || b < q)) {
      const nextChar = text[b + 1];
      if (nextChar === quote || nextChar === "\\") {
        value += text.slice(i, b) + nextChar;
        i = b + 2;
      } else {
        value += text.slice(i, b + 1);
        i = b + 1;
      }
      continue;
    }
    if (q === -1) return null;
    value += text.slice(i, q);
    if (text[q + 1] === quote) {
      // A doubled quote stands for one quote in both escape styles.
      value += quote;
      i = q + 2;
      continue;
    }
    return { value, end: q + 1 };
  }
}

/** Position and length of the next delimiter at or after `from` (at = text length when there is none). */
function findDelimiter(text: string, from: number, delimiter: string): { at: number; length: number } {
  if (delimiter === SPACE_RUN || delimiter === WIDE_SPACE_RUN) {
    const min = delimiter.length;
    let i = text.indexOf(" ", from);
    while (i !== -1) {
      let j = i;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      if (j - i >= min) return { at: i, length: j - i };
      i = text.indexOf(" ", j);
    }
    return { at: text.length, length: 0 };
  }
  const at = text.indexOf(delimiter, from);
  return at === -1 ? { at: text.length, length: 0 } : { at, length: delimiter.length };
}
