"use client";

import { useQueries } from "@tanstack/react-query";
import type { ReportTarget } from "@/lib/schemas/analytics";
import { analyticsApi } from "./analytics-api";
import { queryKeys } from "./query-keys";
import { useTargets } from "./use-contacts";

export interface CaseReportPages {
  /** The case's targets (undefined while loading). */
  targets: string[] | undefined;
  /** Each target's page as it arrives (null: still loading), in the targets' order. */
  pages: (ReportTarget | null)[];
  /** When the first page was made (the report's "generated" time). */
  generatedAt: string | null;
  error: Error | null;
}

/**
 * The case report page's data: the case's targets (GET /api/records/targets), then each target's
 * page (GET /api/analytics/report?target=), asked in parallel and shown as they come, so a case of
 * 1M records shows its first target in a fraction of a second instead of waiting for all of it.
 */
export function useCaseReportPages(id: number): CaseReportPages {
  const targets = useTargets(id);
  const list = targets.data?.targets;
  const pages = useQueries({
    queries: (list ?? []).map((t) => ({ queryKey: queryKeys.contacts.reportPage(id, t), queryFn: () => analyticsApi.report(id, t) })),
  });
  const error = targets.error ?? pages.find((p) => p.error)?.error ?? null;
  return {
    targets: list,
    pages: pages.map((p) => p.data?.targets[0] ?? null),
    generatedAt: pages.find((p) => p.data)?.data?.generatedAt ?? null,
    error,
  };
}
