import { describe, expect, it } from "vitest";
import { CANDIDATE_GAP_SECONDS, DEFAULT_GAP_THRESHOLD, findTimelineGaps, meetsGapThreshold, TimelineGapAccumulator } from "./timeline-gaps";

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const HOUR = 3600_000;

const MIN = 60_000;

/** Events every 10 minutes, with a five-day silence after the 100th and a 3-hour one after the 120th. */
function tenMinutesWithSilences(): string[] {
  const times: string[] = [];
  let t = Date.UTC(2023, 0, 1);
  for (let i = 0; i < 150; i++) {
    times.push(iso(t));
    t += i === 99 ? 5 * 86400_000 : i === 119 ? 3 * HOUR : 10 * MIN;
  }
  return times;
}

describe("findTimelineGaps", () => {
  it("keeps every silence of an hour or more beyond the usual rhythm as a candidate, with its ratio", () => {
    const times = tenMinutesWithSilences();
    const gaps = findTimelineGaps(() => times);
    expect(gaps.map((g) => [g.from, g.to, g.seconds])).toEqual([
      [times[99], times[100], 5 * 86400],
      [times[119], times[120], 3 * 3600],
    ]);
    // The median interval is ten minutes (within the histogram's ~9 %).
    expect(gaps[0]!.ratio).toBeGreaterThan(650);
    expect(gaps[0]!.ratio).toBeLessThan(790);
    expect(gaps[1]!.ratio).toBeGreaterThan(16);
    expect(gaps[1]!.ratio).toBeLessThan(20);
    // Ratios are kept to one decimal, rounded down.
    for (const g of gaps) expect(Math.round(g.ratio * 10)).toBeCloseTo(g.ratio * 10, 9);
  });

  it("reports only the long silence under the default rule, both under a looser one, none under a stricter one", () => {
    const gaps = findTimelineGaps(tenMinutesWithSilences);
    expect(DEFAULT_GAP_THRESHOLD).toEqual({ minSeconds: 86400, minRatio: 8 });
    expect(gaps.filter((g) => meetsGapThreshold(g)).map((g) => g.seconds)).toEqual([5 * 86400]);
    expect(gaps.filter((g) => meetsGapThreshold(g, { minSeconds: 2 * 3600, minRatio: 2 }))).toHaveLength(2);
    expect(gaps.filter((g) => meetsGapThreshold(g, { minSeconds: 2 * 3600, minRatio: 800 }))).toHaveLength(0);
    expect(gaps.filter((g) => meetsGapThreshold(g, { minSeconds: 6 * 86400, minRatio: 1 }))).toHaveLength(0);
  });

  it("keeps no silence under an hour, even one far beyond a busy target's rhythm", () => {
    // Every 10 s, with a 50-minute pause (300×): not a candidate.
    const times = Array.from({ length: 200 }, (_, i) => iso(Date.UTC(2023, 0, 1) + i * 10_000 + (i >= 100 ? 50 * MIN : 0)));
    expect(findTimelineGaps(() => times)).toEqual([]);
    const withHour = times.map((t, i) => (i >= 100 ? iso(Date.parse(t) + 10 * MIN) : t));
    expect(findTimelineGaps(() => withHour).map((g) => g.seconds)).toEqual([CANDIDATE_GAP_SECONDS + 10]);
  });

  it("finds no candidate in a steady timeline, nor any in one too short to know its rhythm", () => {
    const steady = Array.from({ length: 200 }, (_, i) => iso(Date.UTC(2023, 0, 1) + i * 10 * MIN));
    expect(findTimelineGaps(() => steady)).toEqual([]);
    const short = [0, 1, 2, 3, 40].map((h) => iso(Date.UTC(2023, 0, 1) + h * HOUR));
    expect(findTimelineGaps(() => short)).toEqual([]);
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
    const gaps = acc.gaps();
    expect(gaps).toEqual(findTimelineGaps(() => times));
    // The five 9-day silences (i = 97, 194 …; i = 0 has no event before it) are reported by default; the candidates also hold steps of an hour or more.
    expect(gaps.filter((g) => meetsGapThreshold(g))).toHaveLength(5);
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.every((g) => g.seconds >= CANDIDATE_GAP_SECONDS && g.ratio >= 1)).toBe(true);
  });
});
