import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planSample } from "../../pipeline/plan-file";
import { recordBuilderFor } from "../../normalize/record-builder";
import type { SourceRow, TableSample } from "../../types";
import { openPdfSource } from "./pdf-source";
import { writeTablePdf, type TablePdfSpec } from "./test-pdf-writer";

const headers = ["Start Date/Time", "Duration", "Originating\nNumber", "Terminating\nNumber", "Call\nType"];
const rows = Array.from({ length: 14 }, (_, i) => [
  `2024-03-${String(i + 1).padStart(2, "0")} 1${i % 10}:0${i % 6}:15`,
  `${((i * 37) % 600) + 5}`,
  "7133537623",
  `21455512${String(10 + i)}`,
  i % 3 === 0 ? "SMS" : "Voice Call",
]);
const preamble = ["Verizon Wireless - Call Detail Records", "MDN: 7133537623", "Time Zone: UTC"];
const files: string[] = [];
afterAll(() => files.forEach((f) => fs.rmSync(path.dirname(f), { recursive: true, force: true })));

async function read(spec: TablePdfSpec): Promise<{ sample: TableSample; rows: SourceRow[] }> {
  const file = writeTablePdf(spec);
  files.push(file);
  const src = await openPdfSource(file);
  const sample = await src.sample();
  const out: SourceRow[] = [];
  for await (const b of src.rows()) out.push(...b);
  await src.close();
  return { sample, rows: out };
}

const flatHeaders = headers.map((h) => h.replace("\n", " "));

// 2.5 pt between columns at 7.5 pt: pdf.js's text layer joins such runs with a made-up space;
// 1.2 pt is narrower than a space: only the header tells those columns apart.
describe.each([2.5, 1.2])("PDF tables whose columns sit close together (%s pt apart)", (gap) => {
  const spec: TablePdfSpec = { preamble, headers, rows, gap, preambleGap: 10 };

  it("keeps close columns apart, joins two-line header cells per column and keeps the preamble out of the header", async () => {
    const { sample, rows: got } = await read(spec);
    expect(sample.headers).toEqual(flatHeaders);
    expect(sample.preamble).toEqual(preamble);
    expect(got.map((r) => r.cells)).toEqual(rows);
  });

  it("maps like the text file: the stated zone is read and durations are the column's", async () => {
    const { sample } = await read(spec);
    const plan = planSample(sample, { templates: [] });
    expect(plan.timezone).toBe("UTC");
    const build = recordBuilderFor(plan, sample.sampleRows);
    const durations = sample.sampleRows.map((r) => build(r)).map((r) => (r.ok ? r.record.duration_seconds : null));
    expect(durations).toEqual(rows.map((r) => (r[4] === "SMS" ? 0 : Number(r[1]))));
  });

  it("gives the same split when a reviewer names the header line the reader found", async () => {
    const file = writeTablePdf(spec);
    files.push(file);
    const detected = await openPdfSource(file);
    const s1 = await detected.sample();
    await detected.close();
    const chosen = await openPdfSource(file, { headerLine: s1.headerLine });
    const s2 = await chosen.sample();
    await chosen.close();
    expect(s2.headers).toEqual(s1.headers);
    expect(s2.preamble).toEqual(s1.preamble);
    expect(s2.sampleRows.map((r) => r.cells)).toEqual(s1.sampleRows.map((r) => r.cells));
  });
});

describe("PDF tables drawn with ruling lines", () => {
  it("takes the columns from the rules and keeps a two-line cell in one row", async () => {
    const ruledRows = rows.map((r, i) => (i === 4 ? [r[0]!, r[1]!, r[2]!, r[3]!, "Voice\nCall"] : r));
    const { sample, rows: got } = await read({ preamble, headers, rows: ruledRows, gap: 1.5, ruled: true, preambleGap: 14 });
    expect(sample.headers).toEqual(flatHeaders);
    expect(sample.preamble).toEqual(preamble);
    expect(got.map((r) => r.cells)).toEqual(ruledRows.map((r) => r.map((c) => c.replace("\n", " "))));
  });
});

describe("preamble statements set tight above the header", () => {
  it("keeps a larger-type line without a colon out of the header (its zone still counts)", async () => {
    const sprint = ["SPRINT CORPORATE SECURITY", "SUBSCRIBER 6022650561", "ALL TIMES ARE UTC"];
    const { sample } = await read({ preamble: sprint, headers, rows, gap: 3, preambleGap: 9 });
    expect(sample.headers).toEqual(flatHeaders);
    expect(sample.preamble).toEqual(sprint);
  });
});

describe("a ruled table over two pages", () => {
  it("does not read the repeated header band of page 2 as a row", async () => {
    const { writeTablePdfPages } = await import("./test-pdf-writer");
    const file = writeTablePdfPages([
      { preamble, headers, rows: rows.slice(0, 7), gap: 2, ruled: true, preambleGap: 14 },
      { preamble: [], headers, rows: rows.slice(7), gap: 2, ruled: true },
    ]);
    files.push(file);
    const src = await openPdfSource(file);
    const sample = await src.sample();
    const got: string[][] = [];
    for await (const b of src.rows()) got.push(...b.map((r) => r.cells));
    await src.close();
    expect(sample.headers).toEqual(flatHeaders);
    expect(got).toEqual(rows);
  });
});
