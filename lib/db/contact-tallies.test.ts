import { describe, expect, it } from "vitest";
import { isoInstantMs } from "../ingest/iso-instant";
import { ContactTallies } from "./contact-tallies";

const note = (t: ContactTallies, num: string, kind: string | null, start: string, type: "voice" | "sms") =>
  t.note(num, kind, start, isoInstantMs(start), type === "voice" ? 1 : 0, type === "sms" ? 1 : 0);

describe("ContactTallies", () => {
  it("counts calls and messages per number, first and last seen exactly as written", () => {
    const t = new ContactTallies();
    note(t, "+12125550147", "e164", "2024-01-01T00:00:05Z", "voice");
    note(t, "1001", "extension", "2024-01-01T00:01:00Z", "voice");
    note(t, "+12125550147", null, "2024-01-02T10:00:00Z", "sms");
    note(t, "+12125550147", "e164", "2024-01-03T23:59:59Z", "voice");
    expect(t.size).toBe(2);
    expect(Object.fromEntries(t)).toEqual({
      "+12125550147": { kind: "e164", first: "2024-01-01T00:00:05Z", last: "2024-01-03T23:59:59Z", calls: 2, messages: 1 },
      "1001": { kind: "extension", first: "2024-01-01T00:01:00Z", last: "2024-01-01T00:01:00Z", calls: 1, messages: 0 },
    });
  });

  it("keeps the smallest kind seen, skipping nulls, as MIN(kind) of the SQL recount", () => {
    const t = new ContactTallies();
    note(t, "911", null, "2024-01-01T00:00:01Z", "voice");
    note(t, "911", "service", "2024-01-01T00:00:02Z", "voice");
    note(t, "911", null, "2024-01-01T00:00:03Z", "voice");
    note(t, "*86", "service", "2024-01-01T00:00:04Z", "voice");
    note(t, "*86", "extension", "2024-01-01T00:00:05Z", "voice");
    note(t, "*86", "service", "2024-01-01T00:00:06Z", "voice");
    expect(Object.fromEntries([...t].map(([n, c]) => [n, c.kind]))).toEqual({ "911": "service", "*86": "extension" });
  });

  it("gives back a start time in any other spelling as it was written", () => {
    const t = new ContactTallies();
    note(t, "a", null, "2024-01-01T00:00:05Z", "voice");
    note(t, "a", null, "2024-01-01T00:00:06.250Z", "voice");
    note(t, "b", null, "2024-01-01T00:00:07.000Z", "voice");
    note(t, "b", null, "2024-01-01T00:00:08Z", "sms");
    expect(Object.fromEntries([...t].map(([n, c]) => [n, [c.first, c.last]]))).toEqual({
      a: ["2024-01-01T00:00:05Z", "2024-01-01T00:00:06.250Z"],
      b: ["2024-01-01T00:00:07.000Z", "2024-01-01T00:00:08Z"],
    });
  });

  it("reads its tallies in number order, and grows past its first arrays", () => {
    const t = new ContactTallies();
    const nums = Array.from({ length: 1000 }, (_, i) => `+1555${String((i * 7919) % 1000).padStart(7, "0")}`);
    // Numbers kept as strings, which sort among the E.164 ones: before, between and after them.
    nums.push("*86", "+0044207946000", "+15550000500 x12", "+1555", "1001", "Restricted", "+44 20 7946 0000");
    for (const n of nums) note(t, n, "e164", "2024-05-05T05:05:05Z", "voice");
    const sorted = [...t.sorted()].map(([n]) => n);
    expect(sorted).toEqual([...nums].sort());
    expect([...t].length).toBe(1007);
    expect(new Set(t.keys())).toEqual(new Set(nums));
    expect([...t.sorted()].every(([, c]) => c.calls === 1 && c.first === "2024-05-05T05:05:05Z")).toBe(true);
  });
});
