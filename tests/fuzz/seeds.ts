import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { CORPORA_DIR, cdrFixtures } from "../support/corpora";

/** The well-formed files the fuzzer mutates: carrier text files, workbooks, PDFs and JSON. */
export type SeedKind = "text" | "xlsx" | "pdf" | "json";
export interface Seed {
  name: string;
  kind: SeedKind;
  bytes: Buffer;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A small, valid call table; the same rows feed the generated xlsx, JSON and PDF seeds. */
export function syntheticRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const mm = String(i % 60).padStart(2, "0");
    rows.push([
      `2023-03-${String((i % 27) + 1).padStart(2, "0")} 1${i % 10}:${mm}:0${i % 10}`,
      `+1312930${String(4860 + i).padStart(4, "0")}`,
      `+12143433${String(420 + (i % 500)).padStart(3, "0")}`,
      String((i * 37) % 900),
      i % 3 === 0 ? "SMS" : "Voice",
      i % 2 === 0 ? "Outgoing" : "Incoming",
    ]);
  }
  return rows;
}
export const SYNTHETIC_HEADER = ["Start Time (UTC)", "Calling Number", "Called Number", "Duration (s)", "Type", "Direction"];

async function xlsxSeed(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Calls");
  ws.addRow(["Subscriber call detail — all times UTC"]);
  ws.addRow(SYNTHETIC_HEADER);
  for (const r of syntheticRows(60)) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function jsonSeeds(): Seed[] {
  const records = syntheticRows(40).map((r) => Object.fromEntries(SYNTHETIC_HEADER.map((h, i) => [h, r[i]])));
  return [
    { name: "calls.json", kind: "json", bytes: Buffer.from(JSON.stringify({ subscriber: "+13129304860", timezone: "UTC", records }, null, 1)) },
    { name: "calls.ndjson", kind: "json", bytes: Buffer.from(records.map((r) => JSON.stringify(r)).join("\n") + "\n") },
  ];
}

function pdfSeeds(workDir: string, fixtures: string | null): Seed[] {
  const seeds: Seed[] = [];
  const input = fixtures ? path.join(fixtures, "generic-3.tsv") : null;
  if (input && fs.existsSync(input)) {
    const out = path.join(workDir, "pdf-seeds");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/make-pdf-fixtures.mjs"), "--input", input, "--out", out, "--scan-pages", "0"], { stdio: "ignore" });
    for (const f of fs.readdirSync(out).filter((f) => f.endsWith(".pdf"))) seeds.push({ name: f, kind: "pdf", bytes: fs.readFileSync(path.join(out, f)) });
  }
  for (const rel of ["camelot/files/row_span_2.pdf", "tabula-java/eu-002.pdf", "tabula-java/MultiColumn.pdf"]) {
    const p = path.join(CORPORA_DIR, rel);
    if (fs.existsSync(p)) seeds.push({ name: path.basename(p), kind: "pdf", bytes: fs.readFileSync(p) });
  }
  return seeds;
}

function corpusSeeds(): Seed[] {
  const picks: [string, SeedKind][] = [
    ["sheetjs-test_files/text_and_numbers.xlsx", "xlsx"],
    ["sheetjs-test_files/1904/1904.xlsx", "xlsx"],
    ["sheetjs-test_files/DataTypesFormats.xlsx", "xlsx"],
    ["csv-spectrum/csvs/quotes_and_newlines.csv", "text"],
    ["csv-spectrum/csvs/utf8.csv", "text"],
    ["vanillaes-csv-rfc4180/rfc3.json", "json"],
  ];
  return picks
    .map(([rel, kind]) => ({ p: path.join(CORPORA_DIR, rel), kind }))
    .filter(({ p }) => fs.existsSync(p))
    .map(({ p, kind }) => ({ name: path.basename(p), kind, bytes: fs.readFileSync(p) }));
}

/** The first `max` bytes up to a line end: the preamble, header and ~80 rows are what mutations need; the rest only costs time. */
function head(bytes: Buffer, max: number): Buffer {
  if (bytes.length <= max) return bytes;
  const nl = bytes.lastIndexOf(0x0a, max);
  return bytes.subarray(0, nl > 0 ? nl + 1 : max);
}

/** Every seed available here; the carrier fixtures are the core, the corpora add odd but valid shapes. */
export async function loadSeeds(workDir: string): Promise<Seed[]> {
  const fixtures = cdrFixtures();
  const seeds: Seed[] = [];
  if (fixtures) {
    for (const f of fs.readdirSync(fixtures).filter((f) => /\.(csv|tsv|txt)$/.test(f)))
      seeds.push({ name: f, kind: "text", bytes: head(fs.readFileSync(path.join(fixtures, f)), 4096) });
  }
  seeds.push({ name: "generated.xlsx", kind: "xlsx", bytes: await xlsxSeed() });
  seeds.push(...jsonSeeds(), ...pdfSeeds(workDir, fixtures), ...corpusSeeds());
  return seeds;
}
