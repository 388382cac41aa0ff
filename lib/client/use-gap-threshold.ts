"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CaseGapsResponse, GapThresholdBody, GapThresholdDto } from "@/lib/schemas/analytics";
import { apiFetch, query } from "./api";
import { queryKeys } from "./query-keys";

const thresholdUrl = (caseId: number, target: string) => `/api/analytics/gap-threshold${query({ caseId, target })}`;

/** The gap routes (lib/schemas/analytics.ts is the contract). */
export const gapsApi = {
  /** GET /api/analytics/gaps: the case's reported gaps and every target's threshold. */
  caseGaps: (caseId: number) => apiFetch<CaseGapsResponse>(`/api/analytics/gaps${query({ caseId })}`),
  /** GET /api/analytics/gap-threshold of one target. */
  threshold: (caseId: number, target: string) => apiFetch<GapThresholdDto>(thresholdUrl(caseId, target)),
  /** PUT /api/analytics/gap-threshold: a new rule, or {reset: true}. */
  setThreshold: (caseId: number, target: string, body: GapThresholdBody) =>
    apiFetch<GapThresholdDto>(thresholdUrl(caseId, target), { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
};

/** GET /api/analytics/gaps of one case. */
export function useCaseGaps(caseId: number) {
  return useQuery({ queryKey: queryKeys.contacts.gaps(caseId), queryFn: () => gapsApi.caseGaps(caseId) });
}

/** GET /api/analytics/gap-threshold of one target of one case. */
export function useGapThreshold(caseId: number, target: string) {
  return useQuery({ queryKey: queryKeys.contacts.gapThreshold(caseId, target), queryFn: () => gapsApi.threshold(caseId, target) });
}

/** PUT /api/analytics/gap-threshold; on success the timeline, the case's gaps and the report are asked again. */
export function useSaveGapThreshold(caseId: number, target: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GapThresholdBody) => gapsApi.setThreshold(caseId, target, body),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.contacts.gapThreshold(caseId, target), saved);
      for (const key of [queryKeys.contacts.timeline(caseId, target), queryKeys.contacts.gaps(caseId), queryKeys.contacts.report(caseId)])
        void qc.invalidateQueries({ queryKey: key });
    },
  });
}
