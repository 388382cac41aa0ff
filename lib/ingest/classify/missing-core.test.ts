import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../schemas/mapping";
import { missingCoreReasons } from "./missing-core";

const cols = (...fields: ColumnMapping["field"][]): ColumnMapping[] => fields.map((field, index) => ({ index, header: "", field, confidence: 1, format: null }));

describe("missing core fields", () => {
  it("asks for both ends of a two-party record", () => {
    expect(missingCoreReasons(cols("start_time", "caller"))).toEqual(["No column was recognized as the callee"]);
    expect(missingCoreReasons(cols("start_time"))).toEqual(["No column was recognized as the caller or the callee"]);
  });

  it("takes the other party and a direction for both ends of a one-subscriber log", () => {
    expect(missingCoreReasons(cols("start_time", "counterparty", "direction"))).toEqual([]);
    expect(missingCoreReasons(cols("start_time", "target", "counterparty", "call_type"))).toEqual([]);
  });

  it("says so when the other party has no direction to tell who called", () => {
    expect(missingCoreReasons(cols("start_time", "target", "counterparty"))).toEqual(["The other party was found but no column says whether each row was made or received"]);
  });
});
