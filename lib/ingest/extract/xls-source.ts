import fs from "node:fs";
import type { OpenOptions, TableSource } from "../types";
import type { RawRow } from "./sheet-rows";
import { workbookTableSource, type SheetHeadRows, type WorkbookBackend } from "./workbook-table-source";
import { parseXlsIsolated, type XlsParseLimits, type XlsParseResult } from "./xls-isolated-parse";

/**
 * Legacy .xls: parsed once, whole, in an isolated worker (BIFF is not streamable and the parser
 * is not trusted), then served from memory. BIFF8 caps a sheet at 65,536 rows × 256 columns,
 * which bounds that memory.
 */

class XlsBackend implements WorkbookBackend {
  readonly format = "xls" as const;
  private parsed: Promise<XlsParseResult> | null = null;
  private rowsServed = 0;
  private rowsTotal = 0;

  constructor(
    private readonly filePath: string,
    readonly bytesTotal: number,
    private readonly limits: XlsParseLimits,
  ) {}

  private parse(): Promise<XlsParseResult> {
    return (this.parsed ??= parseXlsIsolated(this.filePath, this.limits));
  }

  async date1904(): Promise<boolean> {
    return (await this.parse()).date1904;
  }

  async heads(limit: number): Promise<SheetHeadRows[]> {
    const { sheets } = await this.parse();
    return sheets.map((s) => ({ ...s, rows: s.rows.slice(0, limit) }));
  }

  async *rows(names: Set<string>): AsyncIterable<{ sheet: string; rows: RawRow[] }> {
    const chosen = (await this.parse()).sheets.filter((s) => names.has(s.name));
    this.rowsTotal = chosen.reduce((n, s) => n + s.rows.length, 0);
    this.rowsServed = 0;
    for (const sheet of chosen) {
      for (let i = 0; i < sheet.rows.length; i += 1000) {
        const rows = sheet.rows.slice(i, i + 1000);
        this.rowsServed += rows.length;
        yield { sheet: sheet.name, rows };
      }
    }
  }

  /** The file is read whole up front; progress is the share of rows handed on. */
  bytesRead(): number {
    if (!this.rowsTotal) return 0;
    return Math.round((this.bytesTotal * this.rowsServed) / this.rowsTotal);
  }

  async close(): Promise<void> {
    this.parsed = null;
  }
}

export async function openXlsSource(filePath: string, opts: OpenOptions = {}, limits: XlsParseLimits = {}): Promise<TableSource> {
  const { size } = await fs.promises.stat(filePath);
  return workbookTableSource(new XlsBackend(filePath, size, limits), opts);
}
