import { describe, expect, it } from "vitest";
import { lookupKeys, normalizeCellKey, rowCellKey, siteKeyOf } from "./cell-key";

describe("cell keys", () => {
  it("spells one cell one way whatever the separator, case and leading zeros", () => {
    for (const s of ["55303-1", "55303/1", " 055303 - 01 ", "55303:1", "55303_1", "55303.1", "55303 1"]) expect(normalizeCellKey(s)).toBe("55303-1");
    expect(normalizeCellKey("0a1f-b")).toBe("0A1F-B");
    expect(normalizeCellKey("0")).toBe("0");
    expect(normalizeCellKey("  ")).toBeNull();
    expect(normalizeCellKey(null)).toBeNull();
  });

  it("knows a key's site", () => {
    expect(siteKeyOf("55303-1")).toBe("55303");
    expect(siteKeyOf("310-410-12345-678")).toBe("310-410-12345");
    expect(siteKeyOf("55303")).toBeNull();
  });

  it("builds a list row's key from its cell, site and sector columns", () => {
    expect(rowCellKey("55303", null, "1")).toBe("55303-1");
    expect(rowCellKey("55303-1", null, "2")).toBe("55303-1"); // the cell's own sector wins
    expect(rowCellKey("55303/1", null, null)).toBe("55303-1");
    expect(rowCellKey(null, "55303", "1")).toBe("55303-1");
    expect(rowCellKey(null, "55303", null)).toBe("55303");
    expect(rowCellKey("2", "55303", null)).toBe("55303-2"); // eNodeB + its cell number
    expect(rowCellKey("123456789", "55303", null)).toBe("123456789"); // a long CI is a cell on its own
    expect(rowCellKey(null, null, "1")).toBeNull();
  });

  it("looks a record's cell up as itself, then as its whole site", () => {
    expect(lookupKeys("55303-1")).toEqual(["55303-1", "55303"]);
    expect(lookupKeys("052975/3")).toEqual(["52975-3", "52975"]);
    expect(lookupKeys("55303")).toEqual(["55303"]);
    expect(lookupKeys(" ")).toEqual([]);
  });
});
