import type { JobListParams } from "./api";
import type { ErrorFilter, RecordFilter } from "./admin-api";
import type { PartyKind } from "@/lib/schemas/fields";
import type { GraphOptions } from "./analytics-api";

/**
 * The one react-query key factory, per entity. Keys are hierarchical so a prefix invalidates
 * everything under it, and every per-case list carries its case id: switching case never shows
 * another case's cached rows, and a case's lists can be invalidated on their own.
 */
/** The audit page's filter, as the API takes it. */
export interface AuditFilter {
  action?: string;
  email?: string;
  from?: string;
  to?: string;
}

export const queryKeys = {
  session: ["session"] as const,

  cases: {
    all: ["cases"] as const,
    list: () => [...queryKeys.cases.all, "list"] as const,
    details: () => [...queryKeys.cases.all, "detail"] as const,
    detail: (caseId: number) => [...queryKeys.cases.details(), caseId] as const,
    members: (caseId: number) => [...queryKeys.cases.detail(caseId), "members"] as const,
  },

  jobs: {
    all: ["jobs"] as const,
    lists: () => [...queryKeys.jobs.all, "list"] as const,
    caseLists: (caseId: number | null) => [...queryKeys.jobs.lists(), caseId] as const,
    list: (params: JobListParams) => [...queryKeys.jobs.caseLists(params.caseId ?? null), params] as const,
    details: () => [...queryKeys.jobs.all, "detail"] as const,
    detail: (id: string) => [...queryKeys.jobs.details(), id] as const,
    errors: (id: string, page: number, pageSize: number) => [...queryKeys.jobs.detail(id), "errors", { page, pageSize }] as const,
    /**
     * The mapping preview of a job's file (`draft` null: the detected mapping). Outside the `jobs`
     * prefix on purpose: it re-reads the file, and a job update must not refetch it.
     */
    preview: (id: string, draft: string | null) => ["job-preview", id, draft] as const,
  },

  records: {
    all: ["records"] as const,
    case: (caseId: number) => [...queryKeys.records.all, caseId] as const,
    list: (caseId: number, params: RecordFilter & { includeDuplicates: boolean; page: number; pageSize: number }) => [...queryKeys.records.case(caseId), "list", params] as const,
  },

  contacts: {
    all: ["contacts"] as const,
    case: (caseId: number) => [...queryKeys.contacts.all, caseId] as const,
    targets: (caseId: number) => [...queryKeys.contacts.case(caseId), "targets"] as const,
    list: (caseId: number, target: string, page: number, pageSize: number, kind: PartyKind | null = null) =>
      [...queryKeys.contacts.case(caseId), "list", target, { page, pageSize, kind }] as const,
    timeline: (caseId: number, target: string) => [...queryKeys.contacts.case(caseId), "timeline", target] as const,
    /** Numbers several targets of the case talk to: under the case's contacts, so what drops those drops these. */
    common: (caseId: number, minTargets: number, limit: number) => [...queryKeys.contacts.case(caseId), "common", { minTargets, limit }] as const,
    /** A target's patterns of life: keyed by the case's display zone too, so changing the zone asks again. */
    patterns: (caseId: number, target: string, timezone: string | null) => [...queryKeys.contacts.case(caseId), "patterns", target, { timezone }] as const,
    /** A target's handsets and SIMs. */
    devices: (caseId: number, target: string) => [...queryKeys.contacts.case(caseId), "devices", target] as const,
    /** The case's link chart with its filters (issue 21). */
    graph: (caseId: number, filter: GraphOptions) => [...queryKeys.contacts.case(caseId), "graph", filter] as const,
    /** The case report (issue 21): every target's figures, under the case's contacts so what drops those drops it. */
    report: (caseId: number) => [...queryKeys.contacts.case(caseId), "report"] as const,
    /** One target's page of the case report (the report page asks target by target). */
    reportPage: (caseId: number, target: string) => [...queryKeys.contacts.case(caseId), "report", target] as const,
    /** A target's cells (issue 21); under "cells" so a cell-site upload drops every target's at once. */
    cells: (caseId: number, target: string) => [...queryKeys.contacts.case(caseId), "cells", target] as const,
    /** A target's calls with their first/last cell, for the map. */
    cellCalls: (caseId: number, target: string, range: { from?: string; to?: string }) => [...queryKeys.contacts.case(caseId), "cells", target, "calls", range] as const,
    /** The case's cell-site list. */
    cellSites: (caseId: number) => [...queryKeys.contacts.case(caseId), "cells", "sites"] as const,
    /** The case's reported gaps and every target's threshold (issue 21). */
    gaps: (caseId: number) => [...queryKeys.contacts.case(caseId), "gaps"] as const,
    /** A target's gap threshold; saving it invalidates the timeline, the case's gaps and the report. */
    gapThreshold: (caseId: number, target: string) => [...queryKeys.contacts.case(caseId), "gap-threshold", target] as const,
  },

  errors: {
    all: ["errors"] as const,
    list: (caseId: number, params: ErrorFilter & { page: number; pageSize: number }) => [...queryKeys.errors.all, caseId, params] as const,
  },

  templates: { all: ["templates"] as const },
  users: { all: ["users"] as const },
  /** The signed-in user's personal API tokens (the settings page). */
  apiTokens: { all: ["api-tokens"] as const },
  privacyRules: { all: ["privacy-rules"] as const },
  audit: { list: (filter: AuditFilter & { page: number }) => ["audit", filter] as const },
};
