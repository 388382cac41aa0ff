import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { iterateRecords } from "../../lib/data/records";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { cdrFixtures } from "../support/corpora";
import { tempDataDir } from "../support/temp-db";

const fixtures = cdrFixtures();
const tmp = tempDataDir();
const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);
afterAll(() => tmp.cleanup());

const key = (r: { start_time: string; caller: string | null; callee: string | null; duration_seconds: number | null; record_type: string; direction: string | null }) =>
  [r.start_time, r.caller, r.callee, Number(r.duration_seconds), r.record_type, r.direction].join("|");

/**
 * The same carrier records delivered as CSV, XLSX, XLS, JSON, text PDF and scanned PDF load to the
 * same normalized rows. Each format gets its own database so the comparison is of what each file
 * yields, not of what deduplication left over.
 */
describe.skipIf(!fixtures)("one carrier file in every format", () => {
  const source = path.join(tmp.dir, "att-sample.csv");
  const out = path.join(tmp.dir, "formats");

  async function load(file: string) {
    const dataDir = fs.mkdtempSync(path.join(tmp.dir, "db-"));
    const databaseUrl = `file:${path.join(dataDir, "s.db")}`;
    const db = getDb(databaseUrl);
    const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size });
    const outcome = (await executeJob(db, databaseUrl, job.id, inline, silentJobEvents))!;
    const keys: string[] = [];
    for await (const r of iterateRecords(db, { scope: {}, jobId: job.id, includeDuplicates: true })) keys.push(key(r));
    await db.$disconnect();
    return { outcome, keys: keys.sort() };
  }

  it("generates the converted files with the repo's script", () => {
    // 40 lines of att-1 (preamble + header + 38 rows): one scanned page keeps OCR time small.
    fs.writeFileSync(source, fs.readFileSync(path.join(fixtures!, "att-1.csv"), "utf8").split(/\r?\n/).slice(0, 44).join("\r\n") + "\r\n");
    execFileSync(process.execPath, ["scripts/make-format-fixtures.mjs", "--input", source, "--out", out, "--scan-pages", "1"], { stdio: "ignore" });
    for (const ext of ["xlsx", "xls", "json", "text.pdf", "scan.pdf"]) expect(fs.existsSync(path.join(out, `att-sample.${ext}`))).toBe(true);
  });

  it("CSV, XLSX, XLS, JSON and text PDF yield identical records; the scan yields them too or asks for review", async () => {
    const csv = await load(source);
    expect(csv.outcome.status).toBe("completed");
    expect(csv.keys.length).toBe(38);
    for (const ext of ["xlsx", "xls", "json", "text.pdf"]) {
      const r = await load(path.join(out, `att-sample.${ext}`));
      expect({ ext, status: r.outcome.status, carrier: r.outcome.plan?.carrier }).toEqual({ ext, status: "completed", carrier: "att" });
      expect(r.keys).toEqual(csv.keys);
    }
    const scan = await load(path.join(out, "att-sample.scan.pdf"));
    expect(scan.outcome.plan?.format).toBe("pdf");
    if (scan.outcome.status === "needs_review") {
      expect(scan.outcome.plan?.reviewReasons.join(" ")).toMatch(/OCR/);
    } else {
      // What OCR loads must be right: every record it produced is one of the CSV's.
      const truth = new Set(csv.keys);
      expect(scan.keys.filter((k) => !truth.has(k))).toEqual([]);
      expect(scan.keys.length).toBeGreaterThanOrEqual(Math.floor(csv.keys.length * 0.95));
    }
  }, 180_000);
});
