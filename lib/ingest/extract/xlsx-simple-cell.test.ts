import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../../tests/support/corpora";
import { XlsxWorkbook } from "./xlsx-workbook";
import { SheetXmlReader, type ParsedRow, type SharedString } from "./xlsx-sheet-xml";

const SHARED: SharedString[] = ["zero", { richText: [{ text: "rich " }, { text: "text" }] }];
const numFmtOf = (style: number) => (style === 2 ? "m/d/yyyy h:mm" : style === 3 ? "0.00%" : undefined);

/** Every cell shape the one-step path reads, and the ones it must leave to the scanner. */
const CELLS = [
  `<c r="A1" t="s"><v>0</v></c>`,
  `<c r="B1" s="2"><v>45000.5</v></c>`,
  `<c r="C1" t="str"><v>AT&amp;T &lt;x&gt; &#233;</v></c>`,
  `<c r="D1" t="b"><v>1</v></c>`,
  `<c r="E1" t="e"><v>#N/A</v></c>`,
  `<c r="F1" t="d"><v>2021-01-01T10:10:10.000Z</v></c>`,
  `<c r="G1" s="1"/>`,
  `<c r="H1"></c>`,
  `<c r="I1"><v></v></c>`,
  `<c t="str"><v>no reference</v></c>`,
  `<c r="K1" t="inlineStr"><is><t>inline</t></is></c>`,
  `<c r="L1"><f>SUM(A1:B1)</f><v>3</v></c>`,
  `<c r="M1" cm="1"><v>4</v></c>`,
  `<c r="N1" t="str"><v>spaced</v> </c>`,
  `<c r="&#79;1"><v>5</v></c>`,
  `<c  r="P1"  s="3" ><v>0.25</v></c>`,
  `<c r="Q1" t="n"><v>7</v></c>`,
  `<c r="R1" s="x1"><v>8</v></c>`,
  `<c r="T1" t="s"><v>1</v></c>`,
  `<c r="U1" t="zz"><v>9</v></c>`,
  `<c r="aa1" t='str'><v>single quotes</v></c>`,
  `<x:c r="AB1"><v>10</v></x:c>`,
  `<c r="AC1" t="str"><v><![CDATA[a < b]]></v></c>`,
];

const DOC =
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="m" xmlns:x="m"><dimension ref="A1:AC3"/><sheetData>` +
  `<row r="1">${CELLS.join("")}</row>` +
  `<row r="2"><c r="C2" t="str"><v>out of order</v></c><c r="A2"><v>1</v></c><c><v>2</v></c></row>` +
  `<row r="3">\n  <c r="A3" t="str"><v>pretty</v></c>\n  <c r="B3"><v>3</v></c>\n</row>` +
  `</sheetData></worksheet>`;

function read(chunks: string[], simpleCells: boolean): { rows: ParsedRow[]; lastRow: number } {
  const reader = new SheetXmlReader(SHARED, numFmtOf, { simpleCells });
  const rows: ParsedRow[] = [];
  for (const c of chunks) rows.push(...reader.write(Buffer.from(c)));
  rows.push(...reader.end());
  return { rows, lastRow: reader.lastRow };
}

describe("reading common cells in one step", () => {
  it("gives exactly the rows the tokenizing path gives, whatever the chunk boundaries", () => {
    const want = read([DOC], false);
    expect(want.rows).toHaveLength(3);
    expect(want.rows[0]!.cells.length).toBe(29); // up to AC
    expect(read([DOC], true)).toEqual(want);
    for (let cut = 1; cut < DOC.length; cut++) expect(read([DOC.slice(0, cut), DOC.slice(cut)], true), `cut at ${cut}`).toEqual(want);
  });

  it("reads values as the sheet reader always did", () => {
    const [row1, row2] = read([DOC], true).rows;
    const c = row1!.cells;
    expect(c[0]).toBe("zero");
    expect(c[2]).toBe("AT&T <x> é");
    expect(c[3]).toBe("TRUE");
    expect(c[5]).toBe("2021-01-01 10:10:10");
    expect([c[6], c[7], c[8]]).toEqual([null, null, null]);
    expect(c[9]).toBe("no reference");
    expect(c[10]).toBe("inline");
    expect(c[19]).toBe("rich text");
    expect(c[1]).toEqual({ v: 45000.5, fmt: "m/d/yyyy h:mm" });
    // A cell without `r` takes the column after the one before it, whatever order those came in.
    expect(row2!.cells).toEqual([1, 2, "out of order"]);
  });

  it("refuses a cell past the last column Excel has, on either path", () => {
    const wide = `<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(() => read([wide], true)).toThrow(/column/i);
    expect(() => read([wide], false)).toThrow(/column/i);
  });
});

/** Both paths fed the same chunks of every sheet: the same rows, or the same error. */
async function compareSheets(file: string): Promise<number> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.open(file);
  } catch {
    return 0; // damaged packages are the loader's test, not this one
  }
  let cells = 0;
  for await (const sheet of workbook.sheets()) {
    const fast = sheet.newReader();
    const slow = new SheetXmlReader(workbook.pkg.sharedStrings, workbook.pkg.numFmtOf, { simpleCells: false });
    const run = (step: () => ParsedRow[], into: ParsedRow[]) => {
      try {
        into.push(...step());
        return null;
      } catch (err) {
        return String(err);
      }
    };
    const a: ParsedRow[] = [];
    const b: ParsedRow[] = [];
    let errA: string | null = null;
    let errB: string | null = null;
    try {
      for await (const chunk of sheet.chunks) {
        errA ??= run(() => fast.write(chunk), a);
        errB ??= run(() => slow.write(chunk), b);
      }
    } catch {
      continue; // the package's own limits refused the part: same for both
    }
    errA ??= run(() => fast.end(), a);
    errB ??= run(() => slow.end(), b);
    expect(errA, `${file} ${sheet.name}`).toEqual(errB);
    expect(a, `${file} ${sheet.name}`).toEqual(b);
    for (const r of a) cells += r.cells.length;
  }
  return cells;
}

/** Every .xlsx/.xlsm of the third-party suites (written by Excel, LibreOffice, SheetJS, exceljs, …). */
const workbooks = corpusFiles(["sheetjs-test_files", "exceljs", "calamine"], /\.(xlsx|xlsm)$/i);

describe.skipIf(workbooks.length === 0)("one-step cells on the spreadsheet corpora", () => {
  it("read every sheet of every workbook exactly as the tokenizing path does", { timeout: 120_000 }, async () => {
    let cells = 0;
    for (const f of workbooks) cells += await compareSheets(f);
    process.stderr.write(`[xlsx simple cells] ${workbooks.length} workbooks, ${cells} cells compared\n`);
    expect(cells).toBeGreaterThan(10_000);
  });
});
