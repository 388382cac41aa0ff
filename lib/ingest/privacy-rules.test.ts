import { describe, expect, it } from "vitest";
import type { CanonicalRecord } from "../schemas/record";
import { compilePrivacyRules, maskNumber } from "./privacy-rules";

const rec = (caller: string, callee: string): CanonicalRecord => ({
  start_time: "2023-01-01T00:00:00Z", end_time: null, duration_seconds: 1, caller, callee, direction: "outgoing", record_type: "voice",
  target: caller, dialed_digits: null, imei: null, imsi: null, cell_first: null, cell_last: null,
});

describe("privacy rules", () => {
  it("masks a listed number wherever it appears and keeps the record", () => {
    const apply = compilePrivacyRules([{ pattern: "+1 (415) 555-0100", kind: "number", action: "mask" }]);
    const r = rec("+17135550000", "+14155550100");
    expect(apply(r)).toBe("keep");
    expect(r.callee).toBe(maskNumber("+14155550100"));
    expect(r.callee).not.toContain("0100");
    expect(r.caller).toBe("+17135550000");
  });

  it("suppresses by prefix, and suppress wins over mask", () => {
    const apply = compilePrivacyRules([
      { pattern: "1800", kind: "prefix", action: "suppress" },
      { pattern: "18005550100", kind: "number", action: "mask" },
    ]);
    expect(apply(rec("+17135550000", "+18005550100"))).toBe("suppress");
    expect(apply(rec("+17135550000", "+12125550100"))).toBe("keep");
  });
});
