import { describe, expect, it } from "vitest";
import { openSqlite } from "../../lib/db/open-sqlite";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { cancelJob, confirmMapping, createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { JobQueue } from "../../lib/jobs/job-queue";
import { createWorkerPool, poolTaskRunner } from "../../lib/jobs/worker-pool";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { layoutPlanSchema } from "../../lib/schemas/mapping";
import type { IngestOutcome } from "../../lib/schemas/worker-protocol";
import { caseSqliteHarness } from "../support/case-sqlite";

/**
 * Cancel is atomic (issue 16): a cancelled job keeps no records, errors, contacts or gaps,
 * whatever stage it was in, and a worker finishing late never overwrites it.
 */
const { tmp, db, dbFile, inline, newCase, attFile, load, recordsOf, errorsOf, recordsIn, contactsIn, gapsIn, expectConsistent } = caseSqliteHarness();

// ─── Atomic cancel ───────────────────────────────────────────────────────────────────────────

describe("a cancelled job leaves nothing behind", () => {
  // A case with a file of its own (January), then a large file of the same target (March) that is
  // cancelled: the case must look exactly as it did with January alone.
  const big = attFile("att-big.csv", { rows: 20_000, startMs: Date.UTC(2023, 2, 1), stepSeconds: 60, seed: 21, bad: [50, 120, 400, 9000, 15000] });
  const january = attFile("att-january-2.csv", { rows: 300, startMs: Date.UTC(2023, 0, 1), stepSeconds: 3600, seed: 13 });

  async function caseWithJanuary() {
    const c = await newCase();
    expect((await load(january, c)).row.status).toBe("completed");
    return { caseId: c, contacts: contactsIn(c), gaps: gapsIn(c) };
  }

  /** Stops the load by the flag or by a cancel in the database once `share` of the rows are stored, or at the post-load ("finalize"). */
  function cancellingRunner(how: "flag" | "db", when: number | "post-load", seen: { records: number; errors: number }): TaskRunner {
    const cancelDb = openSqlite(dbFile);
    return async (task, onProgress, flag) => {
      const cancel = () => {
        seen.records = recordsOf(task.jobId);
        seen.errors = errorsOf(task.jobId);
        // As cancelJob writes it; a sync write between two commits of the (main-thread) loader.
        if (how === "flag") Atomics.store(flag, 0, 1);
        else cancelDb.prepare(`UPDATE ingestion_jobs SET status = 'cancelled', finished_at = ? WHERE id = ?`).run(Date.now(), task.jobId);
      };
      let done = false;
      try {
        return await runIngestTask(
          task,
          (tick) => {
            onProgress(tick);
            if (when === "post-load" && tick.stage === "finalize" && !done) ((done = true), cancel());
          },
          () => {
            if (typeof when === "number" && !done && recordsOf(task.jobId) >= 20_000 * when) ((done = true), cancel());
            return Atomics.load(flag, 0) === 1;
          },
        );
      } finally {
        cancelDb.close();
      }
    };
  }

  const stages: [string, "flag" | "db", number | "post-load"][] = [
    ["at 5 %, by the flag", "flag", 0.05],
    ["at 5 %, in the database", "db", 0.05],
    ["at 50 %, by the flag", "flag", 0.5],
    ["at 50 %, in the database", "db", 0.5],
    ["during post-load, by the flag", "flag", "post-load"],
    ["during post-load, in the database", "db", "post-load"],
  ];

  it.each(stages)(
    "%s",
    async (_label, how, when) => {
      const { caseId, contacts, gaps } = await caseWithJanuary();
      const seen = { records: 0, errors: 0 };
      const { jobId, outcome, row } = await load(big, caseId, cancellingRunner(how, when, seen));
      // It was mid-load (or loaded) when cancelled: records and errors were there.
      expect(seen.records).toBeGreaterThan(0);
      expect(seen.errors).toBeGreaterThan(0);
      if (when === "post-load") expect(seen.records).toBe(19_995);
      expect(outcome?.status).toBe("cancelled");
      expect(row).toMatchObject({ status: "cancelled", rowsRead: 0, inserted: 0, duplicates: 0, rejected: 0 });
      expect(recordsOf(jobId)).toBe(0);
      expect(errorsOf(jobId)).toBe(0);
      expect(contactsIn(caseId)).toEqual(contacts);
      expect(gapsIn(caseId)).toEqual(gaps);
      expect(recordsIn(caseId)).toBe(300);
      expectConsistent(caseId);
    },
    60_000,
  );

  it("in a worker thread (commit groups held across batches), a cancel mid-load leaves nothing", async () => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    const large = attFile("att-large.csv", { rows: 120_000, startMs: Date.UTC(2023, 5, 1), stepSeconds: 30, seed: 31, bad: [10, 70_000] });
    const pool = createWorkerPool(1, 512);
    const run = poolTaskRunner(pool, 120_000);
    let cancelledAt = -1;
    const seen = { records: 0 };
    try {
      // As the cancel route does it: the job row first, then the running worker's flag.
      const runner: TaskRunner = (task, onProgress, flag) =>
        run(
          task,
          (tick) => {
            onProgress(tick);
            if (cancelledAt < 0 && tick.stage === "load" && tick.percent >= 30) {
              cancelledAt = tick.percent;
              seen.records = recordsOf(task.jobId);
              void cancelJob(db, task.jobId, { isRunning: () => true }).then(() => Atomics.store(flag, 0, 1));
            }
          },
          flag,
        );
      const { jobId, outcome, row } = await load(large, caseId, runner);
      expect(cancelledAt).toBeGreaterThanOrEqual(30);
      expect(cancelledAt).toBeLessThan(100);
      expect(seen.records).toBeGreaterThan(0);
      expect(outcome?.status).toBe("cancelled");
      expect(row).toMatchObject({ status: "cancelled", inserted: 0, rowsRead: 0 });
      expect(recordsOf(jobId)).toBe(0);
      expect(errorsOf(jobId)).toBe(0);
      expect(contactsIn(caseId)).toEqual(contacts);
      expect(gapsIn(caseId)).toEqual(gaps);
    } finally {
      await pool.destroy();
    }
  }, 120_000);

  it("a worker finishing late does not overwrite cancelled, nor its purge", async () => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    let finished: IngestOutcome | null = null;
    // The worker ignores the flag, loads everything, and returns only after the job was cancelled.
    const late: TaskRunner = async (task, onProgress) => {
      finished = await runIngestTask(task, onProgress, () => false);
      const running = await cancelJob(db, task.jobId, { isRunning: () => true });
      expect(running.status).toBe("cancelled");
      expect(recordsOf(task.jobId)).toBeGreaterThan(0); // still there: its worker purges when it stops
      return finished;
    };
    const { jobId, outcome, row } = await load(big, caseId, late);
    expect(finished!.status).toBe("partial");
    expect(outcome?.status).toBe("cancelled");
    expect(row).toMatchObject({ status: "cancelled", inserted: 0, rejected: 0 });
    expect(recordsOf(jobId)).toBe(0);
    expect(errorsOf(jobId)).toBe(0);
    expect(contactsIn(caseId)).toEqual(contacts);
    expect(gapsIn(caseId)).toEqual(gaps);
    // Run again (a duplicate delivery): a cancelled job is not claimed.
    let ran = false;
    expect(await executeJob(db, tmp.databaseUrl, jobId, async (t, p, f) => ((ran = true), inline(t, p, f)), silentJobEvents)).toBeNull();
    expect(ran).toBe(false);
    expect((await db.ingestionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("cancelled");
  }, 60_000);

  it("the queue drops a job cancelled while it waits, and the server's restart purges a cancelled job its crash left", async () => {
    const { caseId } = await caseWithJanuary();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const started: string[] = [];
    const queue = new JobQueue(
      db,
      tmp.databaseUrl,
      async (t, p, f) => {
        started.push(t.jobId);
        await gate;
        return inline(t, p, f);
      },
      silentJobEvents,
      1,
    );
    const mk = () => createJob(db, { fileName: "att-january-2.csv", storedPath: january, sha256: "t", sizeBytes: 1, caseId });
    const [one, two] = [await mk(), await mk()];
    queue.enqueue(one.id);
    queue.enqueue(two.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(await cancelJob(db, two.id)).toMatchObject({ status: "cancelled" });
    expect(queue.cancel(two.id)).toBe(true);
    release();
    await queue.drain();
    expect(started).toEqual([one.id]);
    expect((await db.ingestionJob.findUniqueOrThrow({ where: { id: two.id } })).status).toBe("cancelled");

    // A job cancelled while running whose server died before the purge: recover() purges it.
    const april = attFile("att-april.csv", { rows: 100, startMs: Date.UTC(2023, 3, 1), stepSeconds: 3600, seed: 14 });
    const left = await load(april, caseId);
    expect(recordsOf(left.jobId)).toBe(100);
    const w = openSqlite(dbFile);
    w.prepare(`UPDATE ingestion_jobs SET status = 'cancelled' WHERE id = ?`).run(left.jobId);
    w.close();
    await new JobQueue(db, tmp.databaseUrl, inline, silentJobEvents, 1).recover();
    expect(recordsOf(left.jobId)).toBe(0);
    expect(recordsIn(caseId)).toBe(300);
    expectConsistent(caseId);
  }, 60_000);

  it("a job confirmed and then cancelled while queued never starts, and its earlier load is purged at once", async () => {
    const { caseId, contacts, gaps } = await caseWithJanuary();
    const first = await load(big, caseId);
    expect(first.row.status).toBe("partial");
    expect(recordsOf(first.jobId)).toBe(19_995);
    // A reviewer confirms a mapping (the job goes back to the queue), then someone cancels it.
    await db.ingestionJob.update({ where: { id: first.jobId }, data: { status: "needs_review" } });
    const plan = layoutPlanSchema.parse(JSON.parse((await db.layoutClassification.findUniqueOrThrow({ where: { jobId: first.jobId } })).plan));
    await confirmMapping(db, first.jobId, { columns: plan.columns.map((c) => ({ index: c.index, field: c.field, format: c.format })), timezone: "UTC" }, null);
    const cancelled = await cancelJob(db, first.jobId);
    expect(cancelled).toMatchObject({ status: "cancelled" });
    expect(recordsOf(first.jobId)).toBe(0);
    expect(errorsOf(first.jobId)).toBe(0);
    expect(contactsIn(caseId)).toEqual(contacts);
    expect(gapsIn(caseId)).toEqual(gaps);
    // The queue still held it: it never runs, and stays cancelled (not partial).
    let ran = false;
    const queue = new JobQueue(db, tmp.databaseUrl, async (t, p, f) => ((ran = true), inline(t, p, f)), silentJobEvents, 1);
    queue.enqueue(first.jobId);
    await queue.drain();
    expect(ran).toBe(false);
    expect(await db.ingestionJob.findUniqueOrThrow({ where: { id: first.jobId } })).toMatchObject({ status: "cancelled", inserted: 0 });
    await expect(cancelJob(db, first.jobId)).rejects.toMatchObject({ code: "conflict" });
  }, 60_000);
});
