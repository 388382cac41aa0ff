#!/usr/bin/env node
// Converts one carrier text file (CSV/TSV/pipe, from ../shared/fixtures/cdr) into the other formats
// carriers deliver, so a test can check they all load to the same normalized rows:
//   NAME.xlsx      exceljs: preamble lines as title rows (first one merged), a legend sheet first,
//                  phone-like columns stored as numbers
//   NAME.xls       legacy BIFF8 written by SheetJS (xlsx@0.18.5)
//   NAME.json      {"report": {preamble lines}, "records": [{header: value, …}]}
//   NAME.text.pdf  and NAME.scan.pdf via scripts/make-pdf-fixtures.mjs (--scan-pages, default 1)
// Deterministic. usage: node scripts/make-format-fixtures.mjs --input FILE --out DIR [--scan-pages N]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import XLSX from "xlsx";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const input = path.resolve(arg("input", path.join(root, "../shared/fixtures/cdr/att-1.csv")));
const outDir = path.resolve(arg("out", path.join(root, "tests/fixtures/generated")));
const scanPages = arg("scan-pages", "1");
fs.mkdirSync(outDir, { recursive: true });
const base = path.basename(input).replace(/\.[^.]+$/, "");

// The PDF generator also writes NAME.rows.json: the file's preamble, header and rows as it reads them.
execFileSync(process.execPath, [path.join(root, "scripts/make-pdf-fixtures.mjs"), "--input", input, "--out", outDir, "--scan-pages", scanPages], { stdio: "inherit" });
const { preamble, headers, rows } = JSON.parse(fs.readFileSync(path.join(outDir, `${base}.rows.json`), "utf8"));
// Phone-like columns go in as numbers, as carriers' workbooks often hold them — except values
// with a leading 0 (011… international), which a number cell would silently shorten.
const phoneLike = headers.map((_, c) => rows.every((r) => /^\d{7,15}$/.test(r[c] ?? "") || (r[c] ?? "") === ""));
const asCell = (v, c) => (phoneLike[c] && v && !v.startsWith("0") ? Number(v) : (v ?? ""));

const wb = new ExcelJS.Workbook();
wb.addWorksheet("Legend").addRows([["Legend"], ["MO = mobile originated"], ["MT = mobile terminated"]]);
const sheet = wb.addWorksheet("Records");
for (const line of preamble) sheet.addRow([line]);
if (preamble.length > 0) sheet.mergeCells(1, 1, 1, Math.max(2, headers.length));
sheet.addRow(headers);
for (const r of rows) sheet.addRow(headers.map((_, c) => asCell(r[c], c)));
await wb.xlsx.writeFile(path.join(outDir, `${base}.xlsx`));

const aoa = [...preamble.map((l) => [l]), headers, ...rows];
const xls = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(xls, XLSX.utils.aoa_to_sheet(aoa), "CDR");
XLSX.writeFile(xls, path.join(outDir, `${base}.xls`), { bookType: "biff8" });

const report = Object.fromEntries(preamble.map((l, i) => [`line${i + 1}`, l]));
const records = rows.map((r) => Object.fromEntries(headers.map((h, c) => [h, r[c] ?? ""])));
fs.writeFileSync(path.join(outDir, `${base}.json`), JSON.stringify({ report, records }, null, 1));
process.stderr.write(`wrote ${base}.{xlsx,xls,json,text.pdf,scan.pdf} to ${outDir}\n`);
