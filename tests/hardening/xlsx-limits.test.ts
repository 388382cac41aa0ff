import { Readable } from "node:stream";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { InflateBudget, XLSX_LIMITS } from "../../lib/ingest/extract/xlsx-limits";
import { SheetXmlReader } from "../../lib/ingest/extract/xlsx-sheet-xml";
import type { ZipEntry } from "../../lib/ingest/extract/zip-directory";

const entry = (compressedSize: number): ZipEntry => ({ name: "xl/worksheets/sheet1.xml", method: 8, compressedSize, uncompressedSize: 0, localHeaderOffset: 0, encrypted: false });

async function drain(s: Readable): Promise<number> {
  let n = 0;
  for await (const c of s as AsyncIterable<Buffer>) n += c.length;
  return n;
}

describe("xlsx zip-bomb and size limits", () => {
  it("a part that inflates 1,000:1 is stopped as a zip bomb after the floor, without inflating it all", async () => {
    const packed = zlib.deflateRawSync(Buffer.alloc(256 * 1024 * 1024));
    expect(packed.length).toBeLessThan(300_000);
    const inflated = Readable.from([packed]).pipe(zlib.createInflateRaw());
    const err = await drain(new InflateBudget().limit(inflated, entry(packed.length))).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "zip_bomb" });
    expect((err as Error).message).toMatch(/expands more than 500 times/);
  });

  it("an honest part passes; the per-workbook total catches many parts that each look fine", async () => {
    const xml = Buffer.from("<row><c><v>2125550100</v></c></row>".repeat(20_000));
    const packed = zlib.deflateRawSync(xml);
    expect(await drain(new InflateBudget().limit(Readable.from([packed]).pipe(zlib.createInflateRaw()), entry(packed.length)))).toBe(xml.length);
    const budget = new InflateBudget(2 * xml.length + 10);
    await drain(budget.limit(Readable.from([packed]).pipe(zlib.createInflateRaw()), entry(packed.length)));
    await drain(budget.limit(Readable.from([packed]).pipe(zlib.createInflateRaw()), entry(packed.length)));
    await expect(drain(budget.limit(Readable.from([packed]).pipe(zlib.createInflateRaw()), entry(packed.length)))).rejects.toMatchObject({ code: "workbook_too_large" });
  });

  it("a cell past column XFD or longer than the cell cap ends the sheet with a reason", () => {
    const wide = new SheetXmlReader([], () => undefined);
    expect(() => wide.write(Buffer.from('<sheetData><row r="1"><c r="ZZZZZ1"><v>1</v></c></row>'))).toThrow(/beyond column 16384/);
    const long = new SheetXmlReader([], () => undefined);
    expect(() => long.write(Buffer.from(`<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>${"x".repeat(XLSX_LIMITS.maxCellChars + 1)}</t></is></c></row>`))).toThrow(
      /row 3 holds more than 1,000,000 characters/,
    );
  });
});
