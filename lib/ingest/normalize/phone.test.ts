import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus } from "../../../tests/support/corpora";
import { normalizePhone, parsePhoneUncached, type CountryCode } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["2125551234", "+12125551234"],
    ["12125551234", "+12125551234"],
    ["+12125551234", "+12125551234"],
    ["(415) 555-1234", "+14155551234"],
    ["415.274.1546", "+14152741546"],
    ["1-650-253-0000", "+16502530000"],
    [" 415 555 1234 ", "+14155551234"],
    ["011491517419161", "+491517419161"],
    ["00491517419161", "+491517419161"],
    ["+491517419161", "+491517419161"],
    ["011447523177645", "+447523177645"],
    ["+447943096148", "+447943096148"],
    ["+1 415 555 1234 x123", "+14155551234"],
    ["415-555-1234 ext. 12", "+14155551234"],
    ["2125551234.0", "+12125551234"],
    ['="2125551234"', "+12125551234"],
  ])("%s → %s", (raw, want) => {
    expect(normalizePhone(raw)).toBe(want);
    expect(parsePhoneUncached(raw)).toBe(want);
  });

  it.each(["2.12555E+09", "N/A", "UNKNOWN", "abc-def", "12", "", "   ", "0123456789", "1234567890", "2121234567", "911"])("%s is not a phone number", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it("repairs spreadsheet damage when it is unambiguous, and only then", () => {
    // Leading zeros of a dialled international prefix lost when the cell was read as a number.
    expect(normalizePhone("11919813456915")).toBe("+919813456915"); // 011 91 98134 56915
    expect(normalizePhone("11447523177645")).toBe("+447523177645"); // 011 44 …
    expect(normalizePhone("447943096148")).toBe("+447943096148"); // 00 44 …
    // Scientific notation that kept every digit; one that lost digits stays unreadable.
    expect(normalizePhone("1.2125550147E+10")).toBe("+12125550147");
    expect(normalizePhone("1,2125550147E+10")).toBe("+12125550147");
    expect(normalizePhone("1.21255E+10")).toBeNull();
    // Valid as it stands: untouched; too short for an international number: not guessed.
    expect(normalizePhone("12125551234")).toBe("+12125551234");
    expect(normalizePhone("612345678")).toBeNull();
  });

  it("honours another default region for national numbers", () => {
    expect(normalizePhone("030 123456", "DE")).toBe("+4930123456");
    expect(normalizePhone("07911 123456", "GB")).toBe("+447911123456");
  });
});

const lib = corpus("libphonenumber");

describe.skipIf(!lib)("libphonenumber corpus", () => {
  it("gives the expected E.164 for ≥ 98 % of the example numbers of every region and spelling", () => {
    const data = JSON.parse(fs.readFileSync(path.join(lib as string, "example_number_vectors.json"), "utf8")) as {
      vectors: { region: string; expected_e164: string; inputs: string[] }[];
    };
    let ok = 0;
    let total = 0;
    for (const v of data.vectors) {
      for (const input of v.inputs) {
        // Non-geographic numbers ("001") only parse in their +CC spelling.
        if (v.region === "001" && !input.startsWith("+")) continue;
        total++;
        const region = (v.region === "001" ? "US" : v.region) as CountryCode;
        if (normalizePhone(input, region) === v.expected_e164) ok++;
      }
    }
    const share = ok / total;
    process.stderr.write(`[phone] example vectors: ${ok}/${total} = ${(share * 100).toFixed(2)} %\n`);
    expect(total).toBeGreaterThan(3000);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });

  it("rejects every parse-error vector and reports how many parse vectors hold with real metadata", () => {
    const data = JSON.parse(fs.readFileSync(path.join(lib as string, "parse_vectors_from_PhoneNumberUtilTest.json"), "utf8")) as {
      parse_vectors: { input: string; default_region: string; expected_e164: string }[];
      parse_error_vectors: { input: string | null; default_region: string | null }[];
    };
    const region = (r: string | null) => (!r || r === "ZZ" || r === "UN001" ? "US" : r) as CountryCode;
    const errorsRejected = data.parse_error_vectors.filter((v) => normalizePhone(v.input as string, region(v.default_region)) === null).length;
    expect(errorsRejected).toBe(data.parse_error_vectors.length);
    // Upstream asserts these against simplified TEST metadata; with the real metadata many differ.
    const ok = data.parse_vectors.filter((v) => normalizePhone(v.input, region(v.default_region)) === v.expected_e164).length;
    process.stderr.write(`[phone] PhoneNumberUtilTest parse vectors (test metadata): ${ok}/${data.parse_vectors.length}\n`);
    expect(ok / data.parse_vectors.length).toBeGreaterThan(0.65);
  });
});
