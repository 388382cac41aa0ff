import { createRequire } from "node:module";
import path from "node:path";
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api";
import type Tesseract from "tesseract.js";
import { renderPageForOcr, type CanvasFactoryLike } from "./page-render";
import type { PageItem } from "./pdf-types";

/** The English model shipped inside npm (@tesseract.js-data/eng): nothing is downloaded at run time. */
function langPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");
}

/** One tesseract worker per source, created on the first scanned page and ended by `terminate()`. */
export class OcrReader {
  private worker: Promise<Tesseract.Worker> | null = null;

  private async start(): Promise<Tesseract.Worker> {
    const { createWorker, OEM, PSM } = await import("tesseract.js");
    const worker = await createWorker("eng", OEM.LSTM_ONLY, { langPath: langPath(), gzip: true, cacheMethod: "none" });
    // One uniform block: table rows come out as text lines. Measured on a generated CDR page it was
    // twice as fast as sparse-text mode and, unlike it, kept one-digit cells ("1", "2").
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, user_defined_dpi: "300" });
    return worker;
  }

  /** Renders the page and returns its words as items in PDF points, with confidence in [0,1]. */
  async readPage(page: PDFPageProxy, factory: CanvasFactoryLike): Promise<PageItem[]> {
    this.worker ??= this.start();
    const worker = await this.worker;
    const { png, scale } = await renderPageForOcr(page, factory);
    const { data } = await worker.recognize(png, {}, { blocks: true, text: false });
    const items: PageItem[] = [];
    for (const block of data.blocks ?? [])
      for (const para of block.paragraphs)
        for (const line of para.lines)
          for (const word of line.words) {
            const text = word.text.trim();
            if (!text) continue;
            const { x0, y0, x1, y1 } = word.bbox;
            items.push({ text, x: x0 / scale, width: (x1 - x0) / scale, top: y0 / scale, bottom: y1 / scale, conf: word.confidence / 100 });
          }
    return items;
  }

  async terminate(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await (await w).terminate();
  }
}
