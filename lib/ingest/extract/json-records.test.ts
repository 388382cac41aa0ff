import { describe, expect, it } from "vitest";
import { flattenRecord } from "./json-records";

describe("flattenRecord", () => {
  it("indexes a short array of endpoint objects so a party's number is a column (Vonage from/to)", () => {
    const rec = { uuid: "63f6", to: [{ type: "phone", number: "447700900000" }], from: [{ type: "phone", number: "447700900001" }], tags: ["a", "b"] };
    expect(Object.fromEntries(flattenRecord(rec))).toEqual({
      uuid: "63f6", "to.0.type": "phone", "to.0.number": "447700900000", "from.0.type": "phone", "from.0.number": "447700900001", tags: "a, b",
    });
  });

  it("keeps a long array of objects as one JSON cell", () => {
    const legs = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(flattenRecord({ legs }).get("legs")).toBe(JSON.stringify(legs));
  });
});
