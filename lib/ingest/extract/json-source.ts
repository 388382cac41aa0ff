import fs from "node:fs";
import v8 from "node:v8";
import { IngestError, type OpenOptions, type SourceRow, type TableSample, type TableSource } from "../types";
import { jsonDepthExceeds } from "./json-depth";
import { findRecords, flattenRecord, headerUnion, jsonValueText, type Json } from "./json-records";

/**
 * A single JSON document (an array of records, or an envelope holding one). It has to be
 * parsed whole, so its size and nesting are capped before parsing.
 */

export const MAX_JSON_BYTES = 256 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;
/**
 * The document is decoded into one string: a single allocation that large, in a worker thread
 * whose heap cap it exceeds, ends the whole process (V8's fatal OOM; a worker only survives
 * growth in small steps). So the cap is also a share of this thread's heap limit.
 */
function maxJsonBytes(): number {
  return Math.min(MAX_JSON_BYTES, Math.floor(v8.getHeapStatistics().heap_size_limit / 8));
}

/** Distinct keys (columns) a record table may have: a call record has a few dozen; thousands mean a hostile or non-tabular file, and rows × columns cells would exhaust memory. */
export const MAX_JSON_COLUMNS = 2000;
const SAMPLE_ROWS = 200;
const BATCH = 1000;

export function decodeJsonBytes(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString("utf8", 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  return buf.toString("utf8");
}

interface Table {
  /** 1 when keys (or a first array row) name the columns; null for bare rows of cells. */
  headerLine: number | null;
  headers: string[];
  rows: SourceRow[];
  preamble: string[];
  warnings: string[];
}

function parseDocument(text: string): Json {
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw new IngestError("json_too_deep", `This JSON nests deeper than ${MAX_JSON_DEPTH} levels; call records are never that deep, so it was not read.`);
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new IngestError("invalid_json", `This file is not valid JSON (${detail.slice(0, 160)}).`);
  }
}

function tooManyColumns(n: number): IngestError {
  return new IngestError("too_many_columns", `These JSON records have ${n} different fields; more than ${MAX_JSON_COLUMNS} is not a call-record table, so the file was not read.`);
}

/** [["Date","From"],["2024-01-02","212…"]]: rows of cells, the first one a header when it is all text. */
function tableFromArrays(rows: Json[][]): Table {
  const first = rows[0] ?? [];
  const hasHeader = first.length > 0 && first.every((c) => typeof c === "string") && rows.length > 1;
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length); // not Math.max(...rows): a huge spread overflows the stack
  if (width > MAX_JSON_COLUMNS) throw tooManyColumns(width);
  const headers = hasHeader ? first.map((c) => jsonValueText(c)) : Array.from({ length: width }, () => "");
  const body = hasHeader ? rows.slice(1) : rows;
  const offset = hasHeader ? 2 : 1;
  return {
    headerLine: hasHeader ? 1 : null,
    headers,
    rows: body.map((r, i) => ({ line: i + offset, cells: r.map((c) => jsonValueText(c)), raw: JSON.stringify(r) })),
    preamble: [],
    warnings: [],
  };
}

function buildTable(root: Json, maxLineLength: number | undefined): Table {
  if (Array.isArray(root) && root.length > 0 && root.every(Array.isArray)) return tableFromArrays(root as Json[][]);
  const found = findRecords(root);
  const flat = found.records.map((r) => flattenRecord(r));
  const headers = headerUnion(flat);
  if (headers.length > MAX_JSON_COLUMNS) throw tooManyColumns(headers.length);
  const rows: SourceRow[] = flat.map((m, i) => {
    const raw = JSON.stringify(found.records[i]) ?? "";
    const row: SourceRow = { line: i + 1, cells: headers.map((h) => m.get(h) ?? ""), raw };
    if (maxLineLength !== undefined && raw.length > maxLineLength) {
      row.issue = { code: "line_too_long", message: `Record ${i + 1} is ${raw.length} characters long, over the ${maxLineLength}-character limit.` };
      row.raw = raw.slice(0, maxLineLength);
    }
    return row;
  });
  const warnings = found.path ? [`Records read from "${found.path}" (${rows.length} of them).`] : [];
  return { headerLine: 1, headers, rows, preamble: found.preamble, warnings };
}

export async function openJsonSource(filePath: string, opts: OpenOptions = {}): Promise<TableSource> {
  const { size } = await fs.promises.stat(filePath);
  const cap = maxJsonBytes();
  if (size > cap)
    throw new IngestError(
      "json_too_large",
      `This JSON document is ${Math.round(size / 1048576)} MB; single JSON documents over ${Math.floor(cap / 1048576)} MB are not read in one piece. Export it as NDJSON (one record per line) instead.`,
    );
  let table: Table | null = null;
  let served = 0;
  const load = async (): Promise<Table> => (table ??= buildTable(parseDocument(decodeJsonBytes(await fs.promises.readFile(filePath))), opts.maxLineLength));

  return {
    format: "json",
    bytesTotal: size,
    async sample(): Promise<TableSample> {
      const t = await load();
      return {
        format: "json",
        encoding: "utf-8",
        delimiter: null,
        preamble: t.preamble,
        headerLine: t.headerLine,
        headers: t.headers,
        sampleRows: t.rows.slice(0, SAMPLE_ROWS),
        warnings: t.warnings,
      };
    },
    async *rows() {
      const t = await load();
      for (let i = 0; i < t.rows.length; i += BATCH) {
        const batch = t.rows.slice(i, i + BATCH);
        served = i + batch.length;
        yield batch;
      }
    },
    bytesRead: () => (table && table.rows.length ? Math.round((size * served) / table.rows.length) : 0),
    async close() {
      table = null;
    },
  };
}
