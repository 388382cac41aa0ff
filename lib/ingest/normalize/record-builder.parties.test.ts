import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../schemas/mapping";
import type { MappableField } from "../../schemas/fields";
import type { SourceRow } from "../types";
import { compileRecordBuilder } from "./record-builder";
import { validateRecord } from "./validate-record";

function cols(fields: (MappableField | null)[]): ColumnMapping[] {
  return fields.map((field, index) => ({ index, header: `c${index}`, field, confidence: 1, format: null }));
}
const row = (line: number, cells: string[]): SourceRow => ({ line, cells, raw: cells.join(",") });
const T = "2023-01-01 00:00:00";

describe("record builder: every call is kept (issue 17)", () => {
  const build = compileRecordBuilder({ columns: cols(["start_time", "caller", "callee", "duration_seconds"]), timezone: "UTC", target: null });

  it.each([
    ["6789", "2125551234", "extension"],
    ["911", "2125551234", "service"],
    ["sip:alice@example.com", "2125551234", "sip"],
    ["Restricted", "2125551234", "withheld"],
    ["1234567890", "2125551234", "invalid"],
  ])("loads a call from %s with its kind and raw value", (caller, callee, kind) => {
    const r = build(row(2, [T, caller, callee, "5"]));
    // A plain phone number keeps no raw spelling: its E.164 form says it all.
    expect(r).toMatchObject({ ok: true, record: { caller: null, caller_kind: kind, caller_raw: caller, callee: "+12125551234", callee_kind: "e164", callee_raw: null } });
    if (r.ok) expect(validateRecord(r.record)).toMatchObject({ ok: true });
  });

  it("reads an empty caller as withheld, an empty duration as unknown", () => {
    expect(build(row(3, [T, "", "2125551234", ""]))).toMatchObject({ ok: true, record: { caller: null, caller_kind: "withheld", caller_raw: null, duration_seconds: null } });
  });

  it("reads national numbers in the file's region, and as national when the region is not known", () => {
    const uk = compileRecordBuilder({ columns: cols(["start_time", "caller", "callee"]), timezone: "UTC", target: null, region: "GB" });
    expect(uk(row(2, [T, "07943 096148", "020 7946 0018"]))).toMatchObject({ ok: true, record: { caller: "+447943096148", callee: "+442079460018", caller_kind: "e164" } });
    const unknown = compileRecordBuilder({ columns: cols(["start_time", "caller", "callee"]), timezone: "UTC", target: null });
    expect(unknown(row(2, [T, "07943 096148", "2125551234"]))).toMatchObject({ ok: true, record: { caller: null, caller_kind: "national", caller_raw: "07943 096148" } });
  });

  it("marks a record whose number was restored from spreadsheet damage", () => {
    expect(build(row(2, [T, "11919813456915", "2125551234", "5"]))).toMatchObject({ ok: true, record: { caller: "+919813456915", caller_raw: "11919813456915", repaired: true } });
    expect(build(row(3, [T, "2125551234", "3125551234", "5"]))).toMatchObject({ ok: true, record: { repaired: false } });
  });

  it("places the other party of a one-subscriber log by direction", () => {
    const log = compileRecordBuilder({
      columns: cols(["record_type", "direction", "counterparty", "start_time", "duration_seconds"]),
      timezone: "UTC",
      target: "+12125551234",
      sampleRows: [row(2, ["call", "in", "A", T, "5"]), row(3, ["text", "out", "E", T, ""])],
    });
    expect(log(row(2, ["call", "in", "A", T, "5"]))).toMatchObject({
      ok: true,
      record: { caller: null, caller_kind: "id", caller_raw: "A", callee: "+12125551234", direction: "incoming", duration_seconds: 5 },
    });
    expect(log(row(3, ["call", "out", "3125551234", T, "7"]))).toMatchObject({
      ok: true,
      record: { caller: "+12125551234", callee: "+13125551234", direction: "outgoing" },
    });
  });

  it("still rejects rows that cannot be calls", () => {
    expect(build(row(2, [T, "N/A", "2125551234", "5"]))).toMatchObject({ ok: false, error: { field: "caller", code: "invalid_phone" } });
    expect(build(row(2, ["", "6789", "2125551234", "5"]))).toMatchObject({ ok: false, error: { field: "start_time" } });
  });
});
