"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PartyKind } from "@/lib/schemas/fields";
import { adminApi } from "./admin-api";
import { queryKeys } from "./query-keys";

/** GET /api/records/targets of one case. */
export function useTargets(caseId: number) {
  return useQuery({ queryKey: queryKeys.contacts.targets(caseId), queryFn: () => adminApi.targets(caseId) });
}

/** GET /api/contacts of one target of one case (null target: not asked), of one party kind or (null) all. */
export function useContacts(caseId: number, target: string | null, page: number, pageSize: number, kind: PartyKind | null = null) {
  return useQuery({
    queryKey: queryKeys.contacts.list(caseId, target ?? "", page, pageSize, kind),
    queryFn: () => adminApi.contacts(caseId, target ?? "", page, pageSize, kind ?? undefined),
    enabled: !!target,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/records/timeline of one target of one case. */
export function useTimeline(caseId: number, target: string | null) {
  return useQuery({ queryKey: queryKeys.contacts.timeline(caseId, target ?? ""), queryFn: () => adminApi.timeline(caseId, target ?? ""), enabled: !!target });
}
