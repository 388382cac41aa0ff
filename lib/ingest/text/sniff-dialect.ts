import { cellKind, isKnownKind } from "./cell-kind";
import { SPACE_RUN, WIDE_SPACE_RUN, type Dialect } from "./dialect";
import { RecordReader, type RawRecord } from "./record-reader";

/** Candidates with a prior: rarer delimiters must split the head clearly better to win. */
const CANDIDATE_DELIMITERS: [string, number][] = [
  [",", 1],
  ["\t", 1],
  [";", 1],
  ["|", 1],
  [":", 0.45],
  ["^", 0.7],
  ["~", 0.7],
  ["#", 0.5],
  ["/", 0.4],
  [SPACE_RUN, 0.5],
  [WIDE_SPACE_RUN, 0.7],
];
const MAX_SNIFF_RECORDS = 400;

/** Which line ending the text uses most (a lone CR only counts when it beats LF). */
export function detectLineEnding(text: string): Dialect["lineEnding"] {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lf++;
  lf -= crlf;
  if (cr > lf && cr > crlf) return "\r";
  return crlf > 0 && crlf >= lf ? "\r\n" : "\n";
}

/** Reads up to `limit` records of `text` with `dialect` (used by sniffing and layout detection). */
export function readRecords(text: string, dialect: Dialect, limit = Infinity, maxLineLength = 1_000_000): RawRecord[] {
  const out: RawRecord[] = [];
  const reader = new RecordReader(dialect, { maxLineLength }, (r) => {
    if (out.length < limit) out.push(r);
  });
  reader.push(text);
  reader.end();
  return out;
}

/**
 * Sniffs delimiter, quote and escape from the head of a decoded file. Every candidate dialect parses the head;
 * the winner has the most consistent number of cells per row (CleverCSV's pattern score: preamble lines and
 * ragged rows cost little, a wrong delimiter that splits inconsistently costs a lot) times the share of
 * cells that look like ordinary values (numbers, dates, words), which punishes splitting inside values.
 * `complete` says the text is the whole file; otherwise the last (probably cut) line is ignored.
 */
export function sniffDialect(text: string, complete = true): Dialect {
  const lineEnding = detectLineEnding(text);
  if (!complete) {
    const cut = text.lastIndexOf(lineEnding === "\r" ? "\r" : "\n");
    if (cut > 0) text = text.slice(0, cut + 1);
  }
  let delimiters = CANDIDATE_DELIMITERS.filter(([d]) => text.includes(d));
  // Two or three lines cannot show which rare character is a delimiter: only the common ones compete.
  const tiny = text.split(lineEnding).filter((l) => l.trim() !== "").length < 3;
  if (tiny) delimiters = delimiters.filter(([, prior]) => prior === 1);
  const quote = detectQuote(text);
  const escape = detectEscape(text, quote);
  // `# comment` lines (dumps, exported configs) say nothing about the table's delimiter.
  const uncommented = text.replace(/^#.*(?:\r\n|\n|\r|$)/gm, "");
  let best: Dialect = { delimiter: ",", quote, escape, lineEnding };
  let bestScore = -1;
  for (const [delimiter, prior] of delimiters) {
    const dialect: Dialect = { delimiter, quote, escape, lineEnding };
    const sample = delimiter === "#" || uncommented.trim() === "" ? text : uncommented;
    const score = prior * scoreDialect(readRecords(sample, dialect, MAX_SNIFF_RECORDS), dialect);
    // Strictly greater: earlier candidates (the common delimiters) win ties.
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = dialect;
    }
  }
  return best;
}

/** The single quote only when clearly more cells are wrapped in it than in double quotes (`'a';'b'`). */
function detectQuote(text: string): '"' | "'" {
  const wrapped = (q: string) => text.match(new RegExp(`(?:^|[,;\\t|])[ \\t]*${q}(?:[^${q}\\r\\n]|${q}${q})*${q}[ \\t]*(?=[,;\\t|]|$)`, "gm"))?.length ?? 0;
  const single = wrapped("'");
  return single > 2 * wrapped('"') ? "'" : '"';
}

function scoreDialect(records: RawRecord[], dialect: Dialect): number {
  const patterns = new Map<number, number>();
  let cells = 0;
  let known = 0;
  let nonBlank = 0;
  let leadingEmpty = 0;
  for (const r of records) {
    if (r.raw.trim() === "") continue;
    nonBlank++;
    if (r.cells.length === 2 && r.cells[0] === "") leadingEmpty++;
    patterns.set(r.cells.length, (patterns.get(r.cells.length) ?? 0) + 1);
    const quoted = dialect.quote !== null && r.raw.includes(dialect.quote);
    for (const c of r.cells) {
      cells++;
      if (isKnownKind(cellKind(c)) || (quoted && c.length > 0 && r.raw.includes(dialect.quote + c))) known++;
    }
  }
  if (patterns.size === 0) return 0;
  // A delimiter that leaves most rows whole, or mostly opens rows (`# comment`), is not the delimiter.
  const multiShare = (nonBlank - (patterns.get(1) ?? 0)) / Math.max(1, nonBlank);
  const leadingShare = leadingEmpty / Math.max(1, nonBlank);
  let pattern = 0;
  for (const [length, count] of patterns) pattern += (count * (length - 1)) / length;
  pattern /= patterns.size;
  const typeScore = cells === 0 ? 0 : known / cells;
  const score = pattern * Math.max(typeScore, 1e-3);
  if (multiShare < 0.3) return 0;
  return score * Math.min(1, multiShare / 0.5) ** 2 * (leadingShare > 0.3 ? 0.2 : 1);
}

/** Backslash escaping when `\"` appears inside quoted text and RFC-style doubled quotes do not. */
function detectEscape(text: string, quote: '"' | "'" | null): Dialect["escape"] {
  if (quote === null) return "double";
  const backslashed = text.split("\\" + quote).length - 1;
  if (backslashed === 0) return "double";
  const doubled = text.split(quote + quote).length - 1;
  return backslashed > doubled ? "backslash" : "double";
}
