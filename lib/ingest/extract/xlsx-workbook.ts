import { IngestError } from "../types";
import { readXlsxPackage, type XlsxPackage } from "./xlsx-package";
import { SheetXmlReader } from "./xlsx-sheet-xml";
import { zipMemberStream } from "./zip-directory";

/**
 * Streaming access to the sheets of an xlsx. Each worksheet member is inflated straight from
 * its byte range in the file, so memory holds the shared strings and one chunk of sheet XML.
 * (exceljs's WorkbookReader was tried first: when a package stores its sheets before
 * sharedStrings.xml — LibreOffice and SheetJS do — it loses the parts after the sheets and
 * every text cell comes out empty.)
 */

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** The worksheet XML, chunk by chunk. */
  chunks: AsyncIterable<Buffer>;
  newReader(): SheetXmlReader;
}

/** A clear IngestError for what the zip and XML layers throw on damaged packages. */
export function workbookError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new IngestError("corrupt_workbook", `This Excel workbook could not be read; it may be damaged or incomplete (${detail.slice(0, 160)}).`);
}

export class XlsxWorkbook {
  private bytesDone = 0;
  private current: { bytesRead: number } | null = null;

  private constructor(
    private readonly filePath: string,
    readonly pkg: XlsxPackage,
  ) {}

  static async open(filePath: string): Promise<XlsxWorkbook> {
    try {
      return new XlsxWorkbook(filePath, await readXlsxPackage(filePath));
    } catch (err) {
      throw workbookError(err);
    }
  }

  /** Compressed bytes of sheet data consumed in the current pass. */
  bytesRead(): number {
    return this.bytesDone + (this.current?.bytesRead ?? 0);
  }

  /** The sheets in workbook order; `only` limits which are opened at all. */
  async *sheets(only?: Set<string>): AsyncGenerator<WorkbookSheet> {
    this.bytesDone = 0;
    for (const sheet of this.pkg.sheets) {
      if (only && !only.has(sheet.name)) continue;
      let opened;
      try {
        opened = await zipMemberStream(this.filePath, sheet.entry);
      } catch (err) {
        throw workbookError(err);
      }
      this.current = opened.source;
      const limited = this.pkg.budget.limit(opened.stream, sheet.entry, Infinity, opened.consumed);
      yield {
        name: sheet.name,
        hidden: sheet.hidden,
        chunks: limited as AsyncIterable<Buffer>,
        newReader: () => new SheetXmlReader(this.pkg.sharedStrings, this.pkg.numFmtOf),
      };
      limited.destroy();
      opened.stream.destroy();
      this.bytesDone += opened.source.bytesRead;
      this.current = null;
    }
  }
}
