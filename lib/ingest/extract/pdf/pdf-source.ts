import fs from "node:fs/promises";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api";
import { IngestError, type OpenOptions, type SourceRow, type TableSample, type TableSource } from "../../types";
import { groupLines } from "./line-grouping";
import { OcrReader } from "./ocr-reader";
import { cleanOcrRows } from "./ocr-rows";
import type { CanvasFactoryLike } from "./page-render";
import { extractPageRows } from "./page-rows";
import { openPdfDocument } from "./pdfjs-loader";
import type { PageLines } from "./pdf-types";
import { learnTableLayout, type TableLayout } from "./table-layout";
import { hasUsableText, readPageContent } from "./text-layer";

const SAMPLE_ROWS = 200;
/** A table that has not started by this page is not a table we can read. */
const LAYOUT_SEARCH_PAGES = 3;

/** Opens a PDF (text layer or scanned) as a stream of table rows, page by page. */
export async function openPdfSource(filePath: string, opts: OpenOptions = {}): Promise<TableSource> {
  const bytes = await fs.readFile(filePath);
  if (bytes.subarray(0, 1024).indexOf("%PDF") < 0) throw new IngestError("pdf_unreadable", "The file is not a PDF (no %PDF signature).");
  const size = bytes.length;
  const doc = await openPdfDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)).catch((err: unknown) => {
    if (err instanceof IngestError) throw err;
    throw new IngestError("pdf_unreadable", `The PDF is damaged and cannot be opened (${err instanceof Error ? err.message.split("\n")[0]!.slice(0, 120) : String(err)}).`);
  });
  return new PdfTableSource(doc, size, opts);
}

class PdfTableSource implements TableSource {
  readonly format = "pdf" as const;
  private readonly ocr = new OcrReader();
  /**
   * Pages read or being read: those read while learning or sampling are handed to rows() once instead
   * of being read twice (OCR is slow), and once a page needed OCR the next ones are read ahead, one
   * per OCR worker, so that every worker has a page (see readAhead).
   */
  private readonly pages = new Map<number, Promise<PageLines>>();
  private layout: Promise<TableLayout> | null = null;
  private pagesDone = 0;
  private usedOcr = false;
  private droppedLines = 0;

  constructor(
    private readonly doc: PDFDocumentProxy,
    readonly bytesTotal: number,
    private readonly opts: OpenOptions,
  ) {}

  /** Page n, read once whoever asks first (the learner, the sampler, rows() or the read-ahead). */
  private page(n: number): Promise<PageLines> {
    let read = this.pages.get(n);
    if (!read) {
      read = this.readPage(n);
      // A page read ahead may fail before anyone asks for it: its error is reported when asked.
      read.catch(() => {});
      this.pages.set(n, read);
    }
    if (this.usedOcr) this.readAhead(n);
    return read;
  }

  /** Starts the pages after n, as many as there are OCR workers; each renders when a worker is free. */
  private readAhead(n: number): void {
    const last = Math.min(this.doc.numPages, n + this.ocr.parallelism);
    for (let k = n + 1; k <= last; k++) if (!this.pages.has(k)) this.page(k);
  }

  private async readPage(n: number): Promise<PageLines> {
    try {
      return await this.readPageUnchecked(n);
    } catch (err) {
      if (err instanceof IngestError) throw err;
      // pdf.js reports damage in its own words ("Bad encoding in flate stream"): keep the words,
      // say which page, and make it a file failure with a stable code rather than an internal error.
      const detail = err instanceof Error ? err.message.split("\n")[0]!.slice(0, 120) : String(err);
      throw new IngestError("pdf_unreadable", `Page ${n} of the PDF is damaged and cannot be read (${detail}).`);
    }
  }

  private async readPageUnchecked(n: number): Promise<PageLines> {
    const page = await this.doc.getPage(n);
    try {
      const { items, rules, chunked } = await readPageContent(page);
      if (hasUsableText(items)) return groupLines(items, n, false, rules, chunked);
      this.usedOcr = true;
      // The operator list read above holds the decoded scan (~25 MB): a page waiting for an OCR worker
      // must not keep it. Reading it again cost no measurable CPU (6 pages: 33.4 s without, 35.4 s with).
      page.cleanup();
      this.readAhead(n);
      const words = await this.ocr.readPage(page, this.doc.canvasFactory as CanvasFactoryLike);
      return groupLines(words, n, true);
    } finally {
      page.cleanup();
    }
  }

  private learn(): Promise<TableLayout> {
    this.layout ??= (async () => {
      const last = Math.min(this.doc.numPages, LAYOUT_SEARCH_PAGES);
      for (let n = 1; n <= last; n++) {
        const lines = await this.page(n);
        const layout = learnTableLayout(lines, this.opts.headerLine);
        if (layout) return layout;
      }
      throw new IngestError("pdf_no_table", `No table was found on the first ${last} page(s) of the PDF.`);
    })();
    return this.layout;
  }

  /** Rows of one page as SourceRows numbered from `firstLine`; OCR'd pages get fixed digits and a confidence. */
  private toSourceRows(lines: PageLines, layout: TableLayout, firstLine: number): SourceRow[] {
    const { rows, dropped } = extractPageRows(lines, layout);
    this.droppedLines += dropped;
    const width = layout.spans.length;
    const cleaned = lines.ocr ? cleanOcrRows(rows, width) : null;
    return rows.map((r, i) => {
      const cells = cleaned?.[i]?.cells ?? r.cells;
      const raw = `${cells.join(" | ")} (page ${r.page})`;
      const row: SourceRow = { line: firstLine + i, cells, raw };
      if (cleaned) row.ocrConfidence = cleaned[i]?.ocrConfidence ?? 0;
      const max = this.opts.maxLineLength;
      if (max && raw.length > max) row.issue = { code: "line_too_long", message: `Row longer than ${max} characters.` };
      return row;
    });
  }

  async sample(): Promise<TableSample> {
    const layout = await this.learn();
    const sampleRows: SourceRow[] = [];
    for (let n = layout.page; n <= this.doc.numPages && sampleRows.length < SAMPLE_ROWS; n++) {
      const lines = await this.page(n);
      sampleRows.push(...this.toSourceRows(lines, layout, sampleRows.length + 1));
    }
    this.droppedLines = 0;
    const warnings: string[] = [];
    if (this.usedOcr) warnings.push("Some pages had no text layer and were read by OCR: check doubtful rows.");
    return {
      format: "pdf",
      encoding: null,
      delimiter: null,
      preamble: layout.preamble,
      headerLine: layout.headerLine,
      headers: layout.headers,
      sampleRows: sampleRows.slice(0, SAMPLE_ROWS),
      warnings,
      ocr: this.usedOcr,
    };
  }

  async *rows(): AsyncIterable<SourceRow[]> {
    const layout = await this.learn();
    const total = this.doc.numPages;
    let line = 1;
    for (let n = 1; n <= total; n++) {
      if (n >= layout.page) {
        const lines = await this.page(n);
        this.pages.delete(n);
        const batch = this.toSourceRows(lines, layout, line);
        line += batch.length;
        if (batch.length > 0) yield batch;
      }
      this.pagesDone = n;
      this.opts.onPageProgress?.(n, total);
    }
    this.pages.clear();
  }

  bytesRead(): number {
    return Math.round((this.pagesDone / Math.max(1, this.doc.numPages)) * this.bytesTotal);
  }

  /** Lines inside tables that fit no column (section titles, subtotals) left out so far. */
  droppedLineCount(): number {
    return this.droppedLines;
  }

  async close(): Promise<void> {
    // Pages read ahead still render from this document: let them finish before destroying it.
    await Promise.allSettled([...this.pages.values()]);
    this.pages.clear();
    await this.doc.destroy();
  }
}
