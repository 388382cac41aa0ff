import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdrFixtures } from "../../../../tests/support/corpora";
import type { SourceRow } from "../../types";
import { planFile, planSample } from "../../pipeline/plan-file";
import { openPdfSource } from "./pdf-source";
import { makePdfFixtures, type FixtureTruth } from "./test-fixtures";
import { scanFirstPage, writeTablePdf } from "./test-pdf-writer";

const cdr = cdrFixtures();
const isPhone = (s: string) => /^\+?\d{7,15}$/.test(s);

// One scanned page (~40 rows) keeps this under a minute even on a busy 2-core machine.
describe.skipIf(!cdr)("openPdfSource on a scanned (image-only) page", () => {
  let made: { dir: string; base: string; truth: FixtureTruth };
  beforeAll(() => {
    made = makePdfFixtures(path.join(cdr as string, "att-1.csv"), ["--scan-pages", "1"]);
  });
  afterAll(() => fs.rmSync(made.dir, { recursive: true, force: true }));

  it("reads the rows by OCR with ≥ 95 % of phone cells exact and a confidence on every row", async () => {
    const src = await openPdfSource(path.join(made.dir, `${made.base}.scan.pdf`));
    const sample = await src.sample();
    const rows: SourceRow[] = [];
    for await (const batch of src.rows()) rows.push(...batch);
    await src.close();

    expect(sample.ocr).toBe(true);
    expect(sample.headers).toEqual(made.truth.headers);
    expect(sample.preamble).toContain("Target: 7133537623");
    expect(rows.length).toBeGreaterThanOrEqual(36);
    const phoneCols = made.truth.headers.map((_, c) => c).filter((c) => made.truth.rows.slice(0, 30).every((r) => isPhone(r[c] ?? "")));
    expect(phoneCols.length).toBe(4); // originating, terminating, IMEI, IMSI
    let total = 0;
    let exact = 0;
    rows.forEach((r, i) => {
      for (const c of phoneCols) {
        total++;
        if (r.cells[c] === made.truth.rows[i]?.[c]) exact++;
      }
      expect(r.ocrConfidence).toBeGreaterThanOrEqual(0);
      expect(r.ocrConfidence).toBeLessThanOrEqual(1);
    });
    process.stderr.write(`[pdf-ocr] phone cells exact: ${exact}/${total}\n`);
    expect(exact / total).toBeGreaterThanOrEqual(0.95);

    // The scan maps like its text file: same zone, carrier, target and column fields.
    const text = await planFile({ filePath: path.join(cdr as string, "att-1.csv"), fileName: "att-1.csv", templates: [] });
    await text.source.close();
    const scan = planSample(sample, { templates: [] });
    const essentials = (p: typeof scan) => ({ timezone: p.timezone, carrier: p.carrier, target: p.target, fields: p.columns.map((c) => c.field) });
    expect(essentials(scan)).toEqual(essentials(text.plan));
  });
});

// A carrier page set tight (2.5 pt between columns at 7.5 pt, wrapped headers, preamble 10 pt above
// the header), scanned: OCR words must fall into the text version's columns. One page, ~8 s.
describe.skipIf(!cdr)("a tightly set carrier page, scanned", () => {
  it("maps like its text version: zone, carrier, target and the core columns", async () => {
    const made = makePdfFixtures(path.join(cdr as string, "verizon-1.txt"), ["--scan-pages", "0"]);
    try {
      const headers = made.truth.headers.map((h) => (h.length > 10 && h.includes(" ") ? h.replace(" ", "\n") : h));
      const file = writeTablePdf({ preamble: made.truth.preamble, headers, rows: made.truth.rows.slice(0, 30), gap: 2.5, preambleGap: 10 });
      const read = async (f: string) => {
        const src = await openPdfSource(f);
        const s = await src.sample();
        await src.close();
        return s;
      };
      const text = planSample(await read(file), { templates: [] });
      const scanSample = await read(await scanFirstPage(file));
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      expect(scanSample.ocr).toBe(true);
      const scan = planSample(scanSample, { templates: [] });
      expect({ tz: scan.timezone, carrier: scan.carrier, target: scan.target }).toEqual({ tz: text.timezone, carrier: text.carrier, target: text.target });
      const at = (p: typeof scan, field: string) => p.columns.find((c) => c.field === field)?.index ?? -1;
      for (const field of ["caller", "callee", "start_time", "duration_seconds", "record_type"]) expect([field, at(scan, field)]).toEqual([field, at(text, field)]);
    } finally {
      fs.rmSync(made.dir, { recursive: true, force: true });
    }
  });
});
