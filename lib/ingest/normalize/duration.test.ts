import { describe, expect, it } from "vitest";
import { parseDurationSeconds } from "./duration";

describe("parseDurationSeconds", () => {
  it.each([
    ["45", undefined, 45],
    ["0:05", undefined, 5],
    ["36:54", undefined, 2214],
    ["5:19", undefined, 319],
    ["00:52:33", undefined, 3153],
    ["1:02:03.5", undefined, 3724],
    ["1:02:03.4", undefined, 3723],
    ["1h 2m 3s", undefined, 3723],
    ["2 min 30 sec", undefined, 150],
    ["1 Std 5 Min", undefined, 3900],
    ["12.5", undefined, 13],
    ["1.5", "minutes", 90],
    ["2,5", "minutes", 150],
    ["3", "minutes", 180],
    ["1500", "milliseconds", 2],
    ["1499", "milliseconds", 1],
    ["0.0006134", "clock", 53],
  ] as const)("%s (%s) → %i s", (text, hint, want) => {
    expect(parseDurationSeconds(text, hint)).toBe(want);
  });

  it.each(["abc", "1:75", "1:00:75", "-5", "", "5 parsecs", "N/A"])("%s is not a duration", (text) => {
    expect(parseDurationSeconds(text)).toBeNaN();
  });

  // ISO 8601 durations: Bandwidth's call and recording resources ("PT1M30S", "PT13.67S").
  it.each([
    ["PT1M30S", 90],
    ["PT0S", 0],
    ["PT90S", 90],
    ["PT13.67S", 14],
    ["PT1H2M3.5S", 3724],
    ["pt2m", 120],
    ["PT1.5M", 90],
    ["P1DT2H", 93600],
  ] as const)("ISO 8601 %s → %i s", (text, want) => {
    expect(parseDurationSeconds(text)).toBe(want);
    expect(parseDurationSeconds(text, "seconds")).toBe(want);
  });

  it.each(["P", "PT", "PT1X", "P1M", "PT-5S", "PT1S2M"])("%s is not an ISO 8601 call duration", (text) => {
    expect(parseDurationSeconds(text)).toBeNaN();
  });
});
