import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";
import { sharedOcrPool, type OcrPool } from "./ocr-pool";
import { ocrStrips } from "./ocr-strips";
import { scannedImage } from "./page-image";
import { renderPageForOcr, type CanvasFactoryLike, type RenderedPage } from "./page-render";
import type { PageItem } from "./pdf-types";

/**
 * Reads scanned pages through the process's pool of tesseract workers. Several pages may be read at
 * once (one per worker); a page is rendered only once a worker is free for it, so at most one page
 * image per worker is alive, and the next page renders while the other worker recognizes.
 */
export class OcrReader {
  /** Prepares one page image at a time: they share the main thread anyway, and two at once hold two images. */
  private rendering: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: OcrPool = sharedOcrPool()) {}

  /** How many pages can be read at the same time. */
  get parallelism(): number {
    return this.pool.size;
  }

  /** Renders the page and returns its words as items in PDF points, with confidence in [0,1]. */
  readPage(page: PDFPageProxy, factory: CanvasFactoryLike): Promise<PageItem[]> {
    return this.pool.run(async (worker) => {
      const render = this.rendering.then(async () => (await scannedImage(page)) ?? renderPageForOcr(page, factory));
      this.rendering = render.catch(() => {});
      const rendered = await render;
      // The decoded scan (tens of MB) is not needed once the page is a grayscale image.
      page.cleanup();
      const items: PageItem[] = [];
      for (const strip of ocrStrips(rendered)) {
        // TSV rather than `blocks`: the same words, boxes and confidences without a JS object per
        // symbol built in the worker and copied to this thread.
        const { data } = await worker.recognize(strip.image, {}, { tsv: true, blocks: false, text: false });
        items.push(...wordsFromTsv(data.tsv ?? "", rendered, strip.left, strip.top));
      }
      return items;
    });
  }
}

/** Level-5 (word) rows of tesseract's TSV: level page block par line word left top width height conf text. */
function wordsFromTsv(tsv: string, { scale, originX, originY }: RenderedPage, left: number, top: number): PageItem[] {
  const items: PageItem[] = [];
  for (const row of tsv.split("\n")) {
    if (!row.startsWith("5\t")) continue;
    const f = row.split("\t");
    const text = f.slice(11).join("\t").trim();
    if (!text) continue;
    const [x, y, w, h, conf] = f.slice(6, 11).map(Number) as [number, number, number, number, number];
    items.push({
      text,
      x: originX + (x + left) / scale,
      width: w / scale,
      top: originY + (y + top) / scale,
      bottom: originY + (y + h + top) / scale,
      conf: Math.max(0, conf) / 100,
    });
  }
  return items;
}
