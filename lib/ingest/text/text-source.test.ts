import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cdrFixtures, loadCdrTruths } from "../../../tests/support/corpora";
import { IngestError, type SourceRow } from "../types";
import { openTextSource } from "./text-source";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "text-source-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

async function allRows(file: string, opts = {}): Promise<SourceRow[]> {
  const src = await openTextSource(file, opts);
  const out: SourceRow[] = [];
  for await (const batch of src.rows()) out.push(...batch);
  await src.close();
  return out;
}

function utf16(text: string, bigEndian: boolean, bom = true): Buffer {
  const le = Buffer.from(text, "utf16le");
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

const fixtures = cdrFixtures();
describe.skipIf(!fixtures)("carrier sample files", () => {
  for (const truth of fixtures ? loadCdrTruths(fixtures) : []) {
    it(`${truth.file}: encoding, delimiter, header line and row count`, async () => {
      const file = path.join(fixtures!, truth.file);
      const src = await openTextSource(file);
      const sample = await src.sample();
      expect(sample.encoding).toBe(truth.encoding);
      expect(sample.delimiter).toBe(truth.delimiter);
      expect(sample.headerLine).toBe(truth.header_line);
      expect(sample.headers.length).toBe(truth.columns.length);
      expect(sample.headers).toEqual(truth.columns.map((c) => c.header.trim()));
      const rows: SourceRow[] = [];
      for await (const batch of src.rows()) rows.push(...batch);
      // Every data line is a row: valid records + rejected lines + duplicate lines (footers and blanks dropped).
      expect(rows.length).toBe(truth.records.length + truth.rejected_lines.length + truth.exact_duplicate_lines);
      const lines = new Set(rows.map((r) => r.line));
      for (const rejected of truth.rejected_lines) expect(lines.has(rejected)).toBe(true);
      expect(src.bytesRead()).toBe(src.bytesTotal);
    });
  }
});

describe("encodings", () => {
  const csv = "Name,City,Calls\r\nJosé,Málaga,3\r\nNiño,Zürich,4\r\n";
  it.each([
    ["UTF-16LE with BOM", utf16(csv, false), "utf-16le"],
    ["UTF-16BE with BOM", utf16(csv, true), "utf-16be"],
    ["UTF-16LE without BOM", utf16(csv, false, false), "utf-16le"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), "utf-8"],
    ["Windows-1252", latin1(csv), "windows-1252"],
  ])("%s", async (name, bytes, encoding) => {
    const file = write(`${name.replace(/\W/g, "_")}.csv`, bytes);
    const src = await openTextSource(file);
    const sample = await src.sample();
    expect(sample.encoding).toBe(encoding);
    expect(sample.headers).toEqual(["Name", "City", "Calls"]);
    const rows = await allRows(file);
    expect(rows.map((r) => r.cells)).toEqual([
      ["José", "Málaga", "3"],
      ["Niño", "Zürich", "4"],
    ]);
  });

  it("recovers Windows-1252 lines inside a UTF-8 file instead of producing U+FFFD", async () => {
    const bytes = Buffer.concat([Buffer.from("Name,City,Calls\nJosé,Málaga,3\n"), latin1("Niño,Señora,4\n"), Buffer.from("Zoë,Köln,5\n")]);
    const file = write("mixed.csv", bytes);
    const sample = await (await openTextSource(file)).sample();
    expect(sample.encoding).toBe("utf-8");
    expect(sample.warnings.join(" ")).toMatch(/Windows-1252/);
    const rows = await allRows(file);
    expect(rows.map((r) => r.cells[0])).toEqual(["José", "Niño", "Zoë"]);
    expect(rows[1]!.cells[1]).toBe("Señora");
    expect(rows.some((r) => r.raw.includes("\uFFFD"))).toBe(false);
  });
});

function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

describe("lines and records", () => {
  it("reads CR-only line endings with exact line numbers", async () => {
    const rows = await allRows(write("cr.csv", "Caller,Callee,Seconds\r2125551234,7135551234,60\r\r2125551234,7135550000,5\r"));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ["2125551234", "7135551234", "60"]],
      [4, ["2125551234", "7135550000", "5"]],
    ]);
  });

  it("keeps a 500,000-character line whole and marks a longer-than-allowed line as a row issue", async () => {
    const long = "x".repeat(500_000);
    const text = `Caller,Note,Seconds\n2125551234,${long},60\n2125551234,${"y".repeat(3_000_000)},5\n2125551234,short,7\n`;
    const rows = await allRows(write("long.csv", text), { maxLineLength: 1_000_000 });
    expect(rows).toHaveLength(3);
    expect(rows[0]!.cells[1]!.length).toBe(500_000);
    expect(rows[1]!.issue?.code).toBe("line_too_long");
    expect(rows[1]!.raw.length).toBe(1000);
    expect(rows[1]!.line).toBe(3);
    expect(rows[2]).toMatchObject({ line: 4, cells: ["2125551234", "short", "7"] });
  });

  it("keeps quoted delimiters, doubled quotes and newlines; a multi-line record keeps its first line", async () => {
    const text = 'Caller,Note,Seconds\n2125551234,"a, ""quoted""\nnote",60\n2125551235,plain,5\n';
    const rows = await allRows(write("quoted.csv", text));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ["2125551234", 'a, "quoted"\nnote', "60"]],
      [4, ["2125551235", "plain", "5"]],
    ]);
  });

  it("reads a file cut inside a quoted cell without losing the last record", async () => {
    const rows = await allRows(write("cut.csv", 'Caller,Note,Seconds\n2125551234,ok,60\n2125551235,"cut in the mid'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ line: 3, cells: ["2125551235", "cut in the mid"] });
  });

  it("drops preamble, blank and footer lines and reads the preamble for the classifier", async () => {
    const text = [
      "Call Detail Report",
      "Target: 7135551234",
      "All times are UTC",
      "",
      "Date;Time;Calling;Called;Duration",
      "2024-01-02;10:00:00;7135551234;2125550000;61",
      "",
      "2024-01-02;11:00:00;2125550000;7135551234;5",
      "Page 1 of 1",
      "Total records: 2",
      "End of report",
    ].join("\n");
    const file = write("preamble.txt", text);
    const sample = await (await openTextSource(file)).sample();
    expect(sample.preamble).toEqual(["Call Detail Report", "Target: 7135551234", "All times are UTC"]);
    expect(sample.headerLine).toBe(5);
    expect(sample.delimiter).toBe(";");
    const rows = await allRows(file);
    expect(rows.map((r) => r.line)).toEqual([6, 8]);
  });

  it("detects a headerless file and honours a reviewer's header line", async () => {
    const text = "7135551234|2125550000|2024-01-02 10:00:00|61\n2125550000|7135551234|2024-01-02 11:00:00|5\n7135551234|3125550000|2024-01-03 09:00:00|0\n";
    const file = write("headerless.txt", text);
    const sample = await (await openTextSource(file)).sample();
    expect(sample.headerLine).toBeNull();
    expect(sample.headers).toEqual(["", "", "", ""]);
    expect((await allRows(file)).map((r) => r.line)).toEqual([1, 2, 3]);
    const forced = await (await openTextSource(file, { headerLine: 1 })).sample();
    expect(forced.headerLine).toBe(1);
    expect(forced.sampleRows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("strips trailing empty cells that the header does not have", async () => {
    const rows = await allRows(write("trailing.csv", "A,B,C\n1,2,3,\n4,5,,\n"));
    expect(rows.map((r) => r.cells)).toEqual([
      ["1", "2", "3"],
      ["4", "5", ""],
    ]);
  });
});

describe("files that cannot be read", () => {
  it.each([
    ["empty", "", "empty_file"],
    ["blank lines only", "\n\r\n   \n\n", "empty_file"],
    ["binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0]), "binary_file"],
  ])("%s file throws IngestError with a sentence", async (name, content, code) => {
    const file = write(`bad-${name.replace(/\W/g, "_")}`, content);
    const error = await openTextSource(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(code);
    expect((error as IngestError).message).toMatch(/^The file|^This file/);
  });
});
