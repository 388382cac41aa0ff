"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { cellsApi } from "./cells-api";
import { queryKeys } from "./query-keys";

/** GET /api/analytics/cells of one target (null: not asked). */
export function useTargetCells(caseId: number, target: string | null) {
  return useQuery({ queryKey: queryKeys.contacts.cells(caseId, target ?? ""), queryFn: () => cellsApi.cells(caseId, target ?? ""), enabled: !!target });
}

/** GET /api/analytics/cell-calls of one target in a date range. */
export function useCellCalls(caseId: number, target: string | null, range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: queryKeys.contacts.cellCalls(caseId, target ?? "", range),
    queryFn: () => cellsApi.cellCalls(caseId, target ?? "", range),
    enabled: !!target,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/cases/:id/cell-sites: how many entries the case's list has. */
export function useCellSites(caseId: number) {
  return useQuery({ queryKey: queryKeys.contacts.cellSites(caseId), queryFn: () => cellsApi.sites(caseId) });
}

/** Uploads a list or clears it; either way every target's cells are asked again (they are placed anew). */
export function useCellSitesMutations(caseId: number) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: [...queryKeys.contacts.case(caseId), "cells"] });
  return {
    upload: useMutation({ mutationFn: (file: File) => cellsApi.upload(caseId, file), onSuccess: refresh }),
    clear: useMutation({ mutationFn: () => cellsApi.clear(caseId), onSuccess: refresh }),
  };
}
