import { describe, expect, it } from "vitest";
import { partyKey, toE164 } from "./phone-e164";

describe("phone numbers as E.164 and party keys for comparing columns", () => {
  it("reads international spellings without a region and NANP shapes without one or in the US", () => {
    expect(toE164("+44 20 7946 0958")).toBe("+442079460958");
    expect(toE164("0044 20 7946 0958")).toBe("+442079460958");
    expect(toE164("(713) 353-7623")).toBe("+17133537623");
    expect(toE164("7133537623", "US")).toBe("+17133537623");
  });

  it("reads national numbers in the file's region, and not as NANP outside North America", () => {
    expect(toE164("020 7946 0958", "GB")).toBe("+442079460958");
    expect(toE164("(080)33118033", "IN")).toBe("+918033118033");
    expect(toE164("2079460958", "GB")).toBe("+442079460958");
    // A national number of an unknown country has no E.164 form.
    expect(toE164("020 7946 0958")).toBeNull();
    expect(toE164("93412 66159")).toBeNull();
  });

  it("keys national numbers by their digits and, when asked, ids as written", () => {
    expect(partyKey("(080)33118033")).toBe("08033118033");
    expect(partyKey("93412 66159")).toBe("9341266159");
    expect(partyKey("770000000")).toBe("770000000");
    expect(partyKey("A_orange")).toBeNull();
    expect(partyKey("A_orange", null, true)).toBe("A_orange");
    expect(partyKey("(080)33118033", "IN")).toBe("+918033118033");
    expect(partyKey("")).toBeNull();
  });
});

describe("dialled international prefixes", () => {
  it("reads 00 everywhere and 011 only in North America (elsewhere 011 is an area code after a trunk 0)", () => {
    expect(toE164("00 44 20 7946 0958", "ZA")).toBe("+442079460958");
    expect(toE164("011 44 20 7946 0958")).toBe("+442079460958");
    expect(toE164("011 234 5678", "ZA")).toBe("+27112345678");
  });
});
