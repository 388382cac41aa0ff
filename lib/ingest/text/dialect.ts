/**
 * How a delimited text file is written. `delimiter` is one character, a multi-character string, or one of the
 * two space modes: " " (any run of spaces separates cells) and "  " (two or more spaces separate cells, so
 * single spaces stay inside cells, as in column-aligned reports).
 */
export interface Dialect {
  delimiter: string;
  /** Quote character; null when the file never quotes (a stray `"` is then plain text). */
  quote: '"' | "'" | null;
  /** How a quote is written inside a quoted cell: doubled (`""`, RFC 4180) or with a backslash (`\"`). */
  escape: "double" | "backslash";
  lineEnding: "\r\n" | "\n" | "\r";
}

export const SPACE_RUN = " ";
export const WIDE_SPACE_RUN = "  ";

export const DEFAULT_DIALECT: Dialect = { delimiter: ",", quote: '"', escape: "double", lineEnding: "\n" };

/** Human name of a delimiter for warnings and logs. */
export function describeDelimiter(delimiter: string): string {
  const names: Record<string, string> = {
    ",": "comma",
    "\t": "tab",
    ";": "semicolon",
    "|": "pipe",
    ":": "colon",
    [SPACE_RUN]: "spaces",
    [WIDE_SPACE_RUN]: "runs of two or more spaces",
  };
  return names[delimiter] ?? JSON.stringify(delimiter);
}
