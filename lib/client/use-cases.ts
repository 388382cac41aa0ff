"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CaseListResponse, CaseRole } from "@/lib/schemas/case";
import { caseApi, type CaseInput } from "./case-api";
import { queryKeys } from "./query-keys";

/** GET /api/cases: the cases the user may see, with counts, and the one they used last. */
export function useCases(enabled = true) {
  return useQuery({ queryKey: queryKeys.cases.list(), queryFn: caseApi.list, enabled, staleTime: 30_000 });
}

/** GET /api/cases/:id (null: not asked). */
export function useCase(caseId: number | null) {
  return useQuery({
    queryKey: queryKeys.cases.detail(caseId ?? 0),
    queryFn: () => caseApi.get(caseId ?? 0),
    enabled: caseId !== null,
  });
}

/** GET /api/cases/:id/members */
export function useCaseMembers(caseId: number) {
  return useQuery({ queryKey: queryKeys.cases.members(caseId), queryFn: () => caseApi.members(caseId) });
}

/** Everything about cases changes together (names, counts, members): one prefix to refresh. */
function useInvalidateCases() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: queryKeys.cases.all });
}

/** POST /api/cases */
export function useCreateCase() {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (input: CaseInput) => caseApi.create(input), onSuccess: () => void invalidate() });
}

/** PATCH /api/cases/:id */
export function useUpdateCase(caseId: number) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (patch: Partial<CaseInput>) => caseApi.update(caseId, patch), onSuccess: () => void invalidate() });
}

/** DELETE /api/cases/:id — also drops every cached list of the case. */
export function useDeleteCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (caseId: number) => caseApi.remove(caseId),
    onSuccess: (_void, caseId) => {
      qc.removeQueries({ queryKey: queryKeys.cases.detail(caseId) });
      qc.removeQueries({ queryKey: queryKeys.records.case(caseId) });
      qc.removeQueries({ queryKey: queryKeys.contacts.case(caseId) });
      qc.removeQueries({ queryKey: queryKeys.jobs.caseLists(caseId) });
      void qc.invalidateQueries({ queryKey: queryKeys.cases.all });
    },
  });
}

/** POST /api/cases/:id/members (also changes the role of someone already in the case). */
export function useAddCaseMember(caseId: number) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: ({ email, role }: { email: string; role: CaseRole }) => caseApi.addMember(caseId, email, role),
    onSuccess: () => void invalidate(),
  });
}

/** DELETE /api/cases/:id/members/:userId */
export function useRemoveCaseMember(caseId: number) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (userId: string) => caseApi.removeMember(caseId, userId), onSuccess: () => void invalidate() });
}

/** POST /api/cases/:id/select — remembered at once in the cached list, so the switcher does not wait for it. */
export function useSelectCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (caseId: number) => caseApi.select(caseId),
    onMutate: (caseId) => {
      qc.setQueryData<CaseListResponse>(queryKeys.cases.list(), (old) => (old ? { ...old, lastCaseId: caseId } : old));
    },
  });
}
