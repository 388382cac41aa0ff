import type { QueryClient } from "@tanstack/react-query";
import type { JobDetailResponse, JobListResponse } from "@/lib/schemas/api";
import { TERMINAL_STATUSES, type JobDto, type ProgressEvent } from "@/lib/schemas/job";
import { queryKeys } from "./query-keys";

export const isTerminal = (job: Pick<JobDto, "status">) => TERMINAL_STATUSES.includes(job.status);

/**
 * Applies a progress tick to a job. A late tick must not drag a finished job back to
 * "processing" (ticks and the final job:updated race), so terminal states win.
 */
export function applyProgress(job: JobDto, ev: ProgressEvent): JobDto {
  if (isTerminal(job) && !TERMINAL_STATUSES.includes(ev.status)) return job;
  return { ...job, status: ev.status, stage: ev.stage, progress: ev.percent, counts: ev.counts };
}

/** Patches every cached copy of the job (detail and any list page) with a progress tick. */
export function patchJobProgress(qc: QueryClient, ev: ProgressEvent): boolean {
  let found = false;
  qc.setQueryData<JobDetailResponse>(queryKeys.jobs.detail(ev.jobId), (old) => {
    if (!old) return old;
    found = true;
    return { ...old, job: applyProgress(old.job, ev) };
  });
  qc.setQueriesData<JobListResponse>({ queryKey: queryKeys.jobs.lists() }, (old) => {
    if (!old || !old.jobs.some((j) => j.id === ev.jobId)) return old;
    found = true;
    return { ...old, jobs: old.jobs.map((j) => (j.id === ev.jobId ? applyProgress(j, ev) : j)) };
  });
  return found;
}

/** Replaces every cached copy of the job; returns whether any list page held it. */
export function replaceJob(qc: QueryClient, job: JobDto): boolean {
  let inList = false;
  qc.setQueryData<JobDetailResponse>(queryKeys.jobs.detail(job.id), (old) => (old ? { ...old, job } : old));
  qc.setQueriesData<JobListResponse>({ queryKey: queryKeys.jobs.lists() }, (old) => {
    if (!old || !old.jobs.some((j) => j.id === job.id)) return old;
    inList = true;
    return { ...old, jobs: old.jobs.map((j) => (j.id === job.id ? job : j)) };
  });
  return inList;
}
