import { describe, expect, it } from "vitest";
import { groupLines } from "./line-grouping";
import { extractPageRows } from "./page-rows";
import type { PageItem } from "./pdf-types";
import { learnTableLayout } from "./table-layout";

/** A text item at (x, baseline y) in top-down points, 8 pt Helvetica-ish widths. */
const at = (x: number, y: number, text: string): PageItem => ({ text, x, width: text.length * 4.4, top: y - 6.4, bottom: y + 1.6 });
const row = (y: number, cells: string[]) => cells.map((c, i) => (c ? at(40 + i * 90, y, c) : null)).filter((i): i is PageItem => i !== null);

function page(n: number, body: PageItem[]): PageItem[] {
  return [at(40, 20, "Acme Wireless CDR"), at(300, 580, `Page ${n} of 2`), ...row(60, ["Date", "Caller", "Callee", "Note"]), ...body];
}

describe("table rebuilding from positioned text", () => {
  const p1 = groupLines(
    page(1, [
      at(40, 40, "Target: 5551234567"),
      ...row(72, ["2024-01-01", "5551234567", "5559876543", "first call"]),
      ...row(83, ["2024-01-02", "5551234567", "5550000001", "long note that"]),
      ...row(92, ["", "", "", "wraps twice"]),
      ...row(103, ["2024-01-03", "5550000002", "5551234567", ""]),
    ]),
    1,
    false,
  );
  const layout = learnTableLayout(p1);

  it("finds the header, preamble and columns", () => {
    expect(layout?.headers).toEqual(["Date", "Caller", "Callee", "Note"]);
    expect(layout?.preamble).toEqual(["Acme Wireless CDR", "Target: 5551234567"]);
    expect(layout?.anchors).toEqual([0, 1, 2]);
  });

  it("joins a wrapped cell and drops page furniture and the repeated header", () => {
    if (!layout) throw new Error("no layout");
    const r1 = extractPageRows(p1, layout);
    expect(r1.rows.map((r) => r.cells)).toEqual([
      ["2024-01-01", "5551234567", "5559876543", "first call"],
      ["2024-01-02", "5551234567", "5550000001", "long note that wraps twice"],
      ["2024-01-03", "5550000002", "5551234567", ""],
    ]);
    const p2 = groupLines(page(2, [...row(72, ["2024-01-04", "5551234567", "5559876543", ""]), at(40, 120, "Total records: 4")]), 2, false);
    expect(extractPageRows(p2, layout).rows.map((r) => r.cells)).toEqual([["2024-01-04", "5551234567", "5559876543", ""]]);
  });
});
