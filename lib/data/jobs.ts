import type { Db } from "../db/prisma";
import type { ErrorDto, JobDetailResponse, JobListQuery, JobListResponse, ErrorListResponse } from "../schemas/api";
import { layoutPlanSchema } from "../schemas/mapping";
import { toJobDto } from "../jobs/job-dto";
import { requireJob } from "../jobs/job-commands";
import type { CaseScope } from "./case-access";

/** The jobs of the scope's case(s), newest first, filtered. */
export async function listJobs(db: Db, scope: CaseScope, q: JobListQuery): Promise<JobListResponse> {
  const where = {
    AND: [
      scope,
      q.status ? { status: q.status } : {},
      q.carrier ? { carrier: q.carrier } : {},
      q.userId ? { userId: q.userId } : {},
      q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } } : {},
    ],
  };
  const [jobs, total] = await Promise.all([
    db.ingestionJob.findMany({ where, orderBy: { createdAt: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: { classification: true } }),
    db.ingestionJob.count({ where }),
  ]);
  return { jobs: jobs.map(toJobDto), total };
}

export async function getJobDetail(db: Db, jobId: string): Promise<JobDetailResponse> {
  const job = await requireJob(db, jobId);
  const errors = await db.ingestionError.findMany({ where: { jobId }, orderBy: { line: "asc" }, take: 50 });
  const parsed = job.classification ? layoutPlanSchema.safeParse(JSON.parse(job.classification.plan)) : null;
  return { job: toJobDto(job), plan: parsed?.success ? parsed.data : null, errors: errors.map(toErrorDto) };
}

export async function listJobErrors(db: Db, jobId: string, q: { page: number; pageSize: number; code?: string; field?: string }): Promise<ErrorListResponse> {
  await requireJob(db, jobId);
  const where = { jobId, ...(q.code ? { code: q.code } : {}), ...(q.field ? { field: q.field } : {}) };
  const [errors, total] = await Promise.all([
    db.ingestionError.findMany({ where, orderBy: { line: "asc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.ingestionError.count({ where }),
  ]);
  return { errors: errors.map(toErrorDto), total };
}

export function toErrorDto(e: { id: number; jobId: string; line: number; field: string | null; code: string; message: string; raw: string }): ErrorDto {
  return { id: e.id, jobId: e.jobId, line: e.line, field: e.field, code: e.code, message: e.message, raw: e.raw };
}
