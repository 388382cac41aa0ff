"use client";

import type { CaseDto } from "@/lib/schemas/case";
import { useCases } from "./use-cases";

/** One of the user's cases by id, from the cached case list (undefined while it loads or when not listed). */
export function useCaseOf(caseId: number | null | undefined): CaseDto | undefined {
  const { data } = useCases(caseId != null);
  return caseId == null ? undefined : data?.cases.find((c) => c.id === caseId);
}
