import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CanvasFactoryLike, RenderedPage } from "./page-render";
import { renderPageForOcr } from "./page-render";
import { scannedImage } from "./page-image";
import { openPdfDocument } from "./pdfjs-loader";
import { scanFirstPage, writeTablePdf } from "./test-pdf-writer";

const rows = Array.from({ length: 30 }, (_, i) => [String(i + 1), "09/02/23", "01:25:10", `71335376${String(i).padStart(2, "0")}`, "MT"]);

async function bothWays(file: string) {
  const doc = await openPdfDocument(new Uint8Array(fs.readFileSync(file)));
  try {
    const page = await doc.getPage(1);
    const native = await scannedImage(page);
    page.cleanup();
    const rendered = await renderPageForOcr(page, doc.canvasFactory as CanvasFactoryLike);
    return { native, rendered };
  } finally {
    await doc.destroy();
  }
}

/** Of the grid points where `a` shows ink, the share where `b` shows ink too at the same page point. */
function inkAgreement(a: RenderedPage, b: RenderedPage): number {
  const at = (p: RenderedPage, x: number, y: number) => p.gray[Math.round((y - p.originY) * p.scale) * p.width + Math.round((x - p.originX) * p.scale)] ?? 255;
  let ink = 0;
  let both = 0;
  for (let y = a.originY + 2; y < a.originY + a.height / a.scale - 2; y += 0.3)
    for (let x = a.originX + 2; x < a.originX + a.width / a.scale - 2; x += 0.3)
      if (at(a, x, y) < 100) {
        ink++;
        if (at(b, x, y) < 160) both++;
      }
  return both / Math.max(1, ink);
}

describe("scannedImage: a scanned page read from its image, without rendering", () => {
  it("reads a full-page 300 dpi scan at its own resolution, where the render puts it", async () => {
    const text = writeTablePdf({ preamble: ["Target: 7133537623"], headers: ["Item", "Date", "Time", "Number", "CT"], rows, gap: 12 });
    const scan = await scanFirstPage(text);
    try {
      const { native, rendered } = await bothWays(scan);
      expect(native).not.toBeNull();
      expect({ w: native!.width, h: native!.height, dpi: Math.round(native!.scale * 72), x: native!.originX, y: native!.originY }).toEqual({
        w: 3300,
        h: 2550,
        dpi: 300,
        x: 0,
        y: 0,
      });
      expect(inkAgreement(native!, rendered)).toBeGreaterThan(0.9);

      // The same image placed smaller (360 dpi) and away from the corner: 660 × 510 pt at x 9, y 93 from the top.
      const bytes = fs.readFileSync(scan);
      const moved = path.join(path.dirname(scan), "moved.pdf");
      fs.writeFileSync(moved, Buffer.from(bytes.toString("latin1").replace("q 792 0 0 612 0 0 cm", "q 660 0 0 510 9 9 cm"), "latin1"));
      const placed = await bothWays(moved);
      expect({ dpi: Math.round(placed.native!.scale * 72), x: placed.native!.originX, y: placed.native!.originY }).toEqual({ dpi: 360, x: 9, y: 93 });
      expect(inkAgreement(placed.native!, placed.rendered)).toBeGreaterThan(0.8);
      // Two points off, the ink no longer meets.
      expect(inkAgreement({ ...placed.native!, originY: 91 }, placed.rendered)).toBeLessThan(0.6);
    } finally {
      fs.rmSync(path.dirname(text), { recursive: true, force: true });
    }
  });

  it("leaves a page with text or vector drawing to the renderer", async () => {
    const text = writeTablePdf({ preamble: [], headers: ["A", "B"], rows: [["1", "2"]], gap: 12 });
    try {
      expect((await bothWays(text)).native).toBeNull();
    } finally {
      fs.rmSync(path.dirname(text), { recursive: true, force: true });
    }
  });
});
