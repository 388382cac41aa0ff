#!/usr/bin/env node
// Writes a deterministic AT&T-style CDR workbook (one sheet: preamble rows, a blank row, the header,
// then N data rows) from the same row generator as scripts/gen-cdr-csv.mjs. exceljs's streaming
// WorkbookWriter commits each row as it goes, so 200k rows never sit in memory at once. Cells are
// strings as in the CSV (numbers such as 011… and 0:05 keep their exact text); Item is a number,
// as carriers' exports usually have it.
//
// usage: node scripts/bench/gen-xlsx.mjs --rows 200000 --out /tmp/cdr-200k.xlsx [--seed S]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { createCdrGenerator } from "./cdr-rows.mjs";

/** Writes the workbook; resolves to { rows, bytes }. */
export async function writeCdrXlsx({ rows, out, seed }) {
  const gen = createCdrGenerator({ seed });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // useSharedStrings off: inline strings keep the writer's memory flat (no growing string table).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  // Fixed metadata dates: the same rows give the same workbook content.
  wb.created = wb.modified = new Date(Date.UTC(2024, 2, 1));
  wb.creator = "Switchyard bench";
  const ws = wb.addWorksheet("CDR");
  for (const line of gen.preamble) ws.addRow([line]).commit();
  ws.addRow([]).commit();
  ws.addRow(gen.header).commit();
  for (const row of gen.rows(rows)) {
    row[0] = Number(row[0]);
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
  return { rows, bytes: fs.statSync(out).size };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--")) out[argv[i].slice(2)] = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true";
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const rows = Number(args.rows);
  if (!Number.isInteger(rows) || rows < 1 || !args.out) {
    process.stderr.write("usage: node scripts/bench/gen-xlsx.mjs --rows N --out FILE.xlsx [--seed S]\n");
    process.exit(2);
  }
  const t0 = performance.now();
  const r = await writeCdrXlsx({ rows, out: args.out, seed: args.seed ? Number(args.seed) : undefined });
  process.stderr.write(`wrote ${args.out}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
