"use client";

import { useSearchParams } from "next/navigation";
import type { CaseDto } from "@/lib/schemas/case";
import { ApiRequestError } from "./api";
import { CASE_PARAM, parseCaseParam } from "./case-url";
import { useCase, useCases } from "./use-cases";

export type CurrentCase =
  | { status: "loading" }
  | { status: "error"; error: Error }
  /** The user is in no case yet. */
  | { status: "none"; cases: CaseDto[] }
  /** The URL names a case the user may not see (or that does not exist: the same answer). */
  | { status: "not_found"; cases: CaseDto[] }
  | { status: "ready"; caseId: number; current: CaseDto; cases: CaseDto[]; lastCaseId: number | null; fromUrl: boolean };

/**
 * The case the page works in: `?case=` when the URL names one (checked against the user's cases,
 * then against the API, so a case the list does not know yet still opens), else the last used
 * case, else the newest. Needs a Suspense boundary above it (useSearchParams).
 */
export function useCurrentCase(enabled = true): CurrentCase {
  const wanted = parseCaseParam(useSearchParams().get(CASE_PARAM));
  const list = useCases(enabled);
  const cases = list.data?.cases;
  const listed = typeof wanted === "number" ? cases?.find((c) => c.id === wanted) : undefined;
  // Only asked when the list is in and does not hold the case (it may be stale: just added to it).
  const single = useCase(typeof wanted === "number" && cases && !listed ? wanted : null);

  if (!cases) return list.error ? { status: "error", error: list.error } : { status: "loading" };
  const lastCaseId = list.data?.lastCaseId ?? null;
  if (wanted === "invalid") return { status: "not_found", cases };
  if (wanted !== null) {
    if (listed) return { status: "ready", caseId: wanted, current: listed, cases, lastCaseId, fromUrl: true };
    if (single.data) return { status: "ready", caseId: wanted, current: single.data.case, cases, lastCaseId, fromUrl: true };
    if (single.error) {
      return single.error instanceof ApiRequestError && single.error.status === 404 ? { status: "not_found", cases } : { status: "error", error: single.error };
    }
    return { status: "loading" };
  }
  const fallback = cases.find((c) => c.id === lastCaseId) ?? cases[0];
  if (!fallback) return { status: "none", cases };
  return { status: "ready", caseId: fallback.id, current: fallback, cases, lastCaseId, fromUrl: false };
}
