import fs from "node:fs/promises";
import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import type { MappingOverride } from "../schemas/mapping";
import type { JobDto } from "../schemas/job";
import { toJobDto } from "./job-dto";
import { saveTemplateFromMapping } from "./template-commands";

export interface NewJobInput {
  id?: string;
  fileName: string;
  storedPath: string;
  sha256: string;
  sizeBytes: number;
  userId?: string | null;
  mapping?: MappingOverride | null;
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
  const job = await requireJob(db, jobId);
  if (job.status === "processing" || job.status === "queued") throw new AppError("conflict", "The job is already queued or running.");
  const updated = await db.ingestionJob.update({
    where: { id: jobId },
    data: { status: "queued", stage: null, progress: 0, queuedAt: new Date(), errorCode: null, errorMessage: null },
    include: { classification: true },
  });
  return toJobDto(updated);
}

export async function cancelJob(db: Db, jobId: string): Promise<JobDto> {
  const job = await requireJob(db, jobId);
  if (!["queued", "processing", "pending", "needs_review"].includes(job.status)) throw new AppError("conflict", `A ${job.status} job cannot be cancelled.`);
  const updated = await db.ingestionJob.update({ where: { id: jobId }, data: { status: "cancelled", finishedAt: new Date() }, include: { classification: true } });
  return toJobDto(updated);
}

/** Deletes the job, its records, errors and gaps (cascade), and its stored upload. */
export async function deleteJob(db: Db, jobId: string): Promise<void> {
  const job = await requireJob(db, jobId);
  if (job.status === "processing") throw new AppError("conflict", "Cancel the job before deleting it.");
  await db.ingestionJob.delete({ where: { id: jobId } });
  if (job.storedPath.includes("/uploads/")) await fs.rm(job.storedPath, { force: true });
}

/** A reviewer's confirmed mapping: saved as a template for the layout, then the job goes back to the queue. */
export async function confirmMapping(db: Db, jobId: string, mapping: MappingOverride, userId: string | null): Promise<JobDto> {
  const job = await requireJob(db, jobId);
  if (job.status === "processing" || job.status === "queued") throw new AppError("conflict", "The job is already queued or running.");
  if (job.classification) await saveTemplateFromMapping(db, job.classification, mapping, userId);
  const updated = await db.ingestionJob.update({
    where: { id: jobId },
    data: { mapping: JSON.stringify(mapping), status: "queued", stage: null, progress: 0, queuedAt: new Date(), errorCode: null, errorMessage: null },
    include: { classification: true },
  });
  return toJobDto(updated);
}
