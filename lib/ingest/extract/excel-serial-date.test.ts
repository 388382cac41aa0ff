import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus } from "../../../tests/support/corpora";
import { excelSerialToDate, serialToClockText, serialToDateText, serialToDurationText } from "./excel-serial-date";
import { cellText, numberCell, numberText } from "./cell-text";
import { numberKind } from "./number-format";

interface Vector {
  serial: number;
  epoch: "1900" | "1904";
  expected?: string;
  expected_time?: string;
}

const xlrd = corpus("xlrd");

describe.skipIf(!xlrd)("xlrd serial-date vectors", () => {
  const file = JSON.parse(fs.readFileSync(path.join(xlrd ?? "", "excel_serial_date_vectors.json"), "utf8")) as { vectors: Vector[]; extra: Vector[] };

  it("converts every vector exactly (to the millisecond, or the day for date-only ones)", () => {
    let ok = 0;
    const all = [...file.vectors, ...file.extra];
    for (const v of all) {
      const d = excelSerialToDate(v.serial, v.epoch === "1904");
      expect(d, `serial ${v.serial}`).not.toBeNull();
      const iso = d!
        .toISOString()
        .replace(/^\+0*(\d{4})/, "$1")
        .replace("Z", "");
      if (v.expected_time) expect(serialToClockText(v.serial)).toBe(v.expected_time);
      else if (v.expected!.length === 10) expect(iso.slice(0, 10)).toBe(v.expected);
      else expect(iso).toBe(v.expected);
      ok++;
    }
    expect(ok).toBe(49);
  });
});

describe("serial dates", () => {
  it("skips the fictitious 1900-02-29 and handles 1904", () => {
    expect(excelSerialToDate(60, false)).toBeNull();
    expect(serialToDateText(61, false, true)).toBe("1900-03-01");
    expect(serialToDateText(44197, false, true)).toBe("2021-01-01");
    expect(serialToDateText(42735, true, true)).toBe("2021-01-01");
    expect(serialToDateText(45000.5, false)).toBe("2023-03-15 12:00:00");
  });
  it("durations past a day do not wrap", () => {
    expect(serialToDurationText(10.632060185185185)).toBe("255:10:10");
    expect(serialToClockText(10.632060185185185)).toBe("15:10:10");
  });
});

describe("cell text", () => {
  it("phone numbers stored as numbers keep their digits", () => {
    expect(numberText(2125551234)).toBe("2125551234");
    expect(numberText(814901191455192)).toBe("814901191455192");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(numberCell(2125551234, "(000) 000-0000"), false)).toBe("2125551234");
  });
  it("follows date, time and duration formats", () => {
    expect(numberKind("yyyy\\-mm\\-dd;@")).toBe("date");
    expect(numberKind('[$-409]mmmm" "d", "yyyy')).toBe("date");
    expect(numberKind('[$-411]ggge"年"m"月"d"日";@')).toBe("date");
    expect(numberKind("m/d/yy h:mm")).toBe("datetime");
    expect(numberKind("h:mm:ss AM/PM")).toBe("time");
    expect(numberKind("mm:ss")).toBe("time");
    expect(numberKind("[h]:mm:ss")).toBe("duration");
    expect(numberKind("General")).toBe("number");
    expect(numberKind("0.00E+00")).toBe("number");
    expect(numberKind("[Red]#,##0;[Blue]-#,##0")).toBe("number");
    expect(cellText(numberCell(0.5, "h:mm:ss"), false)).toBe("12:00:00");
    expect(cellText(numberCell(1.25, "h:mm:ss"), false, true)).toBe("30:00:00");
    expect(cellText(numberCell(45170.05, "mm/dd/yy hh:mm:ss"), false)).toBe("2023-09-01 01:12:00");
  });
});
