import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProgressThrottle } from "./progress-throttle";

describe("ProgressThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("never sends two events for a key within the interval and always sends the last one", () => {
    const sent: { at: number; e: string }[] = [];
    const t = new ProgressThrottle<string>((e) => sent.push({ at: Date.now(), e }), 120);
    for (let i = 0; i < 300; i++) {
      t.push("job", `p${i}`);
      vi.advanceTimersByTime(7);
    }
    t.push("job", "finalize");
    t.push("job", "done");
    const order: string[] = [];
    t.after("job", () => order.push("updated"), true);
    expect(order).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(sent.at(-1)?.e).toBe("done");
    expect(order).toEqual(["updated"]);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(120);
    for (const s of sent) expect(sent.filter((o) => o.at >= s.at && o.at <= s.at + 1000).length).toBeLessThanOrEqual(10);
  });

  it("sends at once when idle and keeps keys apart", () => {
    const sent: string[] = [];
    const t = new ProgressThrottle<string>((e) => sent.push(e), 120);
    t.push("a", "a1");
    t.push("b", "b1");
    const order: string[] = [];
    t.after("a", () => order.push("a-updated"), true);
    expect(sent).toEqual(["a1", "b1"]);
    expect(order).toEqual(["a-updated"]);
  });
});
