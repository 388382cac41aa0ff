import type { RowErrorCode } from "../schemas/record";
import type { IngestErrorCode } from "../schemas/job-errors";

/** Formats the detector can name. `text` covers CSV/TSV/pipe/semicolon/fixed text. */
export type FileFormat = "text" | "xlsx" | "xls" | "pdf" | "json" | "ndjson";

/** One data row handed from an extractor to the pipeline. */
export interface SourceRow {
  /** 1-based physical line in the file (text), row number in the sheet (xlsx/xls), or running row number (pdf/json). */
  line: number;
  cells: string[];
  /** The row as it appeared in the file, for the error table. */
  raw: string;
  /** Set by the extractor when the row is unusable before mapping (undecodable, too long, …). */
  issue?: { code: RowErrorCode; message: string };
  /** Set for OCR'd rows: values are less certain than text. */
  ocrConfidence?: number;
}

/** What an extractor knows from the head of a file: enough to classify and map. */
export interface TableSample {
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  /** Lines/text before the header: report titles, "Target: …", "All times are UTC". Kept for the classifier. */
  preamble: string[];
  /** 1-based line (row) of the header; null when the file has no header row. */
  headerLine: number | null;
  /** Header cells; for headerless files, empty strings (one per column). */
  headers: string[];
  /** First data rows (up to ~200), footer and blank lines already dropped. */
  sampleRows: SourceRow[];
  /** Non-fatal observations a person may want to see ("3 footer lines dropped"). */
  warnings: string[];
  /** True when any cell was read by OCR. */
  ocr?: boolean;
  /** Workbooks: every sheet's name, in workbook order (the reviewer's sheet choice). */
  sheets?: string[];
  /** Workbooks: the sheet the records were read from (the first, when several are read as one table). */
  sheet?: string;
  /** The first non-blank lines (rows) of the file or sheet as written, preamble and header included, with their line numbers: where a reviewer picks the header row. */
  headLines?: { line: number; text: string }[];
}

export interface OpenOptions {
  /** Reviewer's header-row choice (1-based, null = headerless). Undefined = detect. */
  headerLine?: number | null;
  /** Workbooks: read the records from this sheet only (a reviewer's or a template's choice). Undefined = detect. */
  sheet?: string;
  /** Cap on a single line/cell; longer rows become row issues, not crashes. */
  maxLineLength?: number;
  /** Progress for slow extractors (OCR pages, PDF pages). */
  onPageProgress?: (done: number, total: number) => void;
}

/** A table read lazily from one file. Every extractor (text, xlsx, xls, pdf, json) returns one. */
export interface TableSource {
  readonly format: FileFormat;
  readonly bytesTotal: number;
  /** Reads just enough of the file to describe it. */
  sample(): Promise<TableSample>;
  /** All data rows after the header, in batches, footer and blank lines dropped. Streams: memory must not grow with the file. */
  rows(): AsyncIterable<SourceRow[]>;
  /** Bytes (or the equivalent share of the file) consumed so far, for progress. */
  bytesRead(): number;
  close(): Promise<void>;
  /** Set by sources that can be read in parallel byte ranges (single-byte-safe delimited text). */
  readonly ranges?: RangeReader;
}

/** A failure that ends the whole job (not a row): stable code + a sentence a person understands. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

/** The loader found its job row gone (deleted mid-load): both sinks stop with this. */
export const jobDeletedError = () => new IngestError("job_deleted", "This job was deleted while its file was loading; nothing more was stored.");

/** A byte range of a file, by record boundaries: `end` null = to the end of the file. */
export interface ByteRange {
  start: number;
  end: number | null;
  /** True for the range at the start of the data: its lines hold the preamble and header. */
  first: boolean;
}

/** Filled in when a range's rows are exhausted: where reading really stopped and how many physical lines it read. */
export interface RangeEnd {
  end: number;
  lines: number;
}

/**
 * Random access to a text table by byte ranges, so several threads can parse one file side by side
 * (threaded-producer.ts). Line numbers inside a range count from 1; the consumer adds the lines of
 * the ranges before it.
 */
export interface RangeReader {
  /** First byte of the data (after a byte-order mark). */
  readonly dataStart: number;
  /** The first line start at or after `offset` (bytesTotal when none): a record boundary unless a quoted cell spans lines there. */
  boundaryAt(offset: number): Promise<number>;
  /**
   * Rows of the records that start in the range. A record still open at `range.end` (a quoted cell
   * spanning lines) is read to its end, so `out.end` may lie beyond `range.end`: the next range's
   * speculative start is then wrong and the consumer must read on from `out.end` instead.
   */
  rows(range: ByteRange, out: RangeEnd): AsyncIterable<SourceRow[]>;
}
