import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iterateRecords } from "../../lib/data/records";
import { getDb, type Db } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { confirmMapping, createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { runPreviewTask } from "../../lib/jobs/preview-task";
import { loadTaskInputs } from "../../lib/jobs/load-task-inputs";
import type { MappingOverride } from "../../lib/schemas/mapping";
import { createCaseInDb } from "../support/factories";
import { tempDataDir } from "../support/temp-db";

/**
 * Workbench issue 18: reviewers edit structure, not only fields. A file whose start time and
 * caller share one column loads once the reviewer splits it (the same edit the preview showed),
 * the saved template carries the split so the next file of the layout loads without review, and a
 * workbook whose records are on its second sheet loads from the sheet the reviewer (then the
 * template) names. Real engine, real SQLite file.
 */
const tmp = tempDataDir("switchyard-structure-");
let db: Db;
let caseId = 0;
const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);

beforeAll(async () => {
  db = getDb(tmp.databaseUrl);
  caseId = (await createCaseInDb(db, null, "Structure")).id;
});
afterAll(async () => {
  await db?.$disconnect();
  tmp.cleanup();
});

function combinedCsv(rows: number, offset: number): string {
  const lines = ["Call,Callee,Seconds"];
  for (let i = 0; i < rows; i++) {
    const min = String((i + offset) % 60).padStart(2, "0");
    lines.push(`2026-01-05 10:${min}:00 / +171322${String(40000 + i + offset)},+183233${String(40000 + i)},${30 + i}`);
  }
  return `${lines.join("\n")}\n`;
}

async function run(file: string) {
  const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size, caseId });
  return { jobId: job.id, outcome: (await executeJob(db, tmp.databaseUrl, job.id, inline, silentJobEvents))! };
}

async function confirmAndRun(jobId: string, override: MappingOverride) {
  await confirmMapping(db, jobId, override, null);
  return (await executeJob(db, tmp.databaseUrl, jobId, inline, silentJobEvents))!;
}

async function records(jobId: string) {
  const out: { start_time: string; caller: string | null; callee: string | null; duration_seconds: number | null }[] = [];
  for await (const r of iterateRecords(db, { scope: {}, jobId, includeDuplicates: true })) out.push(r);
  return out.sort((a, b) => (a.caller ?? "").localeCompare(b.caller ?? ""));
}

const SPLIT: MappingOverride = {
  transforms: [{ op: "split", column: 0, separator: " / " }],
  columns: [
    { index: 0, field: "start_time" },
    { index: 1, field: "caller" },
    { index: 2, field: "callee" },
    { index: 3, field: "duration_seconds" },
  ],
  timezone: "UTC",
  templateName: "Combined start and caller",
};

describe("structure edits load through the real pipeline", () => {
  it("a file whose start and caller share a column waits for review, loads once split, and its template loads the next file", async () => {
    const first = path.join(tmp.dir, "combined-1.csv");
    fs.writeFileSync(first, combinedCsv(12, 0));
    const held = await run(first);
    expect(held.outcome.status).toBe("needs_review");

    // The preview shows what the split makes of the rows: the same function the load uses.
    const { templates } = await loadTaskInputs(db, null, caseId);
    const preview = await runPreviewTask({ filePath: first, fileName: "combined-1.csv", templates, override: SPLIT });
    expect(preview.headers).toEqual(["Call (1)", "Call (2)", "Callee", "Seconds"]);
    expect(preview.rows.every((r) => r.record !== null)).toBe(true);
    expect(preview.headLines?.[0]).toEqual({ line: 1, text: "Call,Callee,Seconds" });

    const loaded = await confirmAndRun(held.jobId, SPLIT);
    expect(loaded.status).toBe("completed");
    expect(loaded.counts.inserted).toBe(12);
    const got = await records(held.jobId);
    expect(got[0]).toMatchObject({ start_time: "2026-01-05T10:00:00Z", caller: "+17132240000", callee: "+18323340000", duration_seconds: 30 });

    const template = await db.layoutTemplate.findFirstOrThrow({ where: { name: "Combined start and caller" } });
    expect(JSON.parse(template.structure!)).toEqual({ transforms: [{ op: "split", column: 0, separator: " / " }] });

    // The next file of the layout: recognised by its raw header, split as the template says, no review.
    const second = path.join(tmp.dir, "combined-2.csv");
    fs.writeFileSync(second, combinedCsv(7, 20));
    const next = await run(second);
    expect(next.outcome.status).toBe("completed");
    expect(next.outcome.plan?.templateId).toBe(template.id);
    expect(next.outcome.plan?.transforms).toEqual([{ op: "split", column: 0, separator: " / " }]);
    expect(next.outcome.counts.inserted).toBe(7);
    expect((await records(next.jobId))[0]).toMatchObject({ start_time: "2026-01-05T10:20:00Z", caller: "+17132240020", callee: "+18323340000" });
  });

  it("a split naming a column the file lacks fails the job with a sentence, loading nothing", async () => {
    const file = path.join(tmp.dir, "combined-3.csv");
    fs.writeFileSync(file, combinedCsv(3, 40).replace("Call,", "Calls,"));
    const held = await run(file);
    expect(held.outcome.status).toBe("needs_review");
    const bad = await confirmAndRun(held.jobId, { ...SPLIT, templateName: undefined, transforms: [{ op: "split", column: 5, at: 10 }] });
    expect(bad.status).toBe("failed");
    expect(bad.error?.message).toBe("The structure edit (split column 6 at character 10) refers to column 6, but the table has only 3 columns at that point.");
  });

  it("a workbook whose records are on its second sheet loads from the sheet the reviewer picks, and its template picks it next time", async () => {
    async function workbook(file: string, calls: number, offset: number) {
      const wb = new ExcelJS.Workbook();
      const totals = wb.addWorksheet("Totals");
      totals.addRow(["Number", "Calls", "Minutes"]);
      for (let i = 0; i < 40; i++) totals.addRow([`+1555000${String(1000 + i)}`, i + 1, (i + 1) * 3]);
      const detail = wb.addWorksheet("Detail");
      detail.addRow(["Start", "From", "To", "Seconds"]);
      for (let i = 0; i < calls; i++)
        detail.addRow([`2026-02-0${1 + (i % 9)} 08:${String(i + offset).padStart(2, "0")}:00`, `+121455${String(30000 + i + offset)}`, `+131255${String(30000 + i)}`, 10 + i]);
      await wb.xlsx.writeFile(file);
    }
    const first = path.join(tmp.dir, "two-sheets-1.xlsx");
    await workbook(first, 6, 0);
    const held = await run(first);
    // The detector reads the bigger "Totals" table: no calls there, so a person looks.
    expect(held.outcome.status).toBe("needs_review");

    const { templates } = await loadTaskInputs(db, null, caseId);
    const detected = await runPreviewTask({ filePath: first, fileName: "two-sheets-1.xlsx", templates, override: null });
    expect(detected.sheets).toEqual(["Totals", "Detail"]);
    expect(detected.sheet).toBe("Totals");

    const onDetail: MappingOverride = {
      sheet: "Detail",
      columns: [
        { index: 0, field: "start_time" },
        { index: 1, field: "caller" },
        { index: 2, field: "callee" },
        { index: 3, field: "duration_seconds" },
      ],
      timezone: "UTC",
      templateName: "Detail sheet",
    };
    const preview = await runPreviewTask({ filePath: first, fileName: "two-sheets-1.xlsx", templates, override: onDetail });
    expect(preview.sheet).toBe("Detail");
    expect(preview.headers).toEqual(["Start", "From", "To", "Seconds"]);

    const loaded = await confirmAndRun(held.jobId, onDetail);
    expect(loaded.status).toBe("completed");
    expect(loaded.counts.inserted).toBe(6);
    const template = await db.layoutTemplate.findFirstOrThrow({ where: { name: "Detail sheet" } });
    expect(JSON.parse(template.structure!)).toEqual({ sheet: "Detail" });

    const second = path.join(tmp.dir, "two-sheets-2.xlsx");
    await workbook(second, 4, 30);
    const next = await run(second);
    expect(next.outcome.status).toBe("completed");
    expect(next.outcome.plan?.sheet).toBe("Detail");
    expect(next.outcome.counts.inserted).toBe(4);
    expect((await records(next.jobId))[0]).toMatchObject({ start_time: "2026-02-01T08:30:00Z", caller: "+12145530030", callee: "+13125530000" });
  });
});
