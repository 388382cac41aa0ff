import { describe, expect, it } from "vitest";
import { csvCell } from "./records-csv";

describe("csvCell", () => {
  it("neutralizes formula starters but keeps phone numbers and negative numbers as data", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("+14155550123")).toBe("+14155550123");
    expect(csvCell(-12)).toBe("-12");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(null)).toBe("");
  });
});
