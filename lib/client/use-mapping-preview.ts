"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { adminApi } from "./admin-api";
import { overrideOf, type MappingDraft } from "./mapping-draft";
import { queryKeys } from "./query-keys";
import { useDebouncedValue } from "./use-debounced-value";

/** The detected mapping of a job's file (empty preview body): the reviewer's starting point. */
export function useDetectedMapping(jobId: string) {
  return useQuery({ queryKey: queryKeys.jobs.preview(jobId, null), queryFn: () => adminApi.preview(jobId, null), staleTime: Infinity });
}

/** The first rows under the draft mapping, re-read 400 ms after the reviewer stops changing it. */
export function useDraftPreview(jobId: string, draft: MappingDraft | null) {
  const body = draft ? JSON.stringify(overrideOf(draft, false)) : null;
  const settled = useDebouncedValue(body, 400);
  return useQuery({
    queryKey: queryKeys.jobs.preview(jobId, settled),
    queryFn: () => adminApi.preview(jobId, settled ? JSON.parse(settled) : null),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
