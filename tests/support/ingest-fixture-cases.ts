import path from "node:path";
import { expect, it } from "vitest";
import type { Db } from "../../lib/db/prisma";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { confirmMapping, createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { iterateRecords } from "../../lib/data/records";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import type { CdrTruth } from "./corpora";

const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);

const key = (r: { start_time: string; caller: string | null; callee: string | null; duration_seconds: number | null }) =>
  `${r.start_time}|${r.caller}|${r.callee}|${Number(r.duration_seconds)}`;

/**
 * The carrier-fixture cases, shared by the SQLite suite (tests/integration) and the PostgreSQL
 * one (tests/pg): every sample file loads exactly its truth on either database. `ctx()` is read
 * when a case runs, so the caller may open its database in beforeAll.
 */
export function defineFixtureCases(dir: string, truths: CdrTruth[], ctx: () => { db: Db; databaseUrl: string }): void {
  async function ingest(file: string) {
    const { db, databaseUrl } = ctx();
    const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "test", sizeBytes: 0 });
    const outcome = await executeJob(db, databaseUrl, job.id, inline, silentJobEvents);
    return { jobId: job.id, outcome: outcome! };
  }

  for (const t of truths) {
    it(`${t.file}: carrier, review flag, records and counts match the truth`, async () => {
      const { db, databaseUrl } = ctx();
      const file = path.join(dir, t.file);
      const { jobId, outcome: loaded } = await ingest(file);
      let outcome = loaded;
      expect(outcome.plan?.carrier).toBe(t.carrier);
      expect(outcome.status === "needs_review").toBe(t.expect_review);
      if (outcome.status === "needs_review") {
        // As a reviewer would: confirm the true mapping; the job then loads.
        await confirmMapping(db, jobId, { columns: t.columns.map((c) => ({ index: c.index, field: c.field as never })), timezone: t.timezone, headerLine: t.header_line }, null);
        outcome = (await executeJob(db, databaseUrl, jobId, inline, silentJobEvents))!;
      }
      const c = outcome.counts;
      expect(c.inserted).toBe(t.records.length);
      expect(c.rejected).toBe(t.rejected_lines.length);
      expect(c.rows).toBe(c.inserted + c.duplicates + c.rejected);
      const got = new Set<string>();
      for await (const r of iterateRecords(db, { scope: {}, jobId, includeDuplicates: true })) got.add(key(r));
      expect([...got].sort()).toEqual(t.records.map(key).sort());
      const errorLines = (await db.ingestionError.findMany({ where: { jobId }, select: { line: true } })).map((e) => e.line).sort((a, b) => a - b);
      expect(errorLines).toEqual([...t.rejected_lines].sort((a, b) => a - b));
    });
  }

  it("uploading the same file twice inserts nothing the second time", async () => {
    const t = truths[0]!;
    const { outcome } = await ingest(path.join(dir, t.file));
    expect(outcome.counts.inserted).toBe(0);
    expect(outcome.counts.duplicates).toBe(outcome.counts.rows - outcome.counts.rejected);
  });
}
