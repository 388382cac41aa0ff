import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import { log } from "../log";
import type { IngestOutcome, IngestTask } from "../schemas/worker-protocol";
import { toJobDto } from "./job-dto";
import type { JobEvents } from "./job-events";
import { loadTaskInputs } from "./load-task-inputs";
import { progressWriterFor } from "./progress-writer";
import { purgeCancelled } from "./purge-job";
import { EMPTY_COUNTS, failedOutcome } from "../ingest/failed-outcome";

/** Runs a task somewhere (a worker thread from the pool, or inline in the CLI). */
export type TaskRunner = (task: IngestTask, onProgress: (tick: ProgressTick) => void, cancelFlag: Int32Array) => Promise<IngestOutcome>;

/** Progress is written to the job row at most this often (the socket gets every tick). */
const DB_PROGRESS_INTERVAL_MS = 1000;

/**
 * Moves one job through processing: claims it, hands the task to the runner, forwards progress,
 * and records the outcome (status, counts, plan, error) on the job row. A runner crash fails
 * the job with a reason; it never takes the caller down.
 *
 * Cancel is atomic. The claim (→ processing) and the outcome are conditional writes: a job
 * cancelled before its claim never starts, and an outcome is recorded only while the job is still
 * processing this very attempt, so a worker finishing late can never overwrite `cancelled` (nor a
 * newer attempt). When the run ends cancelled — by the flag or in the database, at any stage —
 * everything the job stored is purged (purge-job.ts) and its counts are zero.
 */
export async function executeJob(
  db: Db,
  databaseUrl: string,
  jobId: string,
  run: TaskRunner,
  events: JobEvents,
  cancelFlag = new Int32Array(new SharedArrayBuffer(4)),
): Promise<IngestOutcome | null> {
  const job = await db.ingestionJob.findUnique({ where: { id: jobId } });
  if (!job || job.status === "cancelled") return null;
  const inputs = await loadTaskInputs(db, job.mapping, job.caseId);
  const claimed = await db.ingestionJob.updateMany({
    where: { id: jobId, status: { not: "cancelled" } },
    data: { status: "processing", stage: "detect", progress: 0, attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, errorCode: null, errorMessage: null },
  });
  if (claimed.count === 0) return null;
  // This attempt's number fences its outcome (a late worker of an earlier attempt records nothing).
  const attempt = (await db.ingestionJob.findUnique({ where: { id: jobId }, select: { attempts: true } }))?.attempts;
  if (attempt === undefined) return null;
  let lastDbWrite = 0;
  const writeProgress = progressWriterFor(db, databaseUrl);
  const onProgress = (tick: ProgressTick) => {
    if (Atomics.load(cancelFlag, 0) === 1) return;
    events.progress({ jobId, status: "processing", ...tick, at: Date.now() });
    const now = Date.now();
    if (now - lastDbWrite < DB_PROGRESS_INTERVAL_MS) return;
    lastDbWrite = now;
    writeProgress(jobId, tick);
  };
  let outcome: IngestOutcome;
  try {
    outcome = await run({ jobId, caseId: job.caseId, filePath: job.storedPath, fileName: job.fileName, databaseUrl, ...inputs }, onProgress, cancelFlag);
  } catch (err) {
    log.error({ err, jobId }, "ingest worker failed");
    const message =
      err instanceof Error && /terminated|memory|timeout/i.test(err.message)
        ? "The file could not be processed: the parser ran out of memory or time."
        : "The file could not be processed because the worker stopped unexpectedly.";
    outcome = failedOutcome("worker_crashed", message);
  }
  // Stopped by the flag (the cancel route, or a delete of a running job) whatever the worker said last.
  if (Atomics.load(cancelFlag, 0) === 1 && outcome.status !== "cancelled") outcome = cancelled(outcome);
  await recordOutcome(db, jobId, attempt, outcome);
  const now = await db.ingestionJob.findUnique({ where: { id: jobId }, select: { status: true } });
  if (now?.status === "cancelled") {
    // Cancelled in the database at any moment of the run (even during its post-load): nothing of it stays.
    await purgeCancelled(db, databaseUrl, jobId);
    if (outcome.status !== "cancelled") outcome = cancelled(outcome);
  }
  const updated = await db.ingestionJob.findUnique({ where: { id: jobId }, include: { classification: true } });
  if (updated) events.updated(toJobDto(updated));
  log.info({ jobId, status: outcome.status, counts: outcome.counts, ms: outcome.durationMs }, "job finished");
  return outcome;
}

function cancelled(o: IngestOutcome): IngestOutcome {
  return { ...o, status: "cancelled", counts: EMPTY_COUNTS, qualityScore: null, error: { code: "cancelled", message: "The job was cancelled." } };
}

/** Records the outcome if the job is still processing this attempt; false when it is not (cancelled, retried, deleted). */
async function recordOutcome(db: Db, jobId: string, attempt: number, o: IngestOutcome): Promise<boolean> {
  const p = o.plan;
  const { count } = await db.ingestionJob.updateMany({
    where: { id: jobId, status: "processing", attempts: attempt },
    data: {
      status: o.status,
      stage: o.status === "needs_review" ? "classify" : "done",
      progress: o.status === "completed" || o.status === "partial" ? 100 : 0,
      rowsRead: o.counts.rows,
      inserted: o.counts.inserted,
      duplicates: o.counts.duplicates,
      rejected: o.counts.rejected,
      format: p?.format ?? null,
      formatMismatch: o.formatMismatch,
      carrier: p?.carrier ?? null,
      confidence: p?.confidence ?? null,
      timezone: p?.timezone ?? null,
      target: p?.target ?? null,
      templateId: p?.templateId ?? null,
      qualityScore: o.qualityScore,
      errorCode: o.error?.code ?? null,
      errorMessage: o.error?.message ?? null,
      finishedAt: new Date(),
    },
  });
  if (count === 0) {
    log.info({ jobId, status: o.status }, "the job changed while it ran (cancelled, retried or deleted): its outcome was not recorded");
    return false;
  }
  if (!p) return true;
  const data = {
    format: p.format,
    encoding: p.encoding,
    delimiter: p.delimiter,
    headerLine: p.headerLine,
    carrier: p.carrier,
    templateId: p.templateId,
    confidence: p.confidence,
    timezone: p.timezone,
    target: p.target,
    plan: JSON.stringify(p),
  };
  await db.layoutClassification.upsert({ where: { jobId }, create: { id: crypto.randomUUID(), jobId, ...data }, update: data });
  return true;
}
