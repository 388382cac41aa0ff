import { median, type PageItem, type PageLines, type TextLine } from "./pdf-types";

/** Typical item height, ignoring one-character items (bullets, rules drawn as text). */
export function typicalHeight(items: PageItem[]): number {
  const hs = items.filter((i) => i.text.length >= 2).map((i) => i.bottom - i.top);
  return median(hs.length > 0 ? hs : items.map((i) => i.bottom - i.top)) || 10;
}

const OCR_BOX_TO_EM = 1.35;

/**
 * Clusters items into visual lines by vertical centre. The tolerance is relative to the text
 * height because OCR boxes of one row wobble by a few pixels and fonts differ per document.
 */
export function groupLines(items: PageItem[], page: number, ocr: boolean, rules?: PageLines["rules"], chunked = false): PageLines {
  // OCR boxes hug the ink (digits and capitals are ~0.72 em tall); text runs carry the font size.
  const em = typicalHeight(items) * (ocr ? OCR_BOX_TO_EM : 1);
  const tol = em * 0.5;
  const sorted = [...items].sort((a, b) => (a.top + a.bottom) / 2 - (b.top + b.bottom) / 2);
  const lines: (TextLine & { centre: number })[] = [];
  for (const item of sorted) {
    const centre = (item.top + item.bottom) / 2;
    const last = lines[lines.length - 1];
    if (last && Math.abs(centre - last.centre) <= tol) {
      last.items.push(item);
      last.top = Math.min(last.top, item.top);
      last.bottom = Math.max(last.bottom, item.bottom);
      last.centre = (last.top + last.bottom) / 2;
    } else {
      lines.push({ top: item.top, bottom: item.bottom, centre, items: [item] });
    }
  }
  const out = lines.map(({ top, bottom, items: its }) => ({ top, bottom, items: its.sort((a, b) => a.x - b.x) }));
  const lines_: PageLines = { page, lines: out, em, ocr };
  if (rules) lines_.rules = rules;
  if (chunked) lines_.chunked = true;
  return lines_;
}

/** Runs of items closer than `minGap`: what a reader sees as separate phrases on the line. */
export function segmentCount(line: TextLine, minGap: number): number {
  let count = 0;
  let right = -Infinity;
  for (const item of line.items) {
    if (item.x - right >= minGap) count++;
    right = Math.max(right, item.x + item.width);
  }
  return count;
}
