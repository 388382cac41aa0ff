import { DEFAULT_DIALECT, type Dialect } from "./dialect";
import { detectLineEnding, readRecords, sniffDialect } from "./sniff-dialect";

/**
 * Parses a whole delimited text held in memory into rows of cells, with the given dialect (or a sniffed one
 * when `dialect` is omitted). Blank lines are kept as `[""]` rows, as RFC 4180 readers do; a final line
 * break does not make an extra row. For tests, previews and small inputs; files go through openTextSource.
 */
export function parseDelimitedText(text: string, dialect?: Partial<Dialect>): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A line break cannot be a cell delimiter: treat it as "not given" and sniff.
  const given = dialect?.delimiter !== undefined && dialect.delimiter !== "" && !/[\r\n]/.test(dialect.delimiter);
  const full: Dialect = given ? { ...DEFAULT_DIALECT, ...dialect } : { ...sniffDialect(text), ...dialect, delimiter: sniffDialect(text).delimiter };
  if (dialect?.lineEnding === undefined) full.lineEnding = detectLineEnding(text);
  return readRecords(text, full, Infinity, Number.MAX_SAFE_INTEGER).map((r) => r.cells);
}
