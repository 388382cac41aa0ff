import { lineText, type TextLine } from "./pdf-types";

// "Page 3 of 9", "Page 3", "3 / 9", "- 3 -", "p. 3": page numbers carried by headers and footers.
const PAGE_NUMBER = /^(?:page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*(?:of|\/)\s*\d+|-\s*\d+\s*-|p\.\s*\d+)$/i;

/** True when the line (or one of its phrases) is a page number: never table data. */
export function isPageNumberLine(line: TextLine): boolean {
  if (PAGE_NUMBER.test(lineText(line).trim())) return true;
  return line.items.length <= 4 && line.items.some((i) => PAGE_NUMBER.test(i.text.trim()));
}
