import { describe, expect, it } from "vitest";
import { isoInstantMs } from "./iso-instant";

describe("isoInstantMs", () => {
  it("agrees with Date.parse on canonical instants and falls back on others", () => {
    for (const s of ["2023-09-02T01:25:10Z", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00Z", "2023-03-12T07:30:00.500Z"]) {
      expect(isoInstantMs(s)).toBe(Date.parse(s));
    }
  });
});
