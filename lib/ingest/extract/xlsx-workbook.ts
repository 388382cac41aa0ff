import fs from "node:fs";
import ExcelJS from "exceljs";
import { IngestError } from "../types";
import { listZipEntries, readZipMember } from "./zip-directory";
import { SheetXmlReader, type SharedString } from "./xlsx-sheet-xml";

/**
 * One streaming pass over an xlsx: exceljs's WorkbookReader unzips the package, caches shared
 * strings and styles (number formats tell dates from numbers), and hands over each worksheet's
 * XML as a chunk stream that the caller must consume to the end before the next sheet comes.
 */

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** The worksheet XML, chunk by chunk. Must be drained. */
  chunks: AsyncIterable<Buffer>;
  /** A row reader bound to this workbook's shared strings and number formats. */
  newReader(): SheetXmlReader;
}

interface ExcelJsSheetInternals {
  name?: string;
  state?: string;
  iterator: AsyncIterable<Buffer>;
}

interface ExcelJsReaderInternals {
  sharedStrings?: SharedString[];
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
}

/** The workbook's date system, read from xl/workbook.xml (exceljs only honours date1904="1", not "true"). */
export async function readDate1904(filePath: string): Promise<boolean> {
  const entries = await listZipEntries(filePath);
  if (!entries) return false;
  const xml = await readZipMember(filePath, entries, "xl/workbook.xml");
  if (!xml) return false;
  return /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/i.test(xml.toString("utf8"));
}

/** A clear IngestError for what exceljs/unzip throw on damaged packages. */
export function workbookError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new IngestError("corrupt_workbook", `This Excel workbook could not be read; it may be damaged or incomplete (${detail.slice(0, 160)}).`);
}

/** Streams the sheets of the workbook at `filePath`; `stream` lets the caller watch bytes read. */
export async function* workbookSheets(stream: fs.ReadStream): AsyncGenerator<WorkbookSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const internals = reader as unknown as ExcelJsReaderInternals;
  const fmtCache = new Map<number, string | undefined>();
  const numFmtOf = (styleId: number): string | undefined => {
    if (fmtCache.has(styleId)) return fmtCache.get(styleId);
    const fmt = internals.styles?.getStyleModel(styleId)?.numFmt;
    fmtCache.set(styleId, fmt);
    return fmt;
  };
  try {
    for await (const ws of reader) {
      const sheet = ws as unknown as ExcelJsSheetInternals;
      yield {
        name: sheet.name ?? "Sheet",
        hidden: sheet.state === "hidden" || sheet.state === "veryHidden",
        chunks: sheet.iterator,
        newReader: () => new SheetXmlReader(internals.sharedStrings ?? [], numFmtOf),
      };
    }
  } catch (err) {
    throw workbookError(err);
  } finally {
    stream.destroy();
  }
}
