import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus } from "../../../tests/support/corpora";
import { compileInstantParser, inferDateOrder, toUtcIso, wallToUtcConverter } from "./datetime";
import { parseDateParts } from "./date-parts";
import { parseClock } from "./clock";

describe("toUtcIso formats", () => {
  it.each([
    ["2023-10-15T04:36:36-05:00", "UTC", "2023-10-15T09:36:36Z"],
    ["2023-10-15T04:36:36Z", "America/Chicago", "2023-10-15T04:36:36Z"],
    ["2023-10-15 04:36:36", "America/Chicago", "2023-10-15T09:36:36Z"],
    ["2023-10-15T04:36:36.789+02:00", "UTC", "2023-10-15T02:36:36Z"],
    ["10/15/2023 08:07:20 AM", "UTC", "2023-10-15T08:07:20Z"],
    ["02/28/2023 12:13:36 AM", "UTC", "2023-02-28T00:13:36Z"],
    ["02/28/2023 12:13:36 PM", "UTC", "2023-02-28T12:13:36Z"],
    ["09/02/23", "UTC", "2023-09-02T00:00:00Z"],
    ["2023/03/15 10:00", "UTC", "2023-03-15T10:00:00Z"],
    ["15-Mar-2023", "UTC", "2023-03-15T00:00:00Z"],
    ["Mar 15, 2023 3:04 PM", "UTC", "2023-03-15T15:04:00Z"],
    ["15. März 2023 14:00", "Europe/Berlin", "2023-03-15T13:00:00Z"],
    ["Sun, 22 Aug 1999 00:45:29 -0400", "UTC", "1999-08-22T04:45:29Z"],
    ["2023-06-07 10:14:00 CDT", "UTC", "2023-06-07T15:14:00Z"],
    ["20231015043636", "UTC", "2023-10-15T04:36:36Z"],
    ["1697362596", "America/New_York", "2023-10-15T09:36:36Z"],
    ["1697362596123", "UTC", "2023-10-15T09:36:36Z"],
    ["45123.5", "UTC", "2023-07-16T12:00:00Z"],
    ["45123.5", "America/New_York", "2023-07-16T16:00:00Z"],
    ["01/05/68 10:00", "UTC", "2068-01-05T10:00:00Z"],
  ])("%s in %s → %s", (text, zone, want) => {
    expect(toUtcIso(text, zone)).toBe(want);
  });

  it("pivots two-digit years at 68/69 and refuses years before 1970 as damaged", () => {
    expect(toUtcIso("01/05/68 10:00", "UTC")).toBe("2068-01-05T10:00:00Z");
    expect(toUtcIso("01/05/69 10:00", "UTC")).toBeNull();
    expect(parseDateParts("01/05/69 10:00", "mdy")?.y).toBe(1969);
  });

  it("uses the column's date order", () => {
    expect(toUtcIso("15/03/2023 10:00", "UTC", { order: "dmy" })).toBe("2023-03-15T10:00:00Z");
    expect(toUtcIso("05-03-2023", "UTC", { order: "dmy" })).toBe("2023-03-05T00:00:00Z");
    expect(toUtcIso("05-03-2023", "UTC", { order: "mdy" })).toBe("2023-05-03T00:00:00Z");
  });

  it("joins a date column and a clock column", () => {
    expect(toUtcIso("09/02/23", "UTC", { clock: "01:25:10" })).toBe("2023-09-02T01:25:10Z");
    expect(toUtcIso("02/28/2023", "UTC", { clock: "12:13:36 AM" })).toBe("2023-02-28T00:13:36Z");
    expect(toUtcIso("45123", "UTC", { clock: "0.273611" })).toBe("2023-07-16T06:34:00Z");
    expect(toUtcIso("2023-03-12", "America/New_York", { clock: "02:30:00" })).toBe("2023-03-12T07:30:00Z");
  });

  it.each(["2023-02-30 25:61:00", "13/45/2023", "yesterday", "", "2023-02-29", "24:00", "N/A", "2023-13-01", "12/31/2023 12:60"])("%s is not a date", (text) =>
    expect(toUtcIso(text, "UTC")).toBeNull(),
  );

  it("infers the date order of a column", () => {
    expect(inferDateOrder(["01/02/2023", "13/02/2023"])).toBe("dmy");
    expect(inferDateOrder(["01/02/2023", "02/13/2023"])).toBe("mdy");
    expect(inferDateOrder(["2023-01-02"])).toBe("ymd");
    expect(inferDateOrder(["01.02.2023"])).toBe("dmy");
    expect(inferDateOrder(["01/02/2023"])).toBe("mdy");
  });

  it("reads clocks", () => {
    expect(parseClock("12:13:36 AM")?.seconds).toBe(13 * 60 + 36);
    expect(parseClock("08:07:20 PM")?.seconds).toBe(20 * 3600 + 7 * 60 + 20);
    expect(parseClock("012510")?.seconds).toBe(3600 + 25 * 60 + 10);
    expect(parseClock("25:00")).toBeNull();
  });
});

describe("CDR vendor time formats (issue 17)", () => {
  it.each([
    ["Tue, 31 Aug 2010 20:36:28 +0000", "America/New_York", "2010-08-31T20:36:28Z"], // Twilio Calls (RFC 2822)
    ["Wed, 19 Sep 2018 20:00:01 -0700", "UTC", "2018-09-20T03:00:01Z"],
    ["2022-06-16T13:15:07.160Z", "America/Chicago", "2022-06-16T13:15:07Z"], // Bandwidth (ISO 8601, ms, Z)
    ["2024-12-11T17:43:24Z", "UTC", "2024-12-11T17:43:24Z"], // Telnyx detail records
    ["2019-08-29T21:47:15Z", "Europe/Berlin", "2019-08-29T21:47:15Z"], // Amazon Connect CTR
    ["1711386104", "America/Chicago", "2024-03-25T17:01:44Z"], // CUCM epoch seconds
    ["1711386104123456", "America/Chicago", "2024-03-25T17:01:44Z"], // FreeSWITCH start_uepoch (µs)
    ["2019/11/29 12:22:45", "UTC", "2019-11-29T12:22:45Z"], // 3CX CDR
    ["2014-05-29 16:59:50", "UTC", "2014-05-29T16:59:50Z"], // FreeSWITCH start_stamp
  ])("%s in %s → %s", (text, zone, want) => {
    expect(toUtcIso(text, zone)).toBe(want);
  });

  it("reads epoch microseconds with and without the epoch hint, and CUCM's 0 (not connected) as no time", () => {
    const utc = wallToUtcConverter("UTC")!;
    for (const format of ["epoch_s", "epoch_ms", undefined]) {
      expect(compileInstantParser({ format })("1711386104123456", utc)).toBe(Date.UTC(2024, 2, 25, 17, 1, 44));
    }
    expect(toUtcIso("0", "UTC")).toBeNull();
  });
});

describe("DST in local times (fold → earlier instant, gap → shifted forward)", () => {
  it.each([
    // America/New_York: spring forward 2023-03-12 02:00 EST → 03:00 EDT; fall back 2023-11-05 02:00 EDT → 01:00 EST
    ["2023-03-12 01:59:59", "America/New_York", "2023-03-12T06:59:59Z"],
    ["2023-03-12 02:30:00", "America/New_York", "2023-03-12T07:30:00Z"],
    ["2023-03-12 03:00:00", "America/New_York", "2023-03-12T07:00:00Z"],
    ["2023-11-05 00:59:59", "America/New_York", "2023-11-05T04:59:59Z"],
    ["2023-11-05 01:30:00", "America/New_York", "2023-11-05T05:30:00Z"],
    ["2023-11-05 02:00:00", "America/New_York", "2023-11-05T07:00:00Z"],
    ["2023-07-01 12:00:00", "America/New_York", "2023-07-01T16:00:00Z"],
    ["2023-01-01 12:00:00", "America/New_York", "2023-01-01T17:00:00Z"],
    // Europe/Berlin: 2023-03-26 02:00 CET → 03:00 CEST; 2023-10-29 03:00 CEST → 02:00 CET
    ["2023-03-26 01:59:59", "Europe/Berlin", "2023-03-26T00:59:59Z"],
    ["2023-03-26 02:30:00", "Europe/Berlin", "2023-03-26T01:30:00Z"],
    ["2023-03-26 03:00:00", "Europe/Berlin", "2023-03-26T01:00:00Z"],
    ["2023-10-29 02:30:00", "Europe/Berlin", "2023-10-29T00:30:00Z"],
    ["2023-10-29 03:00:00", "Europe/Berlin", "2023-10-29T02:00:00Z"],
    ["2023-10-29 01:59:59", "Europe/Berlin", "2023-10-28T23:59:59Z"],
    // An offset in the value wins over the zone, also inside the fold.
    ["2023-11-05 01:30:00-05:00", "America/New_York", "2023-11-05T06:30:00Z"],
    ["2023-11-05 01:30:00 EST", "America/New_York", "2023-11-05T06:30:00Z"],
    // Fixed offsets.
    ["2023-07-01 12:00:00", "+05:30", "2023-07-01T06:30:00Z"],
    ["2023-07-01 12:00:00", "Etc/GMT+5", "2023-07-01T17:00:00Z"],
  ])("%s in %s → %s", (text, zone, want) => {
    expect(toUtcIso(text, zone)).toBe(want);
  });
});

const dt = corpus("datetime");

describe.skipIf(!dt)("ruby date parse vectors (full date-time with a 4-digit or completed year)", () => {
  it("reads the applicable vectors", () => {
    const data = JSON.parse(fs.readFileSync(path.join(dt as string, "ruby_date_parse_vectors.json"), "utf8")) as {
      vectors: { input: string; complete_2digit_year: boolean; expected: Record<string, number | string | null> }[];
    };
    let ok = 0;
    let total = 0;
    for (const v of data.vectors) {
      const e = v.expected;
      if (e.year == null || e.mon == null || e.mday == null || e.hour == null || e.min == null || (e.year as number) < 1000) continue;
      if (!v.complete_2digit_year && !/\b\d{4}\b|\d{8}/.test(v.input)) continue;
      total++;
      const p = parseDateParts(v.input, inferDateOrder([v.input]));
      const same = p && p.y === e.year && p.mo === e.mon && p.d === e.mday && p.h === e.hour && p.mi === e.min && p.s === (e.sec ?? 0);
      if (same && (e.offset == null || (p.offsetMin !== null && p.offsetMin * 60 === e.offset))) ok++;
    }
    process.stderr.write(`[datetime] ruby vectors (applicable): ${ok}/${total}\n`);
    expect(total).toBeGreaterThan(80);
    expect(ok / total).toBeGreaterThanOrEqual(0.7);
  });
});

const xlrd = corpus("xlrd");

describe.skipIf(!xlrd)("Excel serial days (xlrd vectors in the plausible CDR range)", () => {
  it("converts serials to the expected day and second", () => {
    const data = JSON.parse(fs.readFileSync(path.join(xlrd as string, "excel_serial_date_vectors.json"), "utf8")) as {
      extra: { serial: number; expected_time?: string }[];
      vectors: { serial: number; epoch: string; expected: string }[];
    };
    const inRange = data.vectors.filter((v) => v.epoch === "1900" && v.serial >= 25569 && v.serial < 73051);
    expect(inRange.length).toBeGreaterThan(2);
    for (const v of inRange) {
      const got = toUtcIso(String(v.serial), "UTC") as string;
      const want = Date.parse(`${v.expected.length === 10 ? `${v.expected}T00:00:00` : v.expected}Z`);
      expect(Math.abs(Date.parse(got) - want)).toBeLessThanOrEqual(1000);
    }
    for (const v of data.extra.filter((x) => x.expected_time)) {
      const c = parseClock(String(v.serial));
      const [h, m, s] = (v.expected_time as string).split(":").map(Number) as [number, number, number];
      expect(c?.seconds).toBe(h * 3600 + m * 60 + s);
    }
  });
});
