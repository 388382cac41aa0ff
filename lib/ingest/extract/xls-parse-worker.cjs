"use strict";
/**
 * Parses one legacy .xls (BIFF) file with SheetJS inside a worker thread. xlsx@0.18.5 has
 * public advisories (CVE-2023-30533 prototype pollution on read, CVE-2024-22363 ReDoS) and
 * no fixed build on npm, so every file is treated as hostile: the parent runs this with a
 * heap cap and a timeout, and the shared prototypes are frozen here BEFORE SheetJS loads, so
 * a crafted file cannot pollute Object.prototype (and a polluted worker dies with its thread).
 *
 * Plain CommonJS on purpose: it runs as-is under vitest/tsx and after the app is bundled
 * (it must be shipped beside the bundle that starts it). Returns plain arrays to the parent:
 * strings, numbers, and { v, fmt } for numbers with a non-General format (dates, times).
 */
const { parentPort, workerData } = require("node:worker_threads");

for (const ctor of [Object, Array, Function, String, Number, Boolean, RegExp, Date, Map, Set, WeakMap, WeakSet, Error, Promise, Symbol, ArrayBuffer, Uint8Array]) {
  Object.freeze(ctor.prototype);
}
Object.freeze(Object);

const XLSX = require("xlsx");

const HIDDEN = new Set([1, 2]);

function cellOf(cell) {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case "n":
      return cell.z && cell.z !== "General" ? { v: cell.v, fmt: String(cell.z) } : cell.v;
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return typeof cell.w === "string" ? cell.w : "#ERROR";
    case "d":
      return cell.v instanceof Date
        ? cell.v
            .toISOString()
            .replace("T", " ")
            .replace(/\.\d+Z$/, "")
        : String(cell.v);
    default:
      return String(cell.v);
  }
}

function sheetRows(sheet) {
  const rows = [];
  if (!Array.isArray(sheet)) return rows;
  for (let r = 0; r < sheet.length; r++) {
    const row = sheet[r];
    if (!row) continue;
    const cells = new Array(row.length);
    let any = false;
    for (let c = 0; c < row.length; c++) {
      const v = cellOf(row[c]);
      cells[c] = v;
      if (v !== null && v !== "") any = true;
    }
    if (any) rows.push({ line: r + 1, cells });
  }
  return rows;
}

try {
  const wb = XLSX.readFile(workerData.filePath, {
    dense: true,
    cellNF: true,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    bookVBA: false,
  });
  const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
  const sheets = wb.SheetNames.map((name, i) => {
    const rows = sheetRows(wb.Sheets[name]);
    return {
      name: String(name),
      hidden: HIDDEN.has(meta[i] && meta[i].Hidden),
      rows,
      lastRow: rows.length ? rows[rows.length - 1].line : 0,
    };
  });
  const date1904 = Boolean(wb.Workbook && wb.Workbook.WBProps && wb.Workbook.WBProps.date1904);
  parentPort.postMessage({ ok: true, date1904, sheets });
} catch (err) {
  parentPort.postMessage({ ok: false, message: String((err && err.message) || err).slice(0, 300) });
}
