import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { cdrFixtures, corpus } from "../../../tests/support/corpora";
import { detectFileFormat } from "../detect-format";
import type { SourceRow, TableSource } from "../types";
import { openTableSource } from "./open-table-source";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-xlsx-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function drain(src: TableSource): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const batch of src.rows()) out.push(...batch);
  return out;
}

/** Splits a comma CSV without quotes (the fixtures used here have none). */
function readCsv(file: string): string[][] {
  return fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.split(","));
}

const asNumberIfDigits = (v: string): string | number => (/^[1-9]\d{0,14}$/.test(v) ? Number(v) : v);

/** "2023-12-17 07:02:11" → a Date whose UTC fields are those (what Excel stores as a serial). */
function wallClock(v: string): Date {
  const [d, t = "00:00:00"] = v.split(" ");
  return new Date(`${d}T${t}Z`);
}

const fixtures = cdrFixtures();

describe.skipIf(!fixtures)("xlsx generated from a fixture CSV", () => {
  it("reads title rows, a merged title, a header on row 4, numeric phones and real dates back as the CSV's strings", async () => {
    const csv = readCsv(path.join(fixtures!, "sprint-2.csv"));
    const [title, subscriber, zone, header, ...data] = csv;
    const dateCols = new Set([header!.indexOf("START_DATE"), header!.indexOf("END_DATE")]);

    const wb = new ExcelJS.Workbook();
    const legend = wb.addWorksheet("Legend");
    legend.addRows([
      ["Code", "Meaning"],
      ["MO", "Mobile originated"],
      ["MT", "Mobile terminated"],
      ["SMS-MO", "Text sent"],
    ]);
    const ws = wb.addWorksheet("Call Detail");
    ws.addRow([title![0]]);
    ws.mergeCells("A1:K1");
    ws.addRow([subscriber![0]]);
    ws.addRow([zone![0]]);
    ws.addRow(header!);
    for (const row of data) {
      const r = ws.addRow(row.map((v, i) => (dateCols.has(i) ? wallClock(v) : asNumberIfDigits(v))));
      for (const c of dateCols) r.getCell(c + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
    }
    const file = path.join(tmp, "sprint-2.csv"); // named .csv on purpose: detection goes by content
    await wb.xlsx.writeFile(file);

    const detected = await detectFileFormat(file, "sprint-2.csv");
    expect(detected.format).toBe("xlsx");
    expect(detected.mismatch).toBe("The file is named .csv but is an Excel workbook; it was read as a workbook.");

    const src = await openTableSource(file, detected.format);
    const sample = await src.sample();
    expect(sample.headerLine).toBe(4);
    expect(sample.headers).toEqual(header);
    expect(sample.preamble.slice(0, 3)).toEqual([title![0], subscriber![0], zone![0]]);
    expect(sample.preamble).toContain("Code: Meaning"); // the legend sheet's text is kept for the classifier
    const rows = await drain(src);
    expect(rows).toHaveLength(data.length);
    rows.forEach((r, i) => {
      expect(r.line).toBe(i + 5);
      expect(r.cells).toEqual(data[i]);
      expect(r.raw).toBe(data[i]!.join("\t"));
    });
    expect(src.bytesRead()).toBeGreaterThan(0);
    await src.close();
  });

  it("date-only and time-only cells become YYYY-MM-DD and HH:MM:SS; sheets with one header load as one stream", async () => {
    const csv = readCsv(path.join(fixtures!, "att-1.csv"));
    const headerIndex = csv.findIndex((r) => r[0] === "Item");
    const header = csv[headerIndex]!;
    const data = csv.slice(headerIndex + 1);
    const dateCol = header.indexOf("Conn. Date");
    const timeCol = header.indexOf("Conn. Time");
    const wb = new ExcelJS.Workbook();
    const halves = [data.slice(0, 100), data.slice(100)];
    halves.forEach((part, n) => {
      const ws = wb.addWorksheet(`Month ${n + 1}`);
      ws.addRow(header);
      for (const row of part) {
        const [mm, dd, yy] = row[dateCol]!.split("/").map(Number);
        const [h, m, s] = row[timeCol]!.split(":").map(Number);
        const cells: (string | number | Date)[] = row.map(asNumberIfDigits);
        cells[dateCol] = new Date(Date.UTC(2000 + yy!, mm! - 1, dd!));
        cells[timeCol] = (h! * 3600 + m! * 60 + s!) / 86400;
        const r = ws.addRow(cells);
        r.getCell(dateCol + 1).numFmt = "mm/dd/yy";
        r.getCell(timeCol + 1).numFmt = "hh:mm:ss";
      }
    });
    const file = path.join(tmp, "att-1.xlsx");
    await wb.xlsx.writeFile(file);
    const src = await openTableSource(file, "xlsx");
    const sample = await src.sample();
    expect(sample.warnings[0]).toContain('"Month 1", "Month 2"');
    const rows = await drain(src);
    expect(rows).toHaveLength(data.length);
    rows.forEach((r, i) => {
      const want = [...data[i]!];
      const [mm, dd, yy] = want[dateCol]!.split("/");
      want[dateCol] = `20${yy}-${mm}-${dd}`;
      expect(r.cells).toEqual(want);
      expect(r.raw.startsWith(`Month ${i < 100 ? 1 : 2}: `)).toBe(true);
    });
  });
});

const calamine = corpus("calamine");
describe.skipIf(!calamine)("xlsx/xls date systems (calamine)", () => {
  for (const name of ["date.xlsx", "date_1904.xlsx", "date.xls", "date_1904.xls"]) {
    it(`${name}: 2021-01-01 in both systems and a 255-hour duration that does not wrap`, async () => {
      const file = path.join(calamine!, name);
      const { format } = await detectFileFormat(file, name);
      const src = await openTableSource(file, format);
      const rows = await drain(src);
      expect(rows.map((r) => r.cells[0])).toEqual(["2021-01-01", "2021-01-02", "255:10:10"]);
    });
  }
});
