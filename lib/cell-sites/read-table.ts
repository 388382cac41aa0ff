import ExcelJS from "exceljs";
import Papa from "papaparse";

/** One row of a list: its 1-based line (text) or row number (workbook) and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** The file's kind by its first bytes: an xlsx is a zip, an old .xls an OLE2 container. */
export function tableKind(bytes: Uint8Array): "xlsx" | "xls" | "text" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  return "text";
}

/** UTF-8 (with or without a BOM) or UTF-16 with a BOM; invalid UTF-8 falls back to Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const DELIMITERS = [",", "\t", ";", "|"] as const;

/**
 * The delimiter of a text list: the one that splits the most of the first lines (after any title
 * lines) into the most fields. papaparse's own guess looks at the first rows only, which a title
 * line above the header can mislead.
 */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 40).filter((l) => l.trim() !== "");
  let best: string = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const widest = Math.max(0, ...counts);
    const score = widest === 0 ? 0 : widest * 1000 + counts.filter((c) => c === widest).length;
    if (score > bestScore) ((best = d), (bestScore = score));
  }
  return best;
}

/**
 * The rows of a CSV/TSV/semicolon/pipe list with their line numbers. papaparse reports each row's
 * start offset in `meta.cursor` only when streaming, so lines are counted here from the row's raw
 * text: a quoted cell with line breaks moves the next row's line on accordingly.
 */
export function readTextTable(text: string): TableRow[] {
  const delimiter = guessDelimiter(text);
  const rows: TableRow[] = [];
  let line = 1;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  for (const cells of parsed.data) {
    rows.push({ line, cells: cells.map((c) => c ?? "") });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  }
  return rows;
}

/** A workbook cell's value as the text a person sees (numbers in full, not rounded by a format). */
function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ("text" in v) return String(v.text);
  if ("error" in v) return "";
  return "";
}

/**
 * The sheets of an xlsx, each as rows (Excel row numbers as lines), hidden sheets left out. The
 * whole workbook is loaded (lists are capped in size by the route); exceljs's streaming reader
 * loses text cells of packages that store the sheets before the shared strings (see
 * lib/ingest/extract/xlsx-workbook.ts), the in-memory one does not.
 */
export async function readWorkbookTables(bytes: Uint8Array): Promise<{ name: string; rows: TableRow[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheets: { name: string; rows: TableRow[] }[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== "visible") return;
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null).trim());
      rows.push({ line: rowNumber, cells });
    });
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}
