import { describe, expect, it } from "vitest";
import { findNearDuplicates } from "./near-duplicates";

const r = (id: number, start: string, duration = 60, caller = "+17135550100", callee = "+12125550100", type = "voice") => ({ id, caller, callee, type, start, duration });

describe("findNearDuplicates", () => {
  it("links two legs of one call (start ±2 s, duration ±1 s) to the earlier one", () => {
    const links = findNearDuplicates([r(1, "2023-01-01T00:00:00Z"), r(2, "2023-01-01T00:00:02Z", 61), r(3, "2023-01-01T00:00:05Z")]);
    expect([...links]).toEqual([[2, 1]]);
  });

  it("keeps calls apart when parties, type or duration differ", () => {
    const links = findNearDuplicates([
      r(1, "2023-01-01T00:00:00Z"),
      r(2, "2023-01-01T00:00:01Z", 63),
      r(3, "2023-01-01T00:00:01Z", 60, "+17135550199"),
      r(4, "2023-01-01T00:00:01Z", 60, "+17135550100", "+12125550100", "sms"),
    ]);
    expect(links.size).toBe(0);
  });
});
