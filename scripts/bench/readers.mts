// "Libraries where they win" (issue 20): our hand-written readers against the library that would
// replace each, parse only, on the same file, in this one process (no server, no database).
//
//   node --import tsx scripts/bench/readers.mts --csv FILE [--xlsx FILE.xlsx] [--runs 2]
//
// Delimited text: openTextSource(file).rows() — what a job runs: encoding and dialect detection,
// line splitting, quote handling, preamble/header/footer filtering, rows in batches — and its
// RecordReader alone (decode + split into cells, the part PapaParse does), against
// Papa.parse streaming the same file from disk, once with a per-row `step` and once with the
// `chunk` callback (the faster one is the library's figure). Workbooks: openXlsxSource(file).rows()
// against exceljs's streaming WorkbookReader, reading every row's values. Each is run `runs` times,
// alternating, and the fastest run kept (a lucky library run can only lower our ratio).
// Prints one JSON object on stdout; scripts/bench.mjs runs this as a child process.
import fs from "node:fs";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { createChunkDecoder } from "../../lib/ingest/text/decode-chunks";
import { RecordReader } from "../../lib/ingest/text/record-reader";
import { DEFAULT_MAX_LINE, openTextSource } from "../../lib/ingest/text/text-source";
import { openXlsxSource } from "../../lib/ingest/extract/xlsx-source";

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const runs = Number(arg("runs") ?? 2);
const require = createRequire(import.meta.url);
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

interface Timed {
  rows: number;
  seconds: number;
  runsSeconds: number[];
  rowsPerSecond: number;
}

async function sourceRows(open: () => Promise<{ rows(): AsyncIterable<unknown[]> }>): Promise<number> {
  const src = await open();
  let n = 0;
  for await (const batch of src.rows()) n += batch.length;
  return n;
}

/** The record splitter alone (decode, lines, quotes → cells, line numbers): no filtering, no batches. */
async function recordReaderRows(file: string): Promise<number> {
  const { head } = await openTextSource(file);
  const decoder = createChunkDecoder(head.encoding);
  let n = 0;
  const reader = new RecordReader(head.dialect, { maxLineLength: DEFAULT_MAX_LINE }, () => void n++);
  for await (const chunk of fs.createReadStream(file, { start: head.encoding.bomLength, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) reader.push(decoder.decode(chunk));
  reader.push(decoder.end());
  reader.end();
  return n;
}

function papaStep(file: string): Promise<number> {
  let n = 0;
  return new Promise((resolve, reject) =>
    Papa.parse(fs.createReadStream(file), {
      step: () => void n++,
      complete: () => resolve(n),
      error: reject,
    }),
  );
}

function papaChunk(file: string): Promise<number> {
  let n = 0;
  return new Promise((resolve, reject) =>
    Papa.parse(fs.createReadStream(file), {
      chunk: (r: Papa.ParseResult<unknown>) => void (n += r.data.length),
      complete: () => resolve(n),
      error: reject,
    }),
  );
}

async function exceljsRows(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", entries: "ignore" });
  let n = 0;
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // Touch the values as a loader would (exceljs builds them lazily per row).
      const values = row.values as unknown[];
      cells += values.length;
      n++;
    }
  }
  return cells >= 0 ? n : 0;
}

/** Runs each contender `runs` times, alternating, and keeps each one's fastest run. */
async function race(contenders: Record<string, () => Promise<number>>): Promise<Record<string, Timed>> {
  const times: Record<string, number[]> = {};
  const rows: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const t0 = performance.now();
      rows[name] = await fn();
      (times[name] ??= []).push((performance.now() - t0) / 1000);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, s]) => {
      const seconds = Math.min(...s);
      return [name, { rows: rows[name]!, seconds, runsSeconds: s, rowsPerSecond: rows[name]! / seconds }];
    }),
  );
}

const out: Record<string, unknown> = { runs, versions: { papaparse: version("papaparse"), exceljs: version("exceljs") } };
const csv = arg("csv");
if (csv) {
  const r = await race({
    ours: () => sourceRows(() => openTextSource(csv)),
    oursRecordReader: () => recordReaderRows(csv),
    papaStep: () => papaStep(csv),
    papaChunk: () => papaChunk(csv),
  });
  const library = r.papaStep!.rowsPerSecond >= r.papaChunk!.rowsPerSecond ? { mode: "step", ...r.papaStep! } : { mode: "chunk", ...r.papaChunk! };
  out.csv = {
    file: csv,
    sizeBytes: fs.statSync(csv).size,
    ours: r.ours,
    oursRecordReader: r.oursRecordReader,
    papaparseStep: r.papaStep,
    papaparseChunk: r.papaChunk,
    ratio: r.ours!.rowsPerSecond / library.rowsPerSecond,
    libraryMode: library.mode,
  };
}
const xlsx = arg("xlsx");
if (xlsx) {
  const r = await race({ ours: () => sourceRows(() => openXlsxSource(xlsx)), exceljs: () => exceljsRows(xlsx) });
  out.xlsx = { file: xlsx, sizeBytes: fs.statSync(xlsx).size, ours: r.ours, exceljs: r.exceljs, ratio: r.ours!.rowsPerSecond / r.exceljs!.rowsPerSecond };
}
out.peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(out) + "\n");
