import type { CellCallsResponse, CellSiteListResponse, CellSiteUploadResponse, TargetCellsResponse } from "@/lib/schemas/cells";
import { apiFetch, query } from "./api";

/** The cell routes (lib/schemas/cells.ts is the contract). */
export const cellsApi = {
  /** GET /api/analytics/cells: a target's cells by frequency and by local hour, placed by the case's list. */
  cells: (caseId: number, target: string) => apiFetch<TargetCellsResponse>(`/api/analytics/cells${query({ caseId, target })}`),
  /** GET /api/analytics/cell-calls: a target's calls with their first/last cell, in time order. */
  cellCalls: (caseId: number, target: string, range: { from?: string; to?: string }) =>
    apiFetch<CellCallsResponse>(`/api/analytics/cell-calls${query({ caseId, target, from: range.from, to: range.to, limit: 2000 })}`),
  /** GET /api/cases/:id/cell-sites (the count only matters to the page: one entry asked). */
  sites: (caseId: number) => apiFetch<CellSiteListResponse>(`/api/cases/${caseId}/cell-sites${query({ limit: 1 })}`),
  /** POST /api/cases/:id/cell-sites: one list file. */
  upload: (caseId: number, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return apiFetch<CellSiteUploadResponse>(`/api/cases/${caseId}/cell-sites`, { method: "POST", body: form });
  },
  /** DELETE /api/cases/:id/cell-sites. */
  clear: (caseId: number) => apiFetch<{ deleted: number }>(`/api/cases/${caseId}/cell-sites`, { method: "DELETE" }),
};
