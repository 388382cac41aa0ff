import { describe, expect, it } from "vitest";
import { detectRegion, regionFromNumbers, regionFromPreamble, regionOfCallingCode } from "./detect-region";

const none = { region: null, source: null, confidence: 0 };

describe("region of a file's numbers", () => {
  it("the four US carriers are US", () => {
    for (const carrier of ["att", "verizon", "tmobile", "sprint"]) {
      expect(detectRegion({ carrier, preamble: [], partyValues: ["+447700900123"] })).toEqual({ region: "US", source: "carrier", confidence: 1 });
    }
  });

  it("maps a calling code to its main region", () => {
    expect(regionOfCallingCode("1")).toBe("US");
    expect(regionOfCallingCode("44")).toBe("GB");
    expect(regionOfCallingCode("91")).toBe("IN");
    expect(regionOfCallingCode("7")).toBe("RU");
    expect(regionOfCallingCode("999")).toBeNull();
  });

  it("reads a country the preamble states: a code, a name, a dialling code", () => {
    expect(regionFromPreamble(["Call records", "Country: IN"])).toEqual({ region: "IN", confidence: 0.95 });
    expect(regionFromPreamble(["Country: India"])?.region).toBe("IN");
    expect(regionFromPreamble(["Land: Deutschland"])?.region).toBe("DE");
    expect(regionFromPreamble(["Pays : France"])?.region).toBe("FR");
    expect(regionFromPreamble(["Dialling code +44"])?.region).toBe("GB");
    expect(regionFromPreamble(["Country code: 91"])?.region).toBe("IN");
    expect(regionFromPreamble(["Vodafone United Kingdom call records"])).toEqual({ region: "GB", confidence: 0.7 });
    expect(detectRegion({ carrier: "unknown", preamble: ["Country: GB"], partyValues: ["7133537623"] })).toEqual({ region: "GB", source: "preamble", confidence: 0.95 });
  });

  it("does not read a region into lines that name none, or names that are also words and US states", () => {
    for (const line of ["Time zone: Central Time", "Call log export", "Records for Jordan Smith", "Georgia office", "Region: North"]) {
      expect([line, regionFromPreamble([line])]).toEqual([line, null]);
    }
  });

  it("takes the country code most international numbers carry (CC 1 → US)", () => {
    expect(regionFromNumbers(["+447700900123", "+441603761827", "+442086824832", "+491543968272"])).toEqual({ region: "GB", confidence: 0.75 });
    expect(regionFromNumbers(["+14045425561", "+17027664791", "+491543968272"])?.region).toBe("US");
    expect(regionFromNumbers(["00441603761827", "00442086824832"])?.region).toBe("GB");
  });

  it("counts 10-digit NANP shapes for the US, and trunk-0 national numbers valid in the leading region for it", () => {
    expect(regionFromNumbers(["7133537623", "(713) 353-7623", "214.974.4538", "+447943096148"])?.region).toBe("US");
    const uk = regionFromNumbers(["+442079460958", "02079460958", "01603761827", "01383626902"]);
    expect(uk).toEqual({ region: "GB", confidence: 1 });
  });

  it("knows nothing from national numbers alone, or from a few foreign numbers among them", () => {
    expect(detectRegion({ carrier: "unknown", preamble: [], partyValues: ["93412 66159", "(080)33118033", "78130 00821"] })).toEqual(none);
    expect(regionFromNumbers(["93412 66159", "(080)33118033", "78130 00821", "90365 06212", "+14045425561"])).toBeNull();
    expect(regionFromNumbers(["770000000", "770000005"])).toBeNull();
    expect(regionFromNumbers(["A", "E", ""])).toBeNull();
  });

  it("reads E.164 numbers that lost their + at half weight", () => {
    expect(regionFromNumbers(["442079460958", "441603761827"])?.region).toBe("GB");
  });
});
