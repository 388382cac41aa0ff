import type { RenderedPage } from "./page-render";

/** Darker than this (0–255) is ink; JPEG noise on white paper stays above it. */
const INK_LEVEL = 160;
/** White kept around the ink: tesseract finds lines less well when glyphs touch the image edge. */
const PAD_PX = 24;
/**
 * Strips a page is cut into for tesseract. A worker's wasm memory only grows, to the largest image it
 * was given: alone, a worker reading a whole 300 dpi page peaked at ~220 MB, reading half a page at
 * ~170 MB. Table rows are independent lines, so a cut between two of them loses nothing; on the
 * bench's scans 8 strips read more cells right than 4 (2950 vs 2937 of 3036) at the same CPU.
 */
const STRIPS = 8;

export interface OcrStrip {
  /** Binary PGM (8-bit grayscale): leptonica reads it as is. */
  image: Buffer;
  /** Where the strip starts in the page render, in pixels. */
  left: number;
  top: number;
}

/**
 * The page's ink without its blank margins, cut at blank rows into up to STRIPS strips of similar
 * height (fewer when no blank row is near a cut: a line is never cut). Empty for a blank page.
 */
export function ocrStrips({ gray, width, height }: RenderedPage): OcrStrip[] {
  const inkRows = new Uint8Array(height);
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    for (let x = 0; x < width; x++)
      if (gray[row + x]! < INK_LEVEL) {
        first = x;
        break;
      }
    if (first < 0) continue;
    inkRows[y] = 1;
    let last = first;
    for (let x = width - 1; x > first; x--)
      if (gray[row + x]! < INK_LEVEL) {
        last = x;
        break;
      }
    left = Math.min(left, first);
    right = Math.max(right, last);
  }
  const top = inkRows.indexOf(1);
  if (top < 0) return [];
  const bottom = inkRows.lastIndexOf(1);
  left = Math.max(0, left - PAD_PX);
  right = Math.min(width - 1, right + PAD_PX);

  const cuts = [Math.max(0, top - PAD_PX)];
  const step = (bottom - top) / STRIPS;
  for (let k = 1; k < STRIPS; k++) {
    const cut = blankRowNear(inkRows, Math.round(top + k * step), Math.round(step / 3));
    if (cut !== null && cut > cuts.at(-1)! + PAD_PX) cuts.push(cut);
  }
  cuts.push(Math.min(height, bottom + PAD_PX + 1));
  return cuts.slice(0, -1).map((y0, i) => ({ image: toPgm(gray, width, left, right, y0, cuts[i + 1]!), left, top: y0 }));
}

/** The middle of the run of blank rows nearest `target` (within `reach`), or null. */
function blankRowNear(inkRows: Uint8Array, target: number, reach: number): number | null {
  for (let d = 0; d <= reach; d++)
    for (const y of [target - d, target + d]) {
      if (inkRows[y] !== 0) continue;
      let a = y;
      let b = y;
      while (inkRows[a - 1] === 0) a--;
      while (inkRows[b + 1] === 0) b++;
      return (a + b) >> 1;
    }
  return null;
}

function toPgm(gray: Uint8Array, width: number, left: number, right: number, top: number, end: number): Buffer {
  const w = right - left + 1;
  const h = end - top;
  const head = Buffer.from(`P5\n${w} ${h}\n255\n`, "latin1");
  const out = Buffer.allocUnsafe(head.length + w * h);
  head.copy(out);
  for (let y = 0; y < h; y++) out.set(gray.subarray((top + y) * width + left, (top + y) * width + left + w), head.length + y * w);
  return out;
}
