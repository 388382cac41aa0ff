import { describe, expect, it } from "vitest";
import { ocrStrips } from "./ocr-strips";

/** A white page with dark bars (text lines) at the given row ranges, columns 100–299. */
function page(width: number, height: number, lines: [number, number][]) {
  const gray = new Uint8Array(width * height).fill(255);
  for (const [a, b] of lines) for (let y = a; y < b; y++) gray.fill(0, y * width + 100, y * width + 300);
  return { gray, width, height, scale: 1, originX: 0, originY: 0 };
}

const header = (img: Buffer) => img.subarray(0, 20).toString("latin1").split("\n").slice(0, 3);

describe("ocrStrips", () => {
  it("crops the margins and cuts only in the blank rows between lines", () => {
    // 20 lines of 30 px every 50 px, from y = 200.
    const lines = Array.from({ length: 20 }, (_, i) => [200 + i * 50, 230] as [number, number]).map(([a]) => [a, a + 30] as [number, number]);
    const strips = ocrStrips(page(1000, 1400, lines));
    expect(strips.length).toBe(8);
    expect(new Set(strips.map((s) => s.left))).toEqual(new Set([76]));
    expect(strips[0]!.top).toBe(176);
    for (const s of strips.slice(1)) {
      // Every cut falls in a gap (y mod 50 in 30..49 from 200), never through a line.
      expect((s.top - 200) % 50).toBeGreaterThanOrEqual(30);
    }
    expect(header(strips[0]!.image)).toEqual(["P5", `248 ${strips[1]!.top - 176}`, "255"]);
    const last = strips.at(-1)!;
    expect(Number(header(last.image)[1]!.split(" ")[1])).toBe(200 + 19 * 50 + 30 + 24 - last.top);
  });

  it("keeps a page without blank rows whole, and returns nothing for a blank page", () => {
    expect(ocrStrips(page(500, 600, [[50, 550]])).length).toBe(1);
    expect(ocrStrips(page(500, 600, []))).toEqual([]);
  });
});
