import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";
import type { RenderedPage } from "./page-render";
import { loadPdfJs } from "./pdfjs-loader";

/** Native resolutions read as they are; others are rendered at 300 dpi (page-render.ts). */
const MIN_DPI = 200;
const MAX_DPI = 400;

/** Anything else that leaves marks: the page is then more than its image and is rendered whole. */
const OTHER_INK = [
  "paintInlineImageXObject",
  "paintImageXObjectRepeat",
  "paintImageMaskXObject",
  "paintInlineImageXObjectGroup",
  "paintSolidColorImageMask",
  "showText",
  "showSpacedText",
  "nextLineShowText",
  "nextLineSetSpacingShowText",
  "constructPath",
] as const;

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * The usual scanned page, one upright image and nothing else, read from the image itself at its
 * own resolution: no canvas, no resampling. Rendering a 300 dpi page cost ~0.7 s and a transient
 * ~200 MB (pdf.js's RGBA copies, the canvas, its pixels); this is one pass over the decoded image.
 * Null when the page is anything else: it is then rendered.
 */
export async function scannedImage(page: PDFPageProxy): Promise<RenderedPage | null> {
  if (page.rotate % 360 !== 0) return null;
  const { OPS, ImageKind } = await loadPdfJs();
  const { fnArray, argsArray } = await page.getOperatorList();
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let found: { objId: string; ctm: number[] } | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintImageXObject) {
      if (found) return null;
      found = { objId: args[0] as string, ctm };
    } else if (OTHER_INK.some((name) => fn === OPS[name])) return null;
  }
  if (!found) return null;
  const [a, b, c, d, e, f] = found.ctm as [number, number, number, number, number, number];
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return null;
  const objs = found.objId.startsWith("g_") ? page.commonObjs : page.objs;
  const img = await new Promise<DecodedImage>((resolve) => objs.get(found.objId, resolve));
  const scale = img.width / a;
  if (!img.data || Math.abs(img.height / d - scale) > scale * 0.02 || scale * 72 < MIN_DPI || scale * 72 > MAX_DPI) return null;
  const gray = toGray(img, ImageKind);
  if (!gray) return null;
  // Top-down page points, as the text layer's (the image's top edge is at y = f + d).
  const [x0, , , y1] = page.view as [number, number, number, number];
  return { gray, width: img.width, height: img.height, scale, originX: e - x0, originY: y1 - (f + d) };
}

function multiply(m: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = n as [number, number, number, number, number, number];
  return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}

function toGray(img: DecodedImage, kinds: { GRAYSCALE_1BPP: number; RGB_24BPP: number; RGBA_32BPP: number }): Uint8Array | null {
  const src = img.data!;
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  if (img.kind === kinds.RGB_24BPP) for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = (src[j]! * 77 + src[j + 1]! * 150 + src[j + 2]! * 29) >> 8;
  else if (img.kind === kinds.RGBA_32BPP) for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = (src[j]! * 77 + src[j + 1]! * 150 + src[j + 2]! * 29) >> 8;
  else if (img.kind === kinds.GRAYSCALE_1BPP) {
    // Rows padded to whole bytes; a set bit is white.
    const rowBytes = (img.width + 7) >> 3;
    for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) out[y * img.width + x] = src[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
  } else return null;
  return out;
}
