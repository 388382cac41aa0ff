import fs from "node:fs";
import { IngestError, type OpenOptions, type SourceRow, type TableSample, type TableSource } from "../types";
import { createChunkDecoder } from "./decode-chunks";
import { detectLayout, type TableLayout } from "./detect-layout";
import { describeDelimiter, type Dialect } from "./dialect";
import { decodeBytes, decodeUtf8Recovering, detectEncoding, looksBinary, type DetectedEncoding } from "./encoding";
import { RecordReader, type RawRecord } from "./record-reader";
import { createRowFilter } from "./row-filter";
import { readRecords, sniffDialect } from "./sniff-dialect";
import { textRangeReader } from "./text-ranges";
import { rowsInPieces, SOURCE_BATCH_ROWS } from "./row-pieces";

export const HEAD_BYTES = 256 * 1024;
const SNIFF_CHARS = 64 * 1024;
const SAMPLE_ROWS = 200;
export const DEFAULT_MAX_LINE = 1_000_000;

/** What was learned from the head of a text file; exposed for tests and diagnostics. */
export interface TextHead {
  encoding: DetectedEncoding;
  dialect: Dialect;
  layout: TableLayout;
  sample: TableSample;
}

/**
 * Opens a delimited text file (CSV, TSV, pipe, semicolon, space-aligned): detects encoding, dialect and
 * table layout from the head, then streams rows in batches with constant memory.
 * Throws IngestError for empty, blank-only and binary files.
 */
export async function openTextSource(filePath: string, opts: OpenOptions = {}): Promise<TableSource & { head: TextHead }> {
  const maxLineLength = opts.maxLineLength ?? DEFAULT_MAX_LINE;
  const { size, head: bytes } = await readHead(filePath);
  const head = describeHead(bytes, size, opts, maxLineLength);
  let consumed = 0;
  let stream: fs.ReadStream | null = null;

  async function* rows(): AsyncGenerator<SourceRow[]> {
    const decoder = createChunkDecoder(head.encoding);
    const filter = createRowFilter(head.layout);
    const batch: SourceRow[] = [];
    const reader = new RecordReader(head.dialect, { maxLineLength }, (r) => {
      const row = filter.accept(r);
      if (row) batch.push(row);
    });
    consumed = head.encoding.bomLength;
    stream = fs.createReadStream(filePath, { start: head.encoding.bomLength, highWaterMark: 1 << 20 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        consumed += chunk.length;
        yield* rowsInPieces(reader, decoder.decode(chunk), batch);
      }
      reader.push(decoder.end());
      reader.end();
      for (let i = 0; i < batch.length; i += SOURCE_BATCH_ROWS) yield batch.slice(i, i + SOURCE_BATCH_ROWS);
    } finally {
      stream.destroy();
      stream = null;
    }
  }

  return {
    format: "text",
    bytesTotal: size,
    head,
    sample: async () => head.sample,
    rows,
    bytesRead: () => consumed,
    close: async () => {
      stream?.destroy();
    },
    ranges: textRangeReader(filePath, size, head, maxLineLength),
  };
}

async function readHead(filePath: string): Promise<{ size: number; head: Buffer }> {
  const handle = await fs.promises.open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { size, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

/** Everything that depends only on the head: encoding, dialect, layout and the sample. */
export function describeHead(bytes: Uint8Array, size: number, opts: OpenOptions, maxLineLength: number): TextHead {
  if (size === 0 || bytes.length === 0) throw new IngestError("empty_file", "The file is empty: there are no rows to load.");
  const encoding = detectEncoding(bytes);
  if (looksBinary(bytes, encoding.encoding)) {
    throw new IngestError("binary_file", "This file is not readable text (it looks like binary data), so no rows can be read from it.");
  }
  const complete = size <= bytes.length;
  const body = evenLength(bytes, encoding);
  const utf8 = encoding.encoding === "utf-8" ? decodeUtf8Recovering(body.subarray(encoding.bomLength)) : null;
  let text = utf8 ? utf8.text : decodeBytes(body, encoding);
  if (text.trim() === "") throw new IngestError("empty_file", "The file contains only blank lines: there are no rows to load.");
  const sniffText = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  const dialect = sniffDialect(sniffText, complete && sniffText.length === text.length);
  if (!complete) text = text.slice(0, Math.max(text.lastIndexOf(dialect.lineEnding === "\r" ? "\r" : "\n") + 1, 0));
  const records = readRecords(text, dialect, Infinity, maxLineLength);
  const layout = detectLayout(records, opts.headerLine);
  const sample = buildSample(records, layout, encoding, dialect);
  // The last head line may be cut mid-character; only lines before it count as recovered.
  const recovered = (utf8?.recoveredLines ?? 0) - (complete ? 0 : 1);
  if (recovered > 0) sample.warnings.unshift(`Some lines are not UTF-8; they were read as Windows-1252 so no text is lost.`);
  return { encoding, dialect, layout, sample };
}

/** Lines shown to a reviewer picking the header row. */
const HEAD_LINES = 12;

function buildSample(records: RawRecord[], layout: TableLayout, encoding: DetectedEncoding, dialect: Dialect): TableSample {
  const filter = createRowFilter(layout);
  const sampleRows: SourceRow[] = [];
  for (const r of records) {
    const row = filter.accept({ ...r, cells: r.cells.slice() });
    if (row && sampleRows.length < SAMPLE_ROWS) sampleRows.push(row);
  }
  const warnings: string[] = [];
  if (filter.counts.footer > 0) warnings.push(`${filter.counts.footer} footer line(s) dropped near the start of the file.`);
  if (filter.counts.repeatedHeader > 0) warnings.push(`${filter.counts.repeatedHeader} repeated header line(s) dropped.`);
  if (layout.headerLine === null) warnings.push("No header row was found: columns are identified by their values only.");
  if (encoding.encoding === "windows-1252") warnings.push("The file is not UTF-8; it was read as Windows-1252 (Western European).");
  return {
    format: "text",
    encoding: encoding.encoding,
    delimiter: dialect.delimiter,
    preamble: layout.preamble,
    headerLine: layout.headerLine,
    headers: layout.headers,
    sampleRows,
    warnings: warnings.concat(`Columns are separated by ${describeDelimiter(dialect.delimiter)}.`),
    // Where a reviewer picks the header row: the first non-blank lines as written.
    headLines: records
      .filter((r) => r.raw.trim() !== "")
      .slice(0, HEAD_LINES)
      .map((r) => ({ line: r.line, text: r.raw.length > 400 ? `${r.raw.slice(0, 400)}…` : r.raw })),
  };
}

/** UTF-16 heads are cut to whole code units so the last character is not garbled. */
function evenLength(bytes: Uint8Array, enc: DetectedEncoding): Uint8Array {
  return enc.encoding.startsWith("utf-16") && bytes.length % 2 === 1 ? bytes.subarray(0, bytes.length - 1) : bytes;
}
