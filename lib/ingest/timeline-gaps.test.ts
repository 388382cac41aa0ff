import { describe, expect, it } from "vitest";
import { findTimelineGaps, TimelineGapAccumulator } from "./timeline-gaps";

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("findTimelineGaps", () => {
  it("reports a silence far beyond the usual rhythm and nothing else", () => {
    const start = Date.UTC(2023, 0, 1);
    const times: string[] = [];
    for (let i = 0; i < 100; i++) times.push(iso(start + i * 3600_000)); // hourly
    const resume = start + 99 * 3600_000 + 5 * 86400_000; // five silent days
    for (let i = 0; i < 50; i++) times.push(iso(resume + i * 3600_000));
    const gaps = findTimelineGaps(() => times);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.from).toBe(times[99]);
    expect(gaps[0]!.to).toBe(times[100]);
    expect(gaps[0]!.seconds).toBe(5 * 86400);
    expect(gaps[0]!.ratio).toBeGreaterThan(50);
  });

  it("finds no gap in a steady timeline or a short one", () => {
    const times = Array.from({ length: 200 }, (_, i) => iso(Date.UTC(2023, 0, 1) + i * 7200_000));
    expect(findTimelineGaps(() => times)).toEqual([]);
    expect(findTimelineGaps(() => times.slice(0, 5))).toEqual([]);
  });
});

describe("TimelineGapAccumulator", () => {
  it("gives findTimelineGaps' answer in one pass", () => {
    const start = Date.UTC(2023, 0, 1);
    const times: string[] = [];
    let t = start;
    for (let i = 0; i < 500; i++) {
      t += (i % 97 === 0 ? 9 * 86400 : 1800 + ((i * 7919) % 5000)) * 1000;
      times.push(iso(t));
    }
    const acc = new TimelineGapAccumulator();
    for (const s of times) acc.add(s, Date.parse(s));
    expect(acc.gaps().length).toBeGreaterThan(2);
    expect(acc.gaps()).toEqual(findTimelineGaps(() => times));
  });
});
