import { describe, expect, it } from "vitest";
import { MemoGate } from "./memo-gate";
import { regionMemo } from "./region-memo";

describe("MemoGate", () => {
  it("closes after a window that almost never hit, reopens later, and stays open while lookups hit", () => {
    const gate = new MemoGate();
    let closedAt = -1;
    for (let i = 0; i < 4096 && closedAt < 0; i++) if (gate.open() && gate.count(i % 100 === 0)) closedAt = i;
    expect(closedAt).toBe(4095);
    let skipped = 0;
    while (!gate.open()) skipped++;
    expect(skipped).toBe(16 * 4096);
    // Hits on every other lookup: never closes.
    for (let i = 0; i < 5 * 4096; i++) {
      expect(gate.open()).toBe(true);
      expect(gate.count(i % 2 === 0)).toBe(false);
    }
  });

  it("leaves a region memo's answers unchanged: a tower dump's numbers computed directly, a repeating file's remembered", () => {
    let computed = 0;
    const memo = regionMemo((text, region) => (computed++, `${region}:${text}`));
    for (let i = 0; i < 20_000; i++) expect(memo(`n${i}`, "US")).toBe(`US:n${i}`);
    expect(computed).toBe(20_000);
    // Off now: the same text is computed each time, with the same answer.
    computed = 0;
    for (let i = 0; i < 10; i++) expect(memo("same", "US")).toBe("US:same");
    expect(computed).toBe(10);
    // Once the gate reopens, repeats are remembered again.
    for (let i = 0; i < 16 * 4096; i++) memo("same", "US");
    computed = 0;
    for (let i = 0; i < 1000; i++) expect(memo("again", "GB")).toBe("GB:again");
    expect(computed).toBe(1);
  });
});
