import { describe, expect, it } from "vitest";
import type { ColumnMapping, MappingOverride } from "../../schemas/mapping";
import { HEADERLESS_REASON, ZONE_UNKNOWN_REASON } from "../classify/review-reasons";
import { checkMapping, problemsSentence } from "./check-mapping";

const col = (index: number, field: ColumnMapping["field"], confidence = 0.95): ColumnMapping => ({ index, header: `h${index}`, field, confidence, format: null });
const PLAN = {
  columns: [col(0, "start_time"), col(1, "caller"), col(2, "callee"), col(3, "duration_seconds")],
  reviewReasons: [] as string[],
  timezone: "America/Chicago" as string | null,
};
const ok: MappingOverride = { columns: [0, 1, 2, 3].map((index) => ({ index, field: PLAN.columns[index]!.field })) };
const codes = (plan: typeof PLAN, o: MappingOverride) => checkMapping(plan, o).map((p) => `${p.code}@${p.on}`);

describe("checkMapping", () => {
  it("accepts a complete mapping of a file whose zone is known", () => {
    expect(checkMapping(PLAN, ok)).toEqual([]);
  });

  it("needs a zone when the file did not say one; an explicit UTC answers it", () => {
    const plan = { ...PLAN, timezone: null, reviewReasons: [ZONE_UNKNOWN_REASON] };
    expect(codes(plan, ok)).toEqual(["zone_missing@timezone"]);
    expect(codes(plan, { ...ok, timezone: null })).toEqual(["zone_missing@timezone"]);
    expect(codes(plan, { ...ok, timezone: "UTC" })).toEqual([]);
    expect(codes(plan, { ...ok, timezone: "America/New_York" })).toEqual([]);
    expect(codes(plan, { ...ok, timezone: "-05:00" })).toEqual([]);
    // A zone column answers it row by row.
    expect(codes(plan, { ...ok, columns: [...ok.columns, { index: 4, field: "time_zone" }] })).toEqual([]);
  });

  it("refuses to clear a zone the file stated, and a zone the loader cannot use", () => {
    expect(codes(PLAN, { ...ok, timezone: null })).toEqual(["zone_missing@timezone"]);
    expect(checkMapping(PLAN, { ...ok, timezone: "Mars/Olympus" })[0]!.message).toMatch(/"Mars\/Olympus" is not a time zone/);
    // Times that carry their own offsets need no zone.
    expect(codes({ ...PLAN, timezone: null }, { ...ok, timezone: null })).toEqual([]);
  });

  it("needs the header row answered when none was found", () => {
    const plan = { ...PLAN, reviewReasons: [HEADERLESS_REASON] };
    expect(codes(plan, ok)).toEqual(["header_unanswered@headerLine"]);
    expect(codes(plan, { ...ok, headerLine: null })).toEqual([]);
    expect(codes(plan, { ...ok, headerLine: 3 })).toEqual([]);
  });

  it("refuses one field from two columns, and a missing core field, on the field", () => {
    const twoCallers: MappingOverride = {
      ...ok,
      columns: [
        { index: 0, field: "start_time" },
        { index: 1, field: "caller" },
        { index: 2, field: "caller" },
        { index: 3, field: "duration_seconds" },
      ],
    };
    expect(codes(PLAN, twoCallers)).toEqual(["duplicate_field@caller", "core_missing@callee"]);
    expect(checkMapping(PLAN, twoCallers)[0]!.message).toBe("Caller (A number) is mapped from columns 2 and 3: a field takes one column.");
    expect(codes(PLAN, { ...ok, columns: ok.columns.map((c) => (c.index === 0 ? { ...c, field: null } : c)) })).toEqual(["core_missing@start_time"]);
    // A one-subscriber log: the other party and a direction are both ends of the call.
    expect(
      codes(PLAN, {
        columns: [
          { index: 0, field: "start_time" },
          { index: 1, field: "counterparty" },
          { index: 2, field: "direction" },
        ],
      }),
    ).toEqual([]);
    expect(
      codes(PLAN, {
        columns: [
          { index: 0, field: "start_time" },
          { index: 1, field: "counterparty" },
        ],
      }),
    ).toEqual(["core_missing@direction"]);
  });

  it("needs each flagged column listed in the mapping", () => {
    const plan = { ...PLAN, columns: [...PLAN.columns, col(4, "callee", 0.5)] };
    expect(codes(plan, ok)).toEqual(["column_unanswered@column:4"]);
    expect(codes(plan, { ...ok, columns: [...ok.columns, { index: 4, field: null }] })).toEqual([]);
  });

  it("says the first problems in one sentence", () => {
    const plan = { ...PLAN, timezone: null, reviewReasons: [ZONE_UNKNOWN_REASON, HEADERLESS_REASON] };
    const s = problemsSentence(checkMapping(plan, { columns: [] }));
    expect(s).toMatch(/^The mapping cannot be confirmed yet: The file does not say which time zone/);
    expect(s).toMatch(/and \d more\.$/);
  });

  it("places the plan's flagged columns after the draft's splits and merges (issue 18)", () => {
    // Column 3 "Seconds" was flagged; a split of column 0 moves it to index 4.
    const plan = { ...PLAN, columns: [col(0, "start_time"), col(1, "caller"), col(2, "callee"), col(3, "duration_seconds", 0.4)] };
    const split: MappingOverride["transforms"] = [{ op: "split", column: 0, at: 10 }];
    const after = [0, 1, 2, 3].map((index) => ({ index, field: ["start_date", "start_time", "caller", "callee"][index] as never }));
    expect(codes(plan, { columns: after, transforms: split })).toEqual(["column_unanswered@column:4"]);
    expect(codes(plan, { columns: [...after, { index: 4, field: "duration_seconds" }], transforms: split })).toEqual([]);
    // A plan made with a split (a template's) and a draft that keeps it: nothing moves again.
    const templated = { ...plan, transforms: split, columns: [...plan.columns.slice(0, 3), col(4, "duration_seconds", 0.4)] };
    expect(checkMapping(templated, { columns: [...after, { index: 4, field: "duration_seconds" }], transforms: split })).toEqual([]);
  });
});
