import { describe, expect, it } from "vitest";
import { readParty } from "./party";
import { compilePartyReader } from "./party-columns";

describe("readParty: every call keeps its parties (issue 17)", () => {
  it.each([
    ["2125551234", "US", "+12125551234", "e164"],
    ["+44 7943 096148", null, "+447943096148", "e164"],
    ["07943 096148", "GB", "+447943096148", "e164"],
    ["07943 096148", null, null, "national"],
    ["93412 66159", "IN", "+919341266159", "e164"],
    ["(080)33118033", "IN", "+918033118033", "e164"],
    ["6789", null, null, "extension"],
    ["101", null, null, "extension"],
    ["911", "US", null, "service"],
    ["611", null, null, "service"],
    ["112", "DE", null, "service"],
    ["*86", null, null, "service"],
    ["#31#", null, null, "service"],
    ["32665", "US", null, "short_code"],
    ["sip:alice@example.com", null, null, "sip"],
    ["alice@pbx.example.org", null, null, "sip"],
    ["sip:+14155550123@carrier.example;user=phone", null, "+14155550123", "e164"],
    ["tel:+1-212-555-1234", null, "+12125551234", "e164"],
    ["sip:anonymous@anonymous.invalid", null, null, "withheld"],
    ["Restricted", null, null, "withheld"],
    ["PRIVATE", null, null, "withheld"],
    ["Anonymous", null, null, "withheld"],
    ["client:alice", null, null, "extension"],
    ["client1", null, null, "extension"],
    ["e154eb57-2962-41e7-baf4-90f63e25e439", null, null, "id"],
    ["310118903360910123", null, null, "id"],
    ["1234567890", "US", null, "invalid"],
    ["+44 12", null, null, "invalid"],
    ["1.21255E+10", "US", null, "invalid"],
    ["%2B14155550123", null, "+14155550123", "e164"],
  ] as const)("%s (region %s) → %s %s", (text, region, e164, kind) => {
    const got = readParty(text, region);
    expect(typeof got).toBe("object");
    if (typeof got === "object") expect({ e164: got.e164, kind: got.kind }).toEqual({ e164, kind });
  });

  it("marks numbers restored from spreadsheet damage as repaired", () => {
    expect(readParty("11919813456915", "US")).toMatchObject({ e164: "+919813456915", kind: "e164", repaired: true });
    expect(readParty("1.2125550147E+10", "US")).toMatchObject({ e164: "+12125550147", repaired: true });
    expect(readParty("2125550147", "US")).toMatchObject({ repaired: false });
  });

  it("treats placeholders for 'no value' as errors, as the carriers' sample files do", () => {
    for (const t of ["N/A", "UNKNOWN", "12", "0", "null", "-", "?"]) expect(readParty(t, "US")).toBe("junk");
    expect(readParty("abc-def", "US")).toBe("word");
  });
});

describe("readParty: plain numbers skip the text tests", () => {
  it("classifies a plain number exactly as the same number behind a spreadsheet guard (which takes the general path)", () => {
    const numbers: string[] = [
      "911",
      "112",
      "611",
      "101",
      "1",
      "42",
      "6789",
      "32665",
      "1234567",
      "2125551234",
      "12125551234",
      "7943096148",
      "447943096148",
      "9341266159",
      "0",
      "00",
      "0000",
      "07943096148",
    ];
    // Every length from 1 to 18 digits, with and without a +, from a few leading digits.
    for (const lead of ["0", "1", "2", "4", "7", "9"]) for (let n = 1; n <= 18; n++) numbers.push((lead + "3141592653589793238").slice(0, n));
    for (const n of [...numbers]) numbers.push(`+${n}`);
    for (const region of ["US", "GB", "IN", "DE", null] as const) {
      for (const n of numbers) expect(readParty(n, region), `${n} in ${region}`).toEqual(readParty(`'${n}`, region));
    }
  });
});

describe("compilePartyReader", () => {
  it("reads words as ids in a column of ids, and as noise in a column of numbers", () => {
    const ids = compilePartyReader(["A", "E", "B", "A", "C"], null);
    expect(ids("A")).toMatchObject({ e164: null, kind: "id", raw: "A" });
    const numbers = compilePartyReader(["2125551234", "3125551234", "4155550123"], "US");
    expect(numbers("abc-def")).toBeNull();
    expect(numbers("2125551234")).toMatchObject({ e164: "+12125551234", kind: "e164", raw: null });
  });
});
