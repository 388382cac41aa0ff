import { describe, expect, it } from "vitest";
import { findRecords, flattenRecord } from "./json-records";

describe("flattenRecord", () => {
  it("indexes a short array of endpoint objects so a party's number is a column (Vonage from/to)", () => {
    const rec = { uuid: "63f6", to: [{ type: "phone", number: "447700900000" }], from: [{ type: "phone", number: "447700900001" }], tags: ["a", "b"] };
    expect(Object.fromEntries(flattenRecord(rec))).toEqual({
      uuid: "63f6",
      "to.0.type": "phone",
      "to.0.number": "447700900000",
      "from.0.type": "phone",
      "from.0.number": "447700900001",
      tags: "a, b",
    });
  });

  it("keeps a long array of objects as one JSON cell", () => {
    const legs = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(flattenRecord({ legs }).get("legs")).toBe(JSON.stringify(legs));
  });
});

describe("findRecords", () => {
  it("takes a single call object as the record, not the short list of endpoints inside it", () => {
    const call = {
      uuid: "63f6",
      status: "started",
      duration: "60",
      start_time: "2020-01-01 12:00:00",
      to: [{ type: "phone", number: "447700900000" }],
      from: [{ type: "phone", number: "447700900001" }],
    };
    expect(findRecords(call)).toMatchObject({ records: [call], path: "" });
  });

  it("still finds one or two call records in an envelope", () => {
    const calls = [{ uuid: "a", from: "447700900001", to: "447700900000", start_time: "2020-01-01 12:00:00", duration: 60 }];
    expect(findRecords({ count: 1, page_size: 10, record_index: 0, page: 1, _embedded: { calls } })).toMatchObject({ records: calls, path: "_embedded.calls" });
  });
});
