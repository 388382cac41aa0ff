import { describe, expect, it } from "vitest";
import { planLayout } from "./plan-layout";
import { sampleFromText } from "./testing/fixture-sample";
import { csv, masterLine } from "./testing/asterisk-master";

describe("built-in layout: Asterisk Master.csv", () => {
  it.each([0, 1, 2] as const)("recognizes the headerless file (%i optional columns) and maps src, dst, start, end, billsec", (extra) => {
    const rows = Array.from({ length: 10 }, (_, i) => masterLine(i, extra));
    const plan = planLayout(sampleFromText(csv(rows), ",", null), []);
    expect(plan.carrier).toBe("asterisk");
    const byField = Object.fromEntries(plan.columns.filter((c) => c.field !== null).map((c) => [c.field, c.index]));
    expect(byField).toEqual({ caller: 1, callee: 2, start_time: 9, end_time: 11, duration_seconds: 13 });
    expect(plan.columns[13]!.format).toBe("seconds");
    // Local server time, no zone: still a person's call.
    expect(plan.needsReview).toBe(true);
    expect(plan.reviewReasons).toContain("The file does not say which time zone its times are in");
  });

  it("maps a cdr_custom file with a header by its header, whatever the order", () => {
    const order = [
      "clid",
      "src",
      "dst",
      "dcontext",
      "channel",
      "dstchannel",
      "lastapp",
      "lastdata",
      "start",
      "answer",
      "end",
      "duration",
      "billsec",
      "disposition",
      "amaflags",
      "accountcode",
      "uniqueid",
      "userfield",
    ];
    const documented = [
      "accountcode",
      "src",
      "dst",
      "dcontext",
      "clid",
      "channel",
      "dstchannel",
      "lastapp",
      "lastdata",
      "start",
      "answer",
      "end",
      "duration",
      "billsec",
      "disposition",
      "amaflags",
      "uniqueid",
      "userfield",
    ];
    const rows = Array.from({ length: 10 }, (_, i) => {
      const r = masterLine(i, 2);
      return order.map((h) => r[documented.indexOf(h)]!);
    });
    const plan = planLayout(sampleFromText(csv([order, ...rows]), ",", 1), []);
    expect(plan.carrier).toBe("asterisk");
    const byField = Object.fromEntries(plan.columns.filter((c) => c.field !== null).map((c) => [c.field, c.header]));
    expect(byField).toEqual({ caller: "src", callee: "dst", start_time: "start", end_time: "end", duration_seconds: "billsec" });
    expect(plan.reviewReasons).toContain("The file does not say which time zone its times are in");
  });

  it("leaves a 16-column table that is not a CDR alone", () => {
    const rows = Array.from({ length: 10 }, (_, i) => Array.from({ length: 16 }, (_, j) => (j === 9 ? `2024-02-1${i} 10:00:00` : `w${i}${j}`)));
    expect(planLayout(sampleFromText(csv(rows), ",", null), []).carrier).toBe("unknown");
  });
});
