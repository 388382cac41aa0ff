import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdrFixtures } from "../../../../tests/support/corpora";
import type { SourceRow } from "../../types";
import { openPdfSource } from "./pdf-source";
import { makePdfFixtures, type FixtureTruth } from "./test-fixtures";

const cdr = cdrFixtures();

async function readAll(file: string, progress?: (d: number, t: number) => void) {
  const src = await openPdfSource(file, { onPageProgress: progress });
  const sample = await src.sample();
  const rows: SourceRow[] = [];
  for await (const batch of src.rows()) rows.push(...batch);
  const bytes = [src.bytesRead(), src.bytesTotal];
  await src.close();
  return { sample, rows, bytes };
}

describe.skipIf(!cdr)("openPdfSource on generated text PDFs", () => {
  const made: { dir: string; base: string; truth: FixtureTruth }[] = [];
  beforeAll(() => {
    for (const f of ["att-1.csv", "tmobile-1.tsv", "tmobile-2.tsv"]) made.push(makePdfFixtures(path.join(cdr as string, f), ["--scan-pages", "0"]));
  });
  afterAll(() => made.forEach((m) => fs.rmSync(m.dir, { recursive: true, force: true })));

  it("yields exactly the rows and header of the source text file, across pages", async () => {
    for (const { dir, base, truth } of made) {
      const progress: number[][] = [];
      const { sample, rows, bytes } = await readAll(path.join(dir, `${base}.text.pdf`), (d, t) => progress.push([d, t]));
      expect(sample.headers, base).toEqual(truth.headers);
      expect(
        rows.map((r) => r.cells),
        base,
      ).toEqual(truth.rows);
      expect(rows.map((r) => r.line)).toEqual(truth.rows.map((_, i) => i + 1));
      expect(sample.ocr).toBe(false);
      expect(bytes[0]).toBe(bytes[1]);
      const pages = progress.length;
      expect(pages).toBeGreaterThan(3);
      expect(progress.at(-1)).toEqual([pages, pages]);
    }
  });

  it("keeps the preamble for the classifier and names the page in raw", async () => {
    const { dir, base, truth } = made[0] as (typeof made)[number];
    const { sample, rows } = await readAll(path.join(dir, `${base}.text.pdf`));
    for (const line of truth.preamble) expect(sample.preamble).toContain(line);
    expect(sample.preamble.some((l) => /page \d+ of/i.test(l))).toBe(false);
    expect(sample.headerLine).toBe(truth.preamble.length + 2);
    expect(sample.sampleRows.map((r) => r.cells)).toEqual(truth.rows.slice(0, 200));
    expect(rows.at(-1)?.raw).toMatch(/^266 \| 10\/04\/23 \| .* \| 21369-3 \(page 7\)$/);
  });

  it("treats a reviewer's headerless choice as every table line being data", async () => {
    const { dir, base, truth } = made[0] as (typeof made)[number];
    const src = await openPdfSource(path.join(dir, `${base}.text.pdf`), { headerLine: null });
    const sample = await src.sample();
    await src.close();
    expect(sample.headerLine).toBeNull();
    // The header line is now just the first row; the real data rows follow it unchanged.
    expect(sample.sampleRows[0]?.cells[0]).toBe("Item");
    expect(sample.sampleRows.map((r) => r.cells)).toContainEqual(truth.rows[0]);
  });
});

describe("openPdfSource failures", () => {
  it("rejects a file that is not a PDF with a stable code", async () => {
    await expect(openPdfSource(import.meta.filename)).rejects.toMatchObject({ code: "pdf_unreadable" });
  });
});
