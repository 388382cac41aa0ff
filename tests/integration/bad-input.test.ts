import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { cdrFixtures } from "../support/corpora";
import { tempDataDir } from "../support/temp-db";

const tmp = tempDataDir();
const db = getDb(tmp.databaseUrl);
const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);
const fixtures = cdrFixtures();
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

async function ingestBytes(name: string, bytes: Buffer | string) {
  const file = path.join(tmp.dir, `${Math.random().toString(36).slice(2)}-${name}`);
  fs.writeFileSync(file, bytes);
  const job = await createJob(db, { fileName: name, storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size });
  const outcome = (await executeJob(db, tmp.databaseUrl, job.id, inline, silentJobEvents))!;
  const row = await db.ingestionJob.findUniqueOrThrow({ where: { id: job.id } });
  return { outcome, row };
}

/** A sentence a person understands: words, no stack trace, no internal path. */
function expectHumanReason(message: string | null | undefined) {
  expect(message).toBeTruthy();
  expect(message!.length).toBeGreaterThan(15);
  expect(message).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/tmp\//);
}

// A stated zone, so these files do not stop for review (no carrier default applies to them).
const HEADER = "All times are UTC\nDate,Time,Calling Number,Called Number,Duration,Call Type\n";
const ROW = (i: number) => `02/28/2023,0${i % 10}:13:36 AM,1312930486${i % 10},12143433420,${(i * 397) % 3000},mSTerminating\n`;

describe("bad input ends in a clear status and reason, never a crash or silent loss", () => {
  it("an empty file fails with a reason", async () => {
    const { outcome, row } = await ingestBytes("empty.csv", "");
    expect(outcome.status).toBe("failed");
    expectHumanReason(row.errorMessage);
  });

  it("binary garbage fails with a reason", async () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const { outcome, row } = await ingestBytes("garbage.csv", bytes);
    expect(outcome.status).toBe("failed");
    expectHumanReason(row.errorMessage);
  });

  it("an executable named .csv is refused", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(4096, 1)]);
    const { outcome, row } = await ingestBytes("report.csv", exe);
    expect(outcome.status).toBe("failed");
    expectHumanReason(row.errorMessage);
  });

  it.skipIf(!fixtures)("a CSV named .xlsx is refused with a reason naming both formats", async () => {
    const text = fs.readFileSync(path.join(fixtures!, "tmobile-2.tsv"));
    const { outcome, row } = await ingestBytes("tmobile.xlsx", text);
    expect(outcome.status).toBe("failed");
    expect(row.errorCode).toBe("format_mismatch");
    expect(row.errorMessage).toMatch(/named \.xlsx.*text/i);
    expect(outcome.counts.inserted).toBe(0);
  });

  it.skipIf(!fixtures)("with FORMAT_MISMATCH=read the same file loads by its content and the mismatch is kept", async () => {
    process.env.FORMAT_MISMATCH = "read";
    try {
      const text = fs.readFileSync(path.join(fixtures!, "tmobile-2.tsv"));
      const { outcome, row } = await ingestBytes("tmobile-read.xlsx", text);
      expect(["completed", "partial"]).toContain(outcome.status);
      expect(row.formatMismatch).toMatch(/xlsx/i);
      expect(outcome.counts.inserted + outcome.counts.duplicates).toBeGreaterThan(300);
    } finally {
      delete process.env.FORMAT_MISMATCH;
    }
  });

  it("a truncated file loads what is there and counts reconcile", async () => {
    let text = HEADER;
    for (let i = 0; i < 50; i++) text += ROW(i);
    const cut = text.slice(0, text.length - 17); // the last row cut mid-field
    const { outcome } = await ingestBytes("truncated.csv", cut);
    const c = outcome.counts;
    expect(["completed", "partial"]).toContain(outcome.status);
    expect(c.rows).toBe(50);
    expect(c.rows).toBe(c.inserted + c.duplicates + c.rejected);
  });

  it("a 500,000-character line is one rejected row; the rest of the file loads", async () => {
    let text = HEADER;
    for (let i = 0; i < 20; i++) text += ROW(i);
    text += `02/28/2023,01:00:00 AM,${"9".repeat(500_000)},12143433420,10,mSTerminating\n`;
    for (let i = 20; i < 40; i++) text += ROW(i);
    const { outcome } = await ingestBytes("long-line.csv", text);
    expect(outcome.status).toBe("partial");
    expect(outcome.counts.rows).toBe(41);
    expect(outcome.counts.rejected).toBe(1);
    const err = await db.ingestionError.findFirstOrThrow({ where: { job: { fileName: "long-line.csv" } } });
    expect(err.raw.length).toBeLessThan(5000);
    expectHumanReason(err.message);
  });

  it("mixed encodings (UTF-8 with Windows-1252 lines) lose nothing", async () => {
    const utf8 = Buffer.from("Target: Zoë Müller\nAll times are UTC\n" + HEADER + ROW(1) + ROW(2), "utf8");
    const latin = Buffer.from(ROW(3).replace("mSTerminating", "mSTerminating") + "02/28/2023,04:13:36 AM,13129304864,12143433420,7,mSTerminating\n", "latin1");
    const tail = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café" in Windows-1252: a footer-like stray line
    const { outcome } = await ingestBytes("mixed.csv", Buffer.concat([utf8, latin, tail]));
    const c = outcome.counts;
    expect(["completed", "partial"]).toContain(outcome.status);
    // Rows 1–3 repeat the truncated file's rows (same database), so they count as duplicates.
    expect(c.inserted + c.duplicates).toBeGreaterThanOrEqual(4);
    expect(c.rows).toBe(c.inserted + c.duplicates + c.rejected);
  });

  it("a header with no data rows fails with a reason", async () => {
    const { outcome, row } = await ingestBytes("header-only.csv", HEADER);
    expect(outcome.status).toBe("failed");
    expectHumanReason(row.errorMessage);
  });
});
