import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import type { ProgressTick } from "../ingest/pipeline/progress-meter";
import { log } from "../log";
import type { IngestOutcome, IngestTask } from "../schemas/worker-protocol";
import { toJobDto } from "./job-dto";
import type { JobEvents } from "./job-events";
import { loadTaskInputs } from "./load-task-inputs";
import { progressWriterFor } from "./progress-writer";

/** Runs a task somewhere (a worker thread from the pool, or inline in the CLI). */
export type TaskRunner = (task: IngestTask, onProgress: (tick: ProgressTick) => void, cancelFlag: Int32Array) => Promise<IngestOutcome>;

/** Progress is written to the job row at most this often (the socket gets every tick). */
const DB_PROGRESS_INTERVAL_MS = 1000;

/**
 * Moves one job through processing: marks it, hands the task to the runner, forwards progress,
 * and records the outcome (status, counts, plan, error) on the job row. A runner crash fails
 * the job with a reason; it never takes the caller down.
 */
export async function executeJob(db: Db, databaseUrl: string, jobId: string, run: TaskRunner, events: JobEvents, cancelFlag = new Int32Array(new SharedArrayBuffer(4))): Promise<IngestOutcome | null> {
  const job = await db.ingestionJob.findUnique({ where: { id: jobId } });
  if (!job || job.status === "cancelled") return null;
  const inputs = await loadTaskInputs(db, job.mapping);
  await db.ingestionJob.update({
    where: { id: jobId },
    data: { status: "processing", stage: "detect", progress: 0, attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, errorCode: null, errorMessage: null },
  });
  let lastDbWrite = 0;
  const writeProgress = progressWriterFor(db, databaseUrl);
  const onProgress = (tick: ProgressTick) => {
    events.progress({ jobId, status: "processing", ...tick, at: Date.now() });
    const now = Date.now();
    if (now - lastDbWrite < DB_PROGRESS_INTERVAL_MS) return;
    lastDbWrite = now;
    writeProgress(jobId, tick);
  };
  let outcome: IngestOutcome;
  try {
    outcome = await run({ jobId, filePath: job.storedPath, fileName: job.fileName, databaseUrl, ...inputs }, onProgress, cancelFlag);
  } catch (err) {
    log.error({ err, jobId }, "ingest worker failed");
    const message = err instanceof Error && /terminated|memory|timeout/i.test(err.message)
      ? "The file could not be processed: the parser ran out of memory or time."
      : "The file could not be processed because the worker stopped unexpectedly.";
    outcome = { status: "failed", plan: null, counts: { rows: 0, inserted: 0, duplicates: 0, rejected: 0 }, formatMismatch: null, qualityScore: null, error: { code: "worker_crashed", message }, durationMs: 0 };
  }
  await recordOutcome(db, jobId, outcome);
  const updated = await db.ingestionJob.findUnique({ where: { id: jobId }, include: { classification: true } });
  if (updated) events.updated(toJobDto(updated));
  log.info({ jobId, status: outcome.status, counts: outcome.counts, ms: outcome.durationMs }, "job finished");
  return outcome;
}

async function recordOutcome(db: Db, jobId: string, o: IngestOutcome): Promise<void> {
  const p = o.plan;
  await db.ingestionJob.update({
    where: { id: jobId },
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
  if (!p) return;
  const data = { format: p.format, encoding: p.encoding, delimiter: p.delimiter, headerLine: p.headerLine, carrier: p.carrier, templateId: p.templateId, confidence: p.confidence, timezone: p.timezone, target: p.target, plan: JSON.stringify(p) };
  await db.layoutClassification.upsert({ where: { jobId }, create: { id: crypto.randomUUID(), jobId, ...data }, update: data });
}
