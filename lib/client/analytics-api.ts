import type { CommonContactsResponse, DevicesResponse, PatternsResponse } from "@/lib/schemas/analytics";
import type { CaseGraphResponse, CaseReportResponse } from "@/lib/schemas/analytics";
import { apiFetch, query } from "./api";

/** The analytics routes (lib/schemas/analytics.ts is the contract). */
export const analyticsApi = {
  /** GET /api/analytics/common-contacts of one case. */
  commonContacts: (caseId: number, opts: { minTargets?: number; limit?: number } = {}) =>
    apiFetch<CommonContactsResponse>(`/api/analytics/common-contacts${query({ caseId, minTargets: opts.minTargets, limit: opts.limit })}`),
  /** GET /api/analytics/patterns: a target's hour × weekday counts in the case's display time zone. */
  patterns: (caseId: number, target: string) => apiFetch<PatternsResponse>(`/api/analytics/patterns${query({ caseId, target })}`),
  /** GET /api/analytics/devices: a target's IMEI + IMSI pairs by first use, and the changes. */
  devices: (caseId: number, target: string) => apiFetch<DevicesResponse>(`/api/analytics/devices${query({ caseId, target })}`),
  /** GET /api/analytics/graph of one case, as JSON. */
  graph: (caseId: number, opts: GraphOptions = {}) => apiFetch<CaseGraphResponse>(graphUrl(caseId, "json", opts)),
  /** GET /api/analytics/report: every target's counts, top contacts, heat map, gaps and devices (or, with `target`, that target's page). */
  report: (caseId: number, target?: string) => apiFetch<CaseReportResponse>(`/api/analytics/report${query({ caseId, target })}`),
};

/** The link chart's filters (all optional). */
export interface GraphOptions {
  from?: string;
  to?: string;
  type?: "voice" | "sms" | "mms" | "data";
  minWeight?: number;
  limit?: number;
}

/** The link chart's URL: JSON for the API, or a download link (GraphML, Neo4j CSV zip). */
export const graphUrl = (caseId: number, format: "json" | "graphml" | "neo4j", opts: GraphOptions = {}) =>
  `/api/analytics/graph${query({ caseId, format: format === "json" ? undefined : format, from: opts.from, to: opts.to, type: opts.type, minWeight: opts.minWeight, limit: opts.limit })}`;
