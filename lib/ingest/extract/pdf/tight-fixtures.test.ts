import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdrFixtures } from "../../../../tests/support/corpora";
import { planFile, planSample } from "../../pipeline/plan-file";
import type { LayoutPlan } from "../../../schemas/mapping";
import { openPdfSource } from "./pdf-source";
import { makePdfFixtures, type FixtureTruth } from "./test-fixtures";
import { writeTablePdf } from "./test-pdf-writer";

const cdr = cdrFixtures();
const samples = cdr ? (JSON.parse(fs.readFileSync(path.join(cdr, "INDEX.json"), "utf8")) as { file: string }[]).map((e) => e.file) : [];
const ROWS = 36;

/** What must not change between a carrier's text file and its PDF: zone, carrier, target, column fields. */
const essentials = (p: LayoutPlan) => ({ timezone: p.timezone, carrier: p.carrier, target: p.target, fields: p.columns.map((c) => c.field) });

// Every sample layout set as a carrier would print it, columns 1.2 pt apart (less than a space at
// 6 pt) or drawn as a ruled grid, wrapped two-line headers, the preamble 10 pt above the header.
describe.skipIf(!cdr)("the sample carrier layouts as tight and as ruled PDFs read and map like their text files", () => {
  const truths = new Map<string, FixtureTruth>();
  const dirs: string[] = [];
  beforeAll(() => {
    for (const f of samples) {
      const made = makePdfFixtures(path.join(cdr as string, f), ["--scan-pages", "0"]);
      truths.set(f, made.truth);
      dirs.push(made.dir);
    }
  });
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it.each(["tight", "ruled"] as const)("%s", async (style) => {
    const wrong: string[] = [];
    for (const f of samples) {
      const truth = truths.get(f) as FixtureTruth;
      const headers = truth.headers.map((h) => (h.length > 10 && h.includes(" ") ? h.replace(" ", "\n") : h));
      const rows = truth.rows.slice(0, ROWS);
      const file = writeTablePdf({ preamble: truth.preamble, headers, rows, gap: style === "tight" ? 1.2 : 1, ruled: style === "ruled", preambleGap: 10, font: 6 });
      dirs.push(path.dirname(file));
      const src = await openPdfSource(file);
      const sample = await src.sample();
      await src.close();
      const text = await planFile({ filePath: path.join(cdr as string, f), fileName: f, templates: [] });
      await text.source.close();
      if (JSON.stringify(sample.headers) !== JSON.stringify(truth.headers)) wrong.push(`${f}: headers ${JSON.stringify(sample.headers)}`);
      if (JSON.stringify(sample.sampleRows.map((r) => r.cells)) !== JSON.stringify(rows)) wrong.push(`${f}: rows differ`);
      const pdfPlan = essentials(planSample(sample, { templates: [] }));
      if (JSON.stringify(pdfPlan) !== JSON.stringify(essentials(text.plan))) wrong.push(`${f}: plan ${JSON.stringify(pdfPlan)} vs ${JSON.stringify(essentials(text.plan))}`);
    }
    expect(wrong).toEqual([]);
  });
});
