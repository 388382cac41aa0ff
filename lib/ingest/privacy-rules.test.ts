import { describe, expect, it } from "vitest";
import type { CanonicalRecord } from "../schemas/record";
import { compilePrivacyRules, maskNumber } from "./privacy-rules";
import { canonicalRecord } from "../../tests/support/factories";

const rec = (caller: string, callee: string): CanonicalRecord => canonicalRecord({ caller, callee, target: caller, duration_seconds: 1 });

describe("privacy rules", () => {
  it("masks a listed number wherever it appears and keeps the record", () => {
    const apply = compilePrivacyRules([{ pattern: "+1 (415) 555-0100", kind: "number", action: "mask" }]);
    const r = rec("+17135550000", "+14155550100");
    expect(apply(r)).toBe("keep");
    expect(r.callee).toBe(maskNumber("+14155550100"));
    expect(r.callee).not.toContain("0100");
    expect(r.caller).toBe("+17135550000");
  });

  it("masks the raw spelling too, and matches parties without an E.164 form by their raw digits", () => {
    const apply = compilePrivacyRules([
      { pattern: "+14155550100", kind: "number", action: "mask" },
      { pattern: "07943096148", kind: "number", action: "mask" },
    ]);
    const r = canonicalRecord({ callee: "+14155550100", callee_raw: "(415) 555-0100" });
    apply(r);
    expect(r.callee_raw).toBe(maskNumber("+14155550100"));
    const national = canonicalRecord({ callee: null, callee_kind: "national", callee_raw: "07943 096148" });
    apply(national);
    expect(national.callee_raw).not.toContain("096148");
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
