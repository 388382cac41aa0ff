import { describe, expect, it } from "vitest";
import { regionMemo } from "./region-memo";

describe("regionMemo", () => {
  it("computes each text once per region while it is remembered, and stays bounded", () => {
    let computed = 0;
    const memo = regionMemo((text, region) => (computed++, `${region}:${text}`), 3);
    expect(memo("a", "US")).toBe("US:a");
    expect(memo("a", "US")).toBe("US:a");
    expect(memo("a", "GB")).toBe("GB:a");
    expect(computed).toBe(2);
    // Past the cap the oldest generation goes; a text still in use is carried into the new one.
    for (const t of ["b", "c", "d", "e", "f", "g", "h"]) memo(t, "US");
    expect(memo("h", "US")).toBe("US:h");
    const before = computed;
    memo("a", "US");
    expect(computed).toBe(before + 1);
  });
});
