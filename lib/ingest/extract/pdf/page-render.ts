import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";

/** The canvas factory pdfjs creates per document (backed by @napi-rs/canvas in Node). */
export interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: unknown; context: unknown };
  destroy(pair: { canvas: unknown; context: unknown }): void;
}

interface EncodableCanvas {
  width: number;
  height: number;
  toBuffer(mime: "image/png"): Buffer;
}

// Tesseract reads small print best around 300 dpi; beyond ~5000 px a side it only costs time and memory.
const TARGET_DPI = 300;
const MAX_SIDE_PX = 5000;

export interface RenderedPage {
  png: Buffer;
  /** Pixels per PDF point: divide image coordinates by it to get back to points. */
  scale: number;
}

/** Renders a page on a white background into a PNG for OCR. */
export async function renderPageForOcr(page: PDFPageProxy, factory: CanvasFactoryLike): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(TARGET_DPI / 72, MAX_SIDE_PX / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const pair = factory.create(Math.round(viewport.width), Math.round(viewport.height));
  const ctx = pair.context as CanvasRenderingContext2D;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, viewport.width, viewport.height);
  try {
    await page.render({ canvasContext: ctx, canvas: pair.canvas as HTMLCanvasElement, viewport }).promise;
    return { png: (pair.canvas as EncodableCanvas).toBuffer("image/png"), scale };
  } finally {
    factory.destroy(pair);
  }
}
