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
import ExcelJS from "exceljs";
import { createCdrGenerator, runGeneratorCli } from "./cdr-rows.mjs";

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

await runGeneratorCli(import.meta.url, "node scripts/bench/gen-xlsx.mjs --rows N --out FILE.xlsx [--seed S]", writeCdrXlsx);
