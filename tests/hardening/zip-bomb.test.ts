import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeJob } from "../../lib/jobs/execute-job";
import { confirmMapping } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import type { MappingOverride } from "../../lib/schemas/mapping";
import { caseSqliteHarness } from "../support/case-sqlite";
import { writeXlsx } from "../support/zip-writer";

/**
 * Issue 19: zip bombs are refused early. A 1,000:1 workbook is refused from its zip directory
 * before anything is inflated; one whose directory lies is stopped within the first megabytes of
 * inflating; one under the ratio cap but larger than MAX_INFLATED_BYTES is refused, and a
 * reviewer's confirmed mapping reruns it under the same cap. Real workbooks written by a minimal
 * zip writer (tests/support/zip-writer.ts), loaded through executeJob into a real SQLite file.
 */
const h = caseSqliteHarness();
const SMALL_CAP = 32 * 1024 * 1024;
const HEADER = ["Start Time", "Caller", "Callee", "Duration"];
const MAPPING: MappingOverride = {
  columns: [
    { index: 0, field: "start_time" },
    { index: 1, field: "caller" },
    { index: 2, field: "callee" },
    { index: 3, field: "duration_seconds", format: "seconds" },
  ],
  timezone: "UTC",
};

function callRows(n: number, from = 0): string[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const t = new Date(Date.UTC(2024, 0, 1) + i * 61_000).toISOString().slice(0, 19).replace("T", " ");
    return [t, `+1212555${String(i % 10_000).padStart(4, "0")}`, "+17135550100", String(i % 600)];
  });
}

/** Real call rows, each followed by `spaces` of whitespace: compresses to about the ratio wanted. */
function rowsWithWhitespace(rows: string[][], spaces: number, firstLine: number): Buffer {
  const cols = "ABCD";
  const pad = " ".repeat(spaces);
  return Buffer.from(
    rows.map((r, i) => `<row r="${firstLine + i}">${r.map((v, j) => `<c r="${cols[j]}${firstLine + i}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>${pad}`).join(""),
  );
}

function save(name: string, bytes: Buffer): string {
  const file = path.join(h.tmp.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function timedLoad(file: string, caseId: number, mapping?: MappingOverride) {
  const t0 = performance.now();
  const r = await h.load(file, caseId, h.inline, mapping);
  return { ...r, ms: performance.now() - t0 };
}

const saved = process.env.MAX_INFLATED_BYTES;
let bomb1000: Buffer;
beforeAll(() => {
  // 128 MB of whitespace after a real header and rows: deflate packs it about 1,000:1.
  bomb1000 = writeXlsx([HEADER, ...callRows(50)], { filler: Buffer.alloc(128 * 1024 * 1024, 0x20) });
});
afterAll(() => {
  if (saved === undefined) delete process.env.MAX_INFLATED_BYTES;
  else process.env.MAX_INFLATED_BYTES = saved;
});

describe("zip bombs are refused before or within the first seconds of inflating", () => {
  it("a 1,000:1 workbook is refused from its directory's declared sizes, before any inflate", async () => {
    expect(bomb1000.length).toBeLessThan(200 * 1024);
    const caseId = await h.newCase();
    const { row, ms, jobId } = await timedLoad(save("bomb-1000.xlsx", bomb1000), caseId);
    console.info(`1000:1 workbook (${bomb1000.length} bytes) refused in ${ms.toFixed(0)} ms`);
    expect(row.status).toBe("failed");
    expect(row.errorCode).toBe("zip_bomb");
    expect(row.errorMessage).toMatch(/xl\/worksheets\/sheet1\.xml declares it expands to 128 MB from \d+ KB \([\d,]+× its size\).*looks like a zip bomb and was not read/);
    expect(ms).toBeLessThan(5_000);
    expect([row.rowsRead, row.inserted, h.recordsOf(jobId)]).toEqual([0, 0, 0]);
  });

  it("the same bomb with a directory that declares a small size is stopped as soon as it inflates past it", async () => {
    const lying = writeXlsx([HEADER, ...callRows(50)], { filler: Buffer.alloc(128 * 1024 * 1024, 0x20), declaredSheetSize: 40_000 });
    const caseId = await h.newCase();
    const { row, ms, jobId } = await timedLoad(save("bomb-lying.xlsx", lying), caseId, MAPPING);
    console.info(`lying-directory workbook refused in ${ms.toFixed(0)} ms`);
    expect(row.errorCode).toBe("zip_bomb");
    expect(row.errorMessage).toMatch(/expands past the 39 KB its zip directory declares.*looks like a zip bomb/);
    expect(ms).toBeLessThan(5_000);
    expect([row.rowsRead, row.inserted, h.recordsOf(jobId)]).toEqual([0, 0, 0]);
  });

  it("a bomb whose directory declares no size is stopped by the running inflate ratio within the first seconds", async () => {
    const undeclared = writeXlsx([HEADER, ...callRows(50)], { filler: Buffer.alloc(128 * 1024 * 1024, 0x20), declaredSheetSize: 0 });
    const caseId = await h.newCase();
    const { row, ms, jobId } = await timedLoad(save("bomb-undeclared.xlsx", undeclared), caseId, MAPPING);
    console.info(`undeclared-size workbook refused in ${ms.toFixed(0)} ms`);
    expect(row.errorCode).toBe("zip_bomb");
    expect(row.errorMessage).toMatch(/expanded to \d+ MB from \d+ KB of packed data \([\d,]+× its size\).*looks like a zip bomb/);
    expect(ms).toBeLessThan(5_000);
    expect([row.rowsRead, row.inserted, h.recordsOf(jobId)]).toEqual([0, 0, 0]);
  });
});

describe("MAX_INFLATED_BYTES caps a workbook under the ratio cap, and a reviewer's confirm cannot lift it", () => {
  let honest: Buffer;
  let inflated = 0;
  beforeAll(() => {
    process.env.MAX_INFLATED_BYTES = String(SMALL_CAP);
    const filler = Buffer.concat(Array.from({ length: 8 }, (_, k) => rowsWithWhitespace(callRows(800, 1000 + k * 800), 10_000, 52 + k * 800)));
    inflated = filler.length;
    honest = writeXlsx([HEADER, ...callRows(50)], { filler });
  });

  it("is refused from its declared total at the first run and again after the mapping is confirmed", async () => {
    const ratio = inflated / honest.length;
    console.info(`under-cap workbook: ${honest.length} bytes → ${inflated} inflated, ${ratio.toFixed(0)}:1`);
    expect(ratio).toBeGreaterThan(100);
    expect(ratio).toBeLessThan(500);
    expect(inflated).toBeGreaterThan(SMALL_CAP);
    const caseId = await h.newCase();
    const first = await timedLoad(save("big-258.xlsx", honest), caseId);
    console.info(`over-cap workbook refused in ${first.ms.toFixed(0)} ms`);
    expect(first.row.status).toBe("failed");
    expect(first.row.errorCode).toBe("workbook_too_large");
    expect(first.row.errorMessage).toMatch(/expands to more than 32 MB when unzipped \(declared \d+ MB, [\d,]+× its size\).*MAX_INFLATED_BYTES/);
    expect(first.ms).toBeLessThan(5_000);

    // The reviewer confirms a mapping: the rerun goes through the same reader and the same cap.
    await confirmMapping(h.db, first.jobId, MAPPING, null);
    const t0 = performance.now();
    await executeJob(h.db, h.tmp.databaseUrl, first.jobId, h.inline, silentJobEvents);
    const ms = performance.now() - t0;
    const row = await h.db.ingestionJob.findUniqueOrThrow({ where: { id: first.jobId } });
    expect(row.errorCode).toBe("workbook_too_large");
    expect(ms).toBeLessThan(5_000);
    expect([row.rowsRead, row.inserted, h.recordsOf(first.jobId)]).toEqual([0, 0, 0]);
  });

  it("with no sizes declared it loads until the cap, then fails and keeps no rows (counts reconcile)", async () => {
    const undeclared = writeXlsx([HEADER, ...callRows(50)], {
      filler: Buffer.concat(Array.from({ length: 8 }, (_, k) => rowsWithWhitespace(callRows(800, 1000 + k * 800), 10_000, 52 + k * 800))),
      declaredSheetSize: 0,
    });
    const caseId = await h.newCase();
    const { row, ms, jobId } = await timedLoad(save("big-undeclared.xlsx", undeclared), caseId, MAPPING);
    console.info(`undeclared over-cap workbook refused in ${ms.toFixed(0)} ms`);
    expect(row.status).toBe("failed");
    expect(row.errorCode).toBe("workbook_too_large");
    expect(row.errorMessage).toMatch(/expands to more than 32 MB when unzipped.*MAX_INFLATED_BYTES/);
    expect(ms).toBeLessThan(5_000);
    expect([row.rowsRead, row.inserted, h.recordsOf(jobId), h.errorsOf(jobId)]).toEqual([0, 0, 0, 0]);
  });

  it("an honest workbook under every cap still loads in full", async () => {
    const ok = writeXlsx([HEADER, ...callRows(300)]);
    const caseId = await h.newCase();
    const { row, jobId } = await timedLoad(save("honest.xlsx", ok), caseId, MAPPING);
    expect(row.status).toBe("completed");
    expect(row.inserted).toBe(300);
    expect(h.recordsOf(jobId)).toBe(300);
  });
});
