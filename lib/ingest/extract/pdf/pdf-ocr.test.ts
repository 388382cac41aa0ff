import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdrFixtures } from "../../../../tests/support/corpora";
import type { SourceRow } from "../../types";
import { openPdfSource } from "./pdf-source";
import { makePdfFixtures, type FixtureTruth } from "./test-fixtures";

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
  });
});
