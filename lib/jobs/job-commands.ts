import { isStoredUpload, removeUpload } from "../storage/upload-store";
import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { layoutPlanSchema, type MappingOverride } from "../schemas/mapping";
import type { JobDto } from "../schemas/job";
import { toJobDto } from "./job-dto";
import { saveTemplateFromMapping } from "./template-commands";
import { checkMapping, problemsSentence } from "../ingest/review/check-mapping";
import { caseIdForName } from "../data/cases";
import { databaseUrlOf, purgeCancelled, purgeJob } from "./purge-job";

export interface NewJobInput {
  id?: string;
  fileName: string;
  storedPath: string;
  sha256: string;
  sizeBytes: number;
  userId?: string | null;
  mapping?: MappingOverride | null;
  /** The case the file is loaded into; without one, the case named "default" (the CLI's, created on first use). */
  caseId?: number;
}

/**
 * A new job's id: 16 lower-case hex characters (64 random bits). Every record repeats its job's id,
 * in the table and in the (job_id, start_time) index, so the 36-character UUID it replaced cost
 * ~40 bytes a record: the bench's 1M-row database 450 → 407 MB. Ids are opaque strings (older jobs
 * keep their UUIDs; nothing parses either form), safe in URLs and file names on any file system.
 */
const newJobId = (): string => crypto.randomBytes(8).toString("hex");

/** Creates a job in state `queued`; the caller enqueues it. */
export async function createJob(db: Db, input: NewJobInput): Promise<JobDto> {
  const job = await db.ingestionJob.create({
    data: {
      id: input.id ?? newJobId(),
      fileName: input.fileName,
      storedPath: input.storedPath,
      sha256: input.sha256,
      sizeBytes: BigInt(input.sizeBytes),
      status: "queued",
      queuedAt: new Date(),
      userId: input.userId ?? null,
      caseId: input.caseId ?? (await caseIdForName(db)),
      mapping: input.mapping ? JSON.stringify(input.mapping) : null,
    },
  });
  return toJobDto(job);
}

export async function requireJob(db: Db, jobId: string) {
  const job = await db.ingestionJob.findUnique({ where: { id: jobId }, include: { classification: true } });
  if (!job) throw new AppError("not_found", "There is no such job.");
  return job;
}

/** Puts a finished job back in the queue; its earlier load is cleared when it starts again. */
export async function retryJob(db: Db, jobId: string): Promise<JobDto> {
  const before = await requireJob(db, jobId);
  // A completed job has every row loaded or a duplicate: a rerun could only add duplicates.
  if (before.status === "completed") throw new AppError("conflict", "This job completed: every row loaded or was a duplicate, so there is nothing to retry.");
  // Conditional: a job claimed by a worker meanwhile is not put back in the queue under it.
  const { count } = await db.ingestionJob.updateMany({
    where: { id: jobId, status: { notIn: ["processing", "queued", "completed"] } },
    data: { status: "queued", stage: null, progress: 0, queuedAt: new Date(), errorCode: null, errorMessage: null },
  });
  if (count === 0) throw new AppError("conflict", "The job is already queued or running.");
  return toJobDto(await requireJob(db, jobId));
}

/** The states a cancel may leave; a running job is `processing`, the others wait for a worker or a person. */
const WAITING = ["queued", "pending", "needs_review"];

export interface CancelOptions {
  /** Whether a worker of this process runs the job now (the queue knows); without it a `processing` job is taken to be running. */
  isRunning?: (jobId: string) => boolean;
  /** The database the job is in (default: the one `db` was opened on). */
  databaseUrl?: string;
}

/**
 * Cancels a job atomically: it becomes `cancelled` (only from queued, pending, processing or
 * needs_review, by a conditional write, so a worker that finishes meanwhile cannot slip its outcome
 * in between) and nothing it stored stays — records, errors, its share of the case's contacts and
 * gaps. A job no worker runs is purged here; a running one is purged by its worker as it stops
 * (at its next commit on SQLite, or when its post-load ends: execute-job.ts), and a worker
 * finishing late never overwrites `cancelled`.
 */
export async function cancelJob(db: Db, jobId: string, opts: CancelOptions = {}): Promise<JobDto> {
  const job = await requireJob(db, jobId);
  const data = { status: "cancelled", finishedAt: new Date() };
  let running = false;
  if ((await db.ingestionJob.updateMany({ where: { id: jobId, status: { in: WAITING } }, data })).count === 0) {
    if ((await db.ingestionJob.updateMany({ where: { id: jobId, status: "processing" }, data })).count === 0) {
      const now = await db.ingestionJob.findUnique({ where: { id: jobId }, select: { status: true } });
      throw new AppError("conflict", `A ${now?.status ?? job.status} job cannot be cancelled.`);
    }
    running = opts.isRunning?.(jobId) ?? true;
  }
  if (!running) await purgeCancelled(db, opts.databaseUrl ?? databaseUrlOf(db), jobId);
  return toJobDto(await requireJob(db, jobId));
}

/**
 * Deletes the job: first everything it put into its case (records, errors, and the case's contacts
 * and gaps recomputed without them, links to its records re-pointed), then the row (its
 * classification cascades), then its stored upload.
 */
export async function deleteJob(db: Db, jobId: string, databaseUrl: string = databaseUrlOf(db)): Promise<void> {
  const job = await requireJob(db, jobId);
  if (job.status === "processing") throw new AppError("conflict", "Cancel the job before deleting it.");
  await purgeJob(databaseUrl, jobId);
  await db.ingestionJob.deleteMany({ where: { id: jobId } });
  if (isStoredUpload(job.storedPath)) await removeUpload(job.storedPath);
}

/**
 * A reviewer's confirmed mapping: refused while it could load wrong data (checkMapping: the
 * problems go back per field), saved as a template only when the reviewer named one (a choice,
 * not a default), then the job goes back to the queue.
 */
export async function confirmMapping(db: Db, jobId: string, mapping: MappingOverride, userId: string | null): Promise<JobDto> {
  const job = await requireJob(db, jobId);
  if (job.status === "processing" || job.status === "queued") throw new AppError("conflict", "The job is already queued or running.");
  if (job.classification) {
    const problems = checkMapping(layoutPlanSchema.parse(JSON.parse(job.classification.plan)), mapping);
    if (problems.length > 0) throw new AppError("bad_request", problemsSentence(problems), { problems });
    if (mapping.templateName) await saveTemplateFromMapping(db, job.classification, mapping, userId);
  }
  const updated = await db.ingestionJob.update({
    where: { id: jobId },
    data: { mapping: JSON.stringify(mapping), status: "queued", stage: null, progress: 0, queuedAt: new Date(), errorCode: null, errorMessage: null },
    include: { classification: true },
  });
  return toJobDto(updated);
}
