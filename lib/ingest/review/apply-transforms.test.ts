import { describe, expect, it } from "vitest";
import { columnTransformSchema, type ColumnTransform } from "../../schemas/mapping";
import { addedTransforms, remapColumns, transformCells, transformHeaders, transformsProblem, transformedIndex } from "./apply-transforms";

const split = (column: number, by: { at?: number; separator?: string }): ColumnTransform => ({ op: "split", column, ...by });
const merge = (a: number, b: number, separator = " "): ColumnTransform => ({ op: "merge", columns: [a, b], separator });

describe("structure edits (issue 18)", () => {
  it("splits a column at a character position, both parts trimmed", () => {
    expect(transformCells(["x", "2026-01-05 10:00:00", "y"], [split(1, { at: 10 })])).toEqual(["x", "2026-01-05", "10:00:00", "y"]);
    expect(transformHeaders(["A", "When", "B"], [split(1, { at: 10 })])).toEqual(["A", "When (1)", "When (2)", "B"]);
  });

  it("splits at the first separator; a value without it stays whole in the first part", () => {
    const t = [split(0, { separator: "|" })];
    expect(transformCells(["2026-01-05 10:00:00|+15551234567", "42"], t)).toEqual(["2026-01-05 10:00:00", "+15551234567", "42"]);
    expect(transformCells(["a|b|c"], t)).toEqual(["a", "b|c"]);
    expect(transformCells(["nothing"], t)).toEqual(["nothing", ""]);
    expect(transformHeaders(["Start|Caller", "Secs"], t)).toEqual(["Start", "Caller", "Secs"]);
    expect(transformHeaders(["", ""], t)).toEqual(["", "", ""]);
  });

  it("merges two columns with a separator in the first one's place (one side empty: no separator)", () => {
    expect(transformCells(["2026-01-05", "10:00:00", "60"], [merge(0, 1)])).toEqual(["2026-01-05 10:00:00", "60"]);
    expect(transformCells(["a", "b", "c"], [merge(2, 0, "-")])).toEqual(["b", "c-a"]);
    expect(transformCells(["a", "", "c"], [merge(0, 1, "-")])).toEqual(["a", "c"]);
    expect(transformHeaders(["Date", "Time", "Secs"], [merge(0, 1, "")])).toEqual(["Date Time", "Secs"]);
  });

  it("applies edits in order, each on the table the ones before left", () => {
    const edits = [split(0, { separator: "|" }), merge(1, 2, " ")];
    // "start|caller", "callee" → start, caller, callee → start, "caller callee"
    expect(transformCells(["s|c", "d"], edits)).toEqual(["s", "c d"]);
    expect(transformCells(["s|c", "d"], [edits[1]!, edits[0]!].slice(0, 1))).toEqual(["s|c", "d"]);
    expect(transformedIndex(0, edits)).toBe(0);
    expect(transformedIndex(1, edits)).toBe(1);
    expect(transformedIndex(2, [split(0, { at: 1 })])).toBe(3);
    expect(transformedIndex(3, [merge(0, 1)])).toBe(2);
    expect(remapColumns([{ index: 0 }, { index: 1 }, { index: 2 }], [merge(0, 1)])).toEqual([{ index: 0 }, { index: 1 }]);
  });

  it("reads a short row's missing cells as empty", () => {
    expect(transformCells(["a"], [split(2, { at: 3 })])).toEqual(["a", "", "", ""]);
  });

  it("refuses an edit that names a column the table lacks, with a sentence", () => {
    expect(transformsProblem([split(1, { at: 2 })], 3)).toBeNull();
    expect(transformsProblem([split(3, { at: 2 })], 3)).toBe(
      "The structure edit (split column 4 at character 2) refers to column 4, but the table has only 3 columns at that point.",
    );
    // After a merge the table is one narrower.
    expect(transformsProblem([merge(0, 1), merge(1, 2)], 3)).toBe(
      'Structure edit 2 (merge columns 2 and 3 with " ") refers to column 3, but the table has only 2 columns at that point.',
    );
  });

  it("the schema takes a split by position or separator, never both or neither, and a merge of two columns", () => {
    expect(columnTransformSchema.safeParse({ op: "split", column: 0, at: 10 }).success).toBe(true);
    expect(columnTransformSchema.safeParse({ op: "split", column: 0, separator: "|" }).success).toBe(true);
    expect(columnTransformSchema.safeParse({ op: "split", column: 0 }).success).toBe(false);
    expect(columnTransformSchema.safeParse({ op: "split", column: 0, at: 3, separator: "|" }).success).toBe(false);
    expect(columnTransformSchema.safeParse({ op: "merge", columns: [1, 1] }).success).toBe(false);
    expect(columnTransformSchema.parse({ op: "merge", columns: [1, 2] })).toEqual({ op: "merge", columns: [1, 2], separator: " " });
  });

  it("says which edits a draft adds to those a plan was made with", () => {
    const made = [split(0, { at: 4 })];
    expect(addedTransforms(made, undefined)).toEqual([]);
    expect(addedTransforms(made, [...made, merge(1, 2)])).toEqual([merge(1, 2)]);
    expect(addedTransforms(made, [])).toBeNull();
  });
});
