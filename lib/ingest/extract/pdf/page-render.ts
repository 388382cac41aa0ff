import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";

/** The canvas factory pdfjs creates per document (backed by @napi-rs/canvas in Node). */
export interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(pair: { canvas: unknown; context: unknown }): void;
}

// Tesseract reads small print best around 300 dpi; beyond ~5000 px a side it only costs time and memory.
const TARGET_DPI = 300;
const MAX_SIDE_PX = 5000;

export interface RenderedPage {
  /** 8-bit grayscale pixels, row by row. */
  gray: Uint8Array;
  width: number;
  height: number;
  /** Pixels per PDF point: divide image coordinates by it to get back to points. */
  scale: number;
  /** Where pixel (0, 0) is on the page, in top-down points. */
  originX: number;
  originY: number;
}

/**
 * Renders a page on a white background into grayscale: tesseract thresholds it itself and reads
 * grey better than our binarizing (a global Otsu threshold lost "[" and read "09" as "00"), and a
 * quarter of RGBA's bytes goes to it, with no PNG to encode or decode (~0.6 s a page less).
 */
export async function renderPageForOcr(page: PDFPageProxy, factory: CanvasFactoryLike): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(TARGET_DPI / 72, MAX_SIDE_PX / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  const gray = new Uint8Array(width * height);
  const pair = factory.create(width, height);
  try {
    const ctx = pair.context as CanvasRenderingContext2D;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvasContext: ctx, canvas: pair.canvas as HTMLCanvasElement, viewport }).promise;
    toGray(ctx.getImageData(0, 0, width, height).data, gray);
  } finally {
    factory.destroy(pair);
  }
  return { gray, width, height, scale, originX: 0, originY: 0 };
}

/** Luma (BT.601 weights in 8-bit fixed point) of RGBA pixels, into `out`. */
function toGray(rgba: Uint8ClampedArray, out: Uint8Array): void {
  for (let i = 0, j = 0; i < out.length; i++, j += 4) out[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
}
