import fs from "node:fs";
import readline from "node:readline";
import { IngestError, type OpenOptions, type SourceRow, type TableSample, type TableSource } from "../types";
import { jsonDepthExceeds } from "./json-depth";
import { flattenRecord, headerUnion, type Json } from "./json-records";
import { MAX_JSON_COLUMNS, MAX_JSON_DEPTH } from "./json-source";

/**
 * NDJSON (one JSON object per line), streamed line by line. The column set is the union of
 * keys over the whole file, found by a first streaming pass in sample(), so a key that first
 * appears on line 90,000 still gets its column.
 */

const SAMPLE_ROWS = 200;
const BATCH = 1000;

type Parsed = { ok: true; value: Map<string, string> } | { ok: false; message: string };

function parseLine(text: string, line: number): Parsed {
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return { ok: false, message: `Line ${line} nests deeper than ${MAX_JSON_DEPTH} levels.` };
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (err) {
    return { ok: false, message: `Line ${line} is not valid JSON (${err instanceof Error ? err.message.slice(0, 120) : String(err)}).` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: `Line ${line} is not a JSON object.` };
  return { ok: true, value: flattenRecord(value) };
}

/** Non-blank lines with their physical line numbers; `stream` is exposed for progress. */
async function* physicalLines(stream: fs.ReadStream): AsyncGenerator<{ line: number; text: string }> {
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (let text of rl) {
      line++;
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === "") continue;
      yield { line, text };
    }
  } finally {
    rl.close();
    stream.destroy();
  }
}

export async function openNdjsonSource(filePath: string, opts: OpenOptions = {}): Promise<TableSource> {
  const { size } = await fs.promises.stat(filePath);
  let stream: fs.ReadStream | null = null;
  let described: Promise<TableSample> | null = null;
  const open = () => (stream = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 }));

  const toRow = (line: number, text: string, headers: string[]): SourceRow => {
    const limit = opts.maxLineLength;
    if (limit !== undefined && text.length > limit)
      return {
        line,
        cells: [],
        raw: text.slice(0, limit),
        issue: { code: "line_too_long", message: `Line ${line} is ${text.length} characters long, over the ${limit}-character limit.` },
      };
    const parsed = parseLine(text, line);
    if (!parsed.ok) return { line, cells: [], raw: text, issue: { code: "invalid_record", message: parsed.message } };
    return { line, cells: headers.map((h) => parsed.value.get(h) ?? ""), raw: text };
  };

  const describe = async (): Promise<TableSample> => {
    const headers: string[] = [];
    const seen = new Set<string>();
    const head: { line: number; text: string }[] = [];
    let bad = 0;
    for await (const { line, text } of physicalLines(open())) {
      if (head.length < SAMPLE_ROWS) head.push({ line, text });
      if (opts.maxLineLength !== undefined && text.length > opts.maxLineLength) continue;
      const parsed = parseLine(text, line);
      if (parsed.ok) headerUnion([parsed.value], headers, seen);
      else bad++;
      if (headers.length > MAX_JSON_COLUMNS)
        throw new IngestError(
          "too_many_columns",
          `By line ${line} these JSON records have more than ${MAX_JSON_COLUMNS} different fields; that is not a call-record table, so the file was not read.`,
        );
    }
    return {
      format: "ndjson",
      encoding: "utf-8",
      delimiter: null,
      preamble: [],
      headerLine: 1,
      headers,
      sampleRows: head.map((h) => toRow(h.line, h.text, headers)),
      warnings: bad ? [`${bad} line(s) are not JSON objects; they go to the error table.`] : [],
    };
  };
  const sample = () => (described ??= describe());

  return {
    format: "ndjson",
    bytesTotal: size,
    sample,
    async *rows() {
      const { headers } = await sample();
      let batch: SourceRow[] = [];
      for await (const { line, text } of physicalLines(open())) {
        batch.push(toRow(line, text, headers));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    bytesRead: () => Math.min(size, stream?.bytesRead ?? 0),
    async close() {
      stream?.destroy();
    },
  };
}
