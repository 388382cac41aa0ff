import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus } from "../../../tests/support/corpora";
import { phoneSample } from "../../../tests/support/phone-sample";
import { readPhone, readPhoneWithLibrary, type CountryCode } from "./phone";
import { fastPhone } from "./phone-fast";

/**
 * Issue 20: the fast path must give exactly the library's answer. Every number goes through
 * readPhone (fast path, library as fallback) and through the library path alone; the two must be
 * equal, and the fast path must actually answer a large share (or it is no fast path).
 */
function compare(cases: { raw: string; region: CountryCode }[]) {
  const diffs: string[] = [];
  let fast = 0;
  for (const { raw, region } of cases) {
    if (fastPhone(raw, region) !== undefined) fast++;
    const a = readPhone(raw, region);
    const b = readPhoneWithLibrary(raw, region);
    if (a?.number !== b?.number || a?.repaired !== b?.repaired) diffs.push(`${region} ${JSON.stringify(raw)}: fast ${a?.number} library ${b?.number}`);
  }
  return { diffs, fast };
}

describe("phone fast path", () => {
  it("equals the library on 200,000 deterministic random spellings", () => {
    const cases = phoneSample(200_000);
    expect(new Set(cases.map((c) => `${c.region}|${c.raw}`)).size).toBeGreaterThan(190_000);
    const { diffs, fast } = compare(cases);
    process.stderr.write(`[phone-fast] random sample: ${fast}/${cases.length} answered by the fast path, ${diffs.length} differences\n`);
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(fast / cases.length).toBeGreaterThan(0.4);
  }, 120_000);

  it.each([
    ["2125551234", "US", "+12125551234"],
    ["1 (212) 555-1234", "US", "+12125551234"],
    ["+44 7911 123456", "US", "+447911123456"],
    ["011 44 7911 123456", "US", "+447911123456"],
    ["07911 123456", "GB", "+447911123456"],
    ["00 49 30 123456", "DE", "+4930123456"],
    ["4165550000", "US", "+14165550000"], // a Toronto number read in the US: the country is chosen among NANP
  ])("%s in %s → %s", (raw, region, want) => {
    expect(fastPhone(raw, region as CountryCode)).toBe(want);
  });

  it("leaves spreadsheet damage, letters and invalid numbers to the library", () => {
    for (const raw of ["2125551234.0", "1.2125550147E+10", '="2125551234"', "212-555-1234 x12", "9995551234", "0123456789", "+44 020 7946 0000"]) {
      expect(fastPhone(raw, "US"), raw).toBeUndefined();
    }
  });
});

const lib = corpus("libphonenumber");

describe.skipIf(!lib)("phone fast path on the libphonenumber corpus", () => {
  it("equals the library on every example and parse vector", () => {
    const dir = lib as string;
    const ex = JSON.parse(fs.readFileSync(path.join(dir, "example_number_vectors.json"), "utf8")) as { vectors: { region: string; inputs: string[] }[] };
    const pv = JSON.parse(fs.readFileSync(path.join(dir, "parse_vectors_from_PhoneNumberUtilTest.json"), "utf8")) as {
      parse_vectors: { input: string; default_region: string }[];
    };
    const region = (r: string | null) => (!r || r === "ZZ" || r === "UN001" || r === "001" ? "US" : r) as CountryCode;
    const cases = [
      ...ex.vectors.flatMap((v) => v.inputs.map((raw) => ({ raw, region: region(v.region) }))),
      ...pv.parse_vectors.map((v) => ({ raw: v.input, region: region(v.default_region) })),
    ];
    const { diffs, fast } = compare(cases);
    process.stderr.write(`[phone-fast] corpus: ${fast}/${cases.length} answered by the fast path, ${diffs.length} differences\n`);
    expect(cases.length).toBeGreaterThan(3000);
    expect(diffs.slice(0, 20)).toEqual([]);
  });
});
