#!/usr/bin/env node
// What exceljs's streaming WorkbookReader cannot do (the reason lib/ingest/extract/xlsx-*.ts exist
// beside the speed, docs/architecture.md "Libraries we measured"): a workbook whose zip stores a
// worksheet before xl/sharedStrings.xml (LibreOffice and SheetJS write them so) is read in one pass,
// and the text cells of the sheets read before the strings come out empty. For every such .xlsx
// under the given paths, counts the first sheet's non-empty cells with exceljs's full (in-memory)
// reader and with its streaming reader; "LOST" where the streaming reader has fewer.
//
// usage: node scripts/bench/exceljs-order-check.mjs FILE.xlsx… (e.g. $(find ../shared/corpora -iname '*.xlsx'))
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";

const nonEmpty = (v) => v !== null && v !== undefined && v !== "";
let checked = 0;
let lost = 0;
let failed = 0;
for (const f of process.argv.slice(2)) {
  let order;
  try {
    order = execFileSync("unzip", ["-Z1", f], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n");
  } catch {
    continue; // not a zip (encrypted, damaged): not what this is about
  }
  const sheet = order.findIndex((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e));
  const strings = order.indexOf("xl/sharedStrings.xml");
  if (sheet < 0 || strings < 0 || sheet > strings) continue;
  checked++;
  let full = 0;
  let stream = 0;
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => void (nonEmpty(c.text) && full++)));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(f, { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore" });
    let first = true;
    for await (const ws of reader) {
      for await (const row of ws) if (first) row.eachCell((c) => void (nonEmpty(c.text) && stream++));
      first = false;
    }
  } catch (err) {
    failed++;
    process.stdout.write(`ERR   ${f}: ${err.message.slice(0, 100)}\n`);
    continue;
  }
  if (stream < full) lost++;
  process.stdout.write(`${stream < full ? "LOST" : "ok  "}  full reader ${full} cells, streaming ${stream}  ${f}\n`);
}
process.stdout.write(`\n${checked} workbooks store a sheet before xl/sharedStrings.xml; the streaming reader lost cells in ${lost}; ${failed} failed in one of the readers\n`);
