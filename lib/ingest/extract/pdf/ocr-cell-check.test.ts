import { describe, expect, it } from "vitest";
import { checkOcrCells, fixDigitConfusions, profileColumns } from "./ocr-cell-check";
import { cleanOcrRows, DOUBTFUL_CONFIDENCE } from "./ocr-rows";

const rows = Array.from({ length: 12 }, (_, i) => [`09/0${(i % 9) + 1}/23`, `71335376${10 + i}`, i % 2 ? "MT" : "MO"]);

describe("OCR digit fixes", () => {
  it("replaces the usual letter look-alikes", () => {
    expect(fixDigitConfusions("7O3S5B1lZ|I")).toBe("70355811211");
  });

  it("profiles columns by what their cells look like", () => {
    expect(profileColumns(rows, 3).map((p) => p.kind)).toEqual(["digits", "phone", "text"]);
  });

  it("fixes a phone cell read with letters and leaves text columns alone", () => {
    const profiles = profileColumns(rows, 3);
    expect(checkOcrCells(["09/03/23", "7l335S76O2", "MO"], profiles)).toEqual({ cells: ["09/03/23", "7133557602", "MO"], doubtful: [] });
  });

  it("marks a row doubtful when a cell still does not look like its column", () => {
    const page = [...rows, ["09/04/23", "71335X7623", "MT"], ["O9/O4/2E", "7133537623", "MT"]];
    const cleaned = cleanOcrRows(
      page.map((cells) => ({ page: 1, cells, cellConf: [0.9, 0.9, 0.9] })),
      3,
    );
    expect(cleaned[0]?.ocrConfidence).toBe(0.9);
    expect(cleaned[12]?.doubtfulColumns).toEqual([1]);
    expect(cleaned[12]?.ocrConfidence).toBe(DOUBTFUL_CONFIDENCE);
    expect(cleaned[13]?.doubtfulColumns).toEqual([0]);
  });
});
