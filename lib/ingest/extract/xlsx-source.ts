import fs from "node:fs";
import type { OpenOptions, TableSource } from "../types";
import type { RawRow } from "./sheet-rows";
import { workbookTableSource, type SheetHeadRows, type WorkbookBackend } from "./workbook-table-source";
import { workbookError, XlsxWorkbook } from "./xlsx-workbook";

/**
 * xlsx/xlsm read in constant memory: the heads of every sheet first (to choose the record
 * sheets), then the rows of the chosen sheets, each streamed from the zip.
 */

class XlsxBackend implements WorkbookBackend {
  readonly format = "xlsx" as const;
  private workbook: Promise<XlsxWorkbook> | null = null;
  private opened: XlsxWorkbook | null = null;

  constructor(
    private readonly filePath: string,
    readonly bytesTotal: number,
  ) {}

  private open(): Promise<XlsxWorkbook> {
    return (this.workbook ??= XlsxWorkbook.open(this.filePath).then((wb) => (this.opened = wb)));
  }

  async date1904(): Promise<boolean> {
    return (await this.open()).pkg.date1904;
  }

  async heads(limit: number): Promise<SheetHeadRows[]> {
    const heads: SheetHeadRows[] = [];
    try {
      for await (const sheet of (await this.open()).sheets()) {
        const reader = sheet.newReader();
        const rows: RawRow[] = [];
        for await (const chunk of sheet.chunks) {
          rows.push(...reader.write(chunk));
          if (rows.length >= limit) break; // the rest of the sheet is not needed for choosing
        }
        if (rows.length < limit) rows.push(...reader.end());
        const kept = rows.slice(0, limit);
        heads.push({ name: sheet.name, hidden: sheet.hidden, rows: kept, lastRow: Math.max(reader.lastRow, kept.at(-1)?.line ?? 0) });
      }
    } catch (err) {
      throw workbookError(err);
    }
    return heads;
  }

  async *rows(sheets: Set<string>): AsyncIterable<{ sheet: string; rows: RawRow[] }> {
    try {
      for await (const sheet of (await this.open()).sheets(sheets)) {
        const reader = sheet.newReader();
        for await (const chunk of sheet.chunks) {
          const rows = reader.write(chunk);
          if (rows.length) yield { sheet: sheet.name, rows };
        }
        const tail = reader.end();
        if (tail.length) yield { sheet: sheet.name, rows: tail };
      }
    } catch (err) {
      throw workbookError(err);
    }
  }

  /** Compressed sheet bytes read against the file size (sheets are nearly all of an xlsx). */
  bytesRead(): number {
    return Math.min(this.bytesTotal, this.opened?.bytesRead() ?? 0);
  }

  async close(): Promise<void> {
    this.workbook = null;
  }
}

export async function openXlsxSource(filePath: string, opts: OpenOptions = {}): Promise<TableSource> {
  const { size } = await fs.promises.stat(filePath);
  return workbookTableSource(new XlsxBackend(filePath, size), opts);
}
