import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";
import { readPageGraphics, type Rule } from "./page-graphics";
import { loadPdfJs } from "./pdfjs-loader";
import type { PageItem } from "./pdf-types";

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Positioned text runs of a page in top-down points (rotation and crop box applied by the viewport). */
export async function readTextItems(page: PDFPageProxy): Promise<PageItem[]> {
  const { Util } = await loadPdfJs();
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ disableNormalization: false });
  const items: PageItem[] = [];
  for (const raw of content.items as RawTextItem[]) {
    if (!raw.str || raw.str.trim() === "") continue;
    const t = Util.transform(viewport.transform, raw.transform) as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 1;
    const baseline = t[5] ?? 0;
    const x = t[4] ?? 0;
    // Vertical or rotated runs keep their own axis; the table rebuilder only reads horizontal text.
    if (Math.abs(t[1] ?? 0) > Math.abs(t[0] ?? 0)) continue;
    items.push(...splitOnWideSpaces(raw.str, x, raw.width, baseline - size * 0.8, baseline + size * 0.2));
  }
  return items;
}

/**
 * A run may hold several cells separated by runs of spaces ("12:00  7133537623"). Split it there,
 * placing the parts proportionally to their characters: close enough for column assignment.
 */
function splitOnWideSpaces(str: string, x: number, width: number, top: number, bottom: number): PageItem[] {
  if (!/\S\s{2,}\S/.test(str)) return [{ text: str.trim(), x: x + leadingShift(str, width), width: trimmedWidth(str, width), top, bottom }];
  const perChar = width / Math.max(1, str.length);
  const out: PageItem[] = [];
  for (const m of str.matchAll(/\S+(?: \S+)*/g)) {
    out.push({ text: m[0], x: x + (m.index ?? 0) * perChar, width: m[0].length * perChar, top, bottom });
  }
  return out;
}

const leadingShift = (s: string, w: number) => ((s.length - s.trimStart().length) * w) / Math.max(1, s.length);
const trimmedWidth = (s: string, w: number) => (s.trim().length * w) / Math.max(1, s.length);

/** A page whose text layer is missing or mostly undecodable glyphs must be read by OCR instead. */
export function hasUsableText(items: PageItem[]): boolean {
  let chars = 0;
  let bad = 0;
  for (const item of items) {
    for (const ch of item.text) {
      if (ch === " ") continue;
      chars++;
      if (ch === "\uFFFD" || /[\u0000-\u001f\uE000-\uF8FF]/.test(ch)) bad++;
    }
  }
  return chars >= 10 && bad / chars < 0.3;
}

/** Nine text-layer runs in ten start where a chunk starts: the glyph walk measured the page as pdf.js does. */
function samePlaces(layer: PageItem[], chunks: PageItem[]): boolean {
  if (layer.length === 0) return true;
  const starts = chunks.map((c) => [c.x, (c.top + c.bottom) / 2] as const);
  const ok = layer.filter((i) => starts.some(([x, y]) => Math.abs(x - i.x) <= 1.5 && Math.abs(y - (i.top + i.bottom) / 2) <= (i.bottom - i.top) * 0.5)).length;
  return ok >= layer.length * 0.9;
}

const inkChars = (items: PageItem[]) => items.reduce((n, i) => n + i.text.replace(/\s/g, "").length, 0);

/**
 * Text and ruling lines of a page. Text comes from the operator list (true glyph positions, so
 * runs a few points apart stay apart); when that cannot be measured (Type3 or vertical fonts) or
 * finds clearly less text than pdf.js's text layer, the text layer is used instead.
 */
export async function readPageContent(page: PDFPageProxy): Promise<{ items: PageItem[]; rules: { horizontal: Rule[]; vertical: Rule[] }; chunked: boolean }> {
  const layer = await readTextItems(page);
  try {
    const g = await readPageGraphics(page);
    const rules = { horizontal: g.horizontal, vertical: g.vertical };
    if (inkChars(g.items) >= inkChars(layer) * 0.95 && samePlaces(layer, g.items)) return { items: g.items, rules, chunked: true };
    return { items: layer, rules, chunked: false };
  } catch {
    return { items: layer, rules: { horizontal: [], vertical: [] }, chunked: false };
  }
}
