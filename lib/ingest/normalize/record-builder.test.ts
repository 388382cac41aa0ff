import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../schemas/mapping";
import type { MappableField } from "../../schemas/fields";
import type { SourceRow } from "../types";
import { compileRecordBuilder } from "./record-builder";

function cols(fields: (MappableField | null)[], formats: Record<number, ColumnMapping["format"]> = {}): ColumnMapping[] {
  return fields.map((field, index) => ({ index, header: `c${index}`, field, confidence: 1, format: formats[index] ?? null }));
}
const row = (line: number, cells: string[]): SourceRow => ({ line, cells, raw: cells.join(",") });

describe("compileRecordBuilder", () => {
  it("joins date + clock in the file zone, reads codes, and derives direction from the target", () => {
    const build = compileRecordBuilder({
      columns: cols(["start_date", "start_clock", "duration_seconds", "caller", "callee", "call_type"]),
      timezone: "America/New_York",
      target: "(713) 353-7623",
    });
    const r = build(row(7, ["07/04/23", "08:00:00 PM", "1:05", "7133537623", "2062060312", "MO"]));
    expect(r).toMatchObject({
      ok: true,
      record: {
        start_time: "2023-07-05T00:00:00Z",
        duration_seconds: 65,
        caller: "+17133537623",
        callee: "+12062060312",
        direction: "outgoing",
        record_type: "voice",
        target: "+17133537623",
      },
    });
    const unknownCode = build(row(8, ["07/04/23", "09:00:00", "0:00", "2062060312", "7133537623", "??"]));
    expect(unknownCode).toMatchObject({ ok: true, record: { direction: "incoming", record_type: "voice", start_time: "2023-07-04T13:00:00Z" } });
  });

  it("takes a per-row zone column over the file zone, and offsets in values over both", () => {
    const build = compileRecordBuilder({ columns: cols(["start_time", "time_zone", "caller"]), timezone: "UTC", target: null });
    expect(build(row(2, ["2023-11-05 01:30:00", "EST", "2125551234"]))).toMatchObject({ ok: true, record: { start_time: "2023-11-05T06:30:00Z" } });
    expect(build(row(3, ["2023-11-05 01:30:00", "EDT", "2125551234"]))).toMatchObject({ ok: true, record: { start_time: "2023-11-05T05:30:00Z" } });
    expect(build(row(4, ["2023-07-01 12:00:00", "Europe/Berlin", "2125551234"]))).toMatchObject({ ok: true, record: { start_time: "2023-07-01T10:00:00Z" } });
    expect(build(row(5, ["2023-07-01 12:00:00Z", "Europe/Berlin", "2125551234"]))).toMatchObject({ ok: true, record: { start_time: "2023-07-01T12:00:00Z" } });
    expect(build(row(6, ["2023-07-01 12:00:00", "", "2125551234"]))).toMatchObject({ ok: true, record: { start_time: "2023-07-01T12:00:00Z" } });
  });

  it("computes the duration from end − start when there is no duration column, and 0 for messages", () => {
    const build = compileRecordBuilder({ columns: cols(["caller", "callee", "start_time", "end_time", "record_type"]), timezone: "UTC", target: null });
    expect(build(row(2, ["2125551234", "3125551234", "2023-11-19 08:54:07", "2023-11-19 09:23:31", "Voice"]))).toMatchObject({
      ok: true,
      record: { duration_seconds: 1764, end_time: "2023-11-19T09:23:31Z" },
    });
    expect(build(row(3, ["2125551234", "3125551234", "2023-11-19 08:54:07", "2023-11-19 09:23:31", "SMS"]))).toMatchObject({
      ok: true,
      record: { duration_seconds: 0, record_type: "sms" },
    });
  });

  it("reads minute durations when the column says so", () => {
    const build = compileRecordBuilder({ columns: cols(["start_time", "caller", "duration_seconds"], { 2: "minutes" }), timezone: null, target: null });
    expect(build(row(2, ["2023-01-01 00:00:00", "2125551234", "2.5"]))).toMatchObject({ ok: true, record: { duration_seconds: 150 } });
  });

  it("rejects bad rows with line, canonical field, code, a sentence and the raw text", () => {
    const build = compileRecordBuilder({ columns: cols(["start_time", "caller", "callee", "duration_seconds"]), timezone: "UTC", target: null });
    const cases: [string[], string, string][] = [
      [["yesterday", "2125551234", "3125551234", "5"], "start_time", "invalid_date"],
      [["", "2125551234", "3125551234", "5"], "start_time", "missing_value"],
      [["2023-01-01 00:00:00", "abc-def", "3125551234", "5"], "caller", "invalid_phone"],
      [["2023-01-01 00:00:00", "2125551234", "N/A", "5"], "callee", "invalid_phone"],
      [["2023-01-01 00:00:00", "", "", "5"], "caller", "missing_value"],
      [["2023-01-01 00:00:00", "2125551234", "", "five"], "duration_seconds", "invalid_duration"],
    ];
    for (const [cells, field, code] of cases) {
      const r = build(row(42, cells));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ line: 42, field, code, raw: cells.join(",") });
    }
    const abc = build(row(9, ["2023-01-01 00:00:00", "abc-def", "3125551234", "5"]));
    if (!abc.ok) expect(abc.error.message).toBe('Caller "abc-def" is not a phone number');
    expect(build(row(10, ["2023-01-01 00:00:00", "2125551234", "", "5"]))).toMatchObject({ ok: true, record: { callee: null } });
  });

  it("passes extractor issues through as row errors", () => {
    const build = compileRecordBuilder({ columns: cols(["start_time", "caller"]), timezone: null, target: null });
    const r = build({ line: 3, cells: [], raw: "\u0000", issue: { code: "undecodable", message: "Line 3 is not text" } });
    expect(r).toMatchObject({ ok: false, error: { line: 3, code: "undecodable", field: null } });
  });

  it("refuses a plan zone it cannot resolve", () => {
    expect(() => compileRecordBuilder({ columns: cols(["start_time"]), timezone: "Mars/Olympus", target: null })).toThrow(/time zone/i);
  });
});
