import { describe, expect, it } from "vitest";
import { overrideOf, withoutLastTransform, withSheet, withTransform, type MappingDraft } from "./mapping-draft";

const draft: MappingDraft = {
  fields: ["start_time", null, "duration_seconds"],
  headerLine: 1,
  noHeader: false,
  timezone: "UTC",
  transforms: [],
  saveTemplate: false,
  templateName: "x",
};

describe("the review draft's structure edits (issue 18)", () => {
  it("a split adds an unmapped column after the split one, and undo takes it back", () => {
    const split = withTransform(draft, { op: "split", column: 0, separator: " / " });
    expect(split.fields).toEqual(["start_time", null, null, "duration_seconds"]);
    expect(overrideOf(split, false).transforms).toEqual([{ op: "split", column: 0, separator: " / " }]);
    expect(withoutLastTransform(split)).toEqual(draft);
  });

  it("a merge keeps the first mapped field of the pair; undo gives it back to the first column", () => {
    const merged = withTransform(draft, { op: "merge", columns: [1, 2], separator: " " });
    expect(merged.fields).toEqual(["start_time", "duration_seconds"]);
    expect(withoutLastTransform(merged).fields).toEqual(["start_time", "duration_seconds", null]);
  });

  it("another sheet drops the edits and lets the header row be detected again", () => {
    const other = withSheet(withTransform(draft, { op: "split", column: 0, at: 10 }), "Detail");
    const o = overrideOf(other, false);
    expect(o).toMatchObject({ sheet: "Detail", transforms: [], columns: [] });
    expect(o.headerLine).toBeUndefined();
  });
});
