import { describe, expect, it } from "vitest";
import { planLayout } from "../plan-layout";
import { fieldColumns, fieldHeaders, textSample } from "../testing/product-sample";
import { threeCxCallHistory, threeCxCdr } from "../testing/three-cx-cdr";

const ZONE_UNKNOWN = "The file does not say which time zone its times are in";

describe("built-in layout: 3CX", () => {
  it("recognizes the headerless CDR service output in the documented field order", () => {
    const plan = planLayout(textSample(threeCxCdr("none")), []);
    expect(plan.carrier).toBe("3cx");
    expect(fieldColumns(plan.columns)).toEqual({ duration_seconds: 2, start_time: 3, end_time: 5, caller: 7, callee: 8, dialed_digits: 11 });
    expect(plan.columns[2]!.format).toBe("clock");
    expect(plan.reviewReasons).toContain(ZONE_UNKNOWN);
  });

  it.each(["dashes", "underscores"] as const)("maps CDR field names in a header (%s) by name; local times still go to review for the zone", (header) => {
    const plan = planLayout(textSample(threeCxCdr(header)), []);
    expect(plan.carrier).toBe("3cx");
    const sep = header === "dashes" ? "-" : "_";
    expect(fieldHeaders(plan.columns)).toEqual({
      duration_seconds: "duration",
      start_time: `time${sep}start`,
      end_time: `time${sep}end`,
      caller: `from${sep}no`,
      callee: `to${sep}no`,
      dialed_digits: `dial${sep}no`,
    });
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.reviewReasons).toEqual([ZONE_UNKNOWN]);
  });

  it("maps the V18+ call history export: Talking is the length, Call Time the start", () => {
    const plan = planLayout(textSample(threeCxCallHistory()), []);
    expect(plan.carrier).toBe("3cx");
    expect(fieldHeaders(plan.columns)).toEqual({ start_time: "Call Time", caller: "From", callee: "To", direction: "Direction", duration_seconds: "Talking" });
    expect(plan.columns.find((c) => c.field === "duration_seconds")!.format).toBe("clock");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.reviewReasons).toEqual([ZONE_UNKNOWN]);
  });
});
