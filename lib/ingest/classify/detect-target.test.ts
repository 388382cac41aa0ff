import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../schemas/mapping";
import type { SourceRow } from "../types";
import { detectTarget, numberInMostRows, targetFromPreamble } from "./detect-target";

const row = (line: number, cells: string[]): SourceRow => ({ line, cells, raw: cells.join(",") });
const col = (index: number, field: ColumnMapping["field"]): ColumnMapping => ({ index, header: "", field, confidence: 1, format: null });

describe("the target (subscriber) of a file", () => {
  it("reads a stated target in the file's region, or keeps its national digits when the region is unknown", () => {
    expect(targetFromPreamble(["Target: 7133537623"])).toBe("+17133537623");
    expect(targetFromPreamble(["Subscriber: 020 7946 0958"], "GB")).toBe("+442079460958");
    expect(targetFromPreamble(["Subscriber: (080) 3311 8033"])).toBe("08033118033");
  });

  it("finds the number (national or international) on most rows", () => {
    const rows = [0, 1, 2, 3].map((i) => row(i + 1, ["770000000", `77000000${i}`]));
    expect(numberInMostRows(rows, [0, 1], 0.7)?.number).toBe("770000000");
  });

  it("a target column of ids names its subscriber by id", () => {
    const rows = [0, 1, 2, 3].map((i) => row(i + 1, ["A_orange", ["C", "D"][i % 2]!]));
    expect(detectTarget([], rows, [col(0, "target"), col(1, "counterparty")])).toEqual({ target: "A_orange", source: "target column" });
  });
});
