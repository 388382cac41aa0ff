"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type JobListParams } from "./api";
import { queryKeys } from "./query-keys";

/** GET /api/ingestion/jobs for one case (the previous page stays on screen while the next loads). */
export function useJobs(params: JobListParams & { caseId: number }) {
  return useQuery({ queryKey: queryKeys.jobs.list(params), queryFn: () => api.listJobs(params), placeholderData: keepPreviousData });
}

/** GET /api/ingestion/jobs/:id/errors, for the pages after the first (which comes with the job). */
export function useJobErrors(jobId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: queryKeys.jobs.errors(jobId, page, pageSize),
    queryFn: () => api.listErrors(jobId, page, pageSize),
    enabled: page > 1,
    placeholderData: keepPreviousData,
  });
}
