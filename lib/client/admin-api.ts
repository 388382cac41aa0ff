import type { AuditFilter } from "./query-keys";
import type { Role } from "@/lib/auth/roles";
import type { RecordListResponse } from "@/lib/schemas/api";
import type { PartyKind } from "@/lib/schemas/fields";
import type { MappingOverride } from "@/lib/schemas/mapping";
import type { JobDto } from "@/lib/schemas/job";
import { apiFetch, query } from "./api";
import type {
  AllErrorsResponse,
  AuditEventDto,
  ContactListResponse,
  MeResponse,
  PreviewResponse,
  PrivacyRuleDto,
  SessionUserDto,
  TemplateDto,
  TimelineResponse,
  UserDto,
} from "@/lib/schemas/responses";

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const id = encodeURIComponent;

export interface ErrorFilter {
  jobId?: string | undefined;
  code?: string | undefined;
  field?: string | undefined;
}
/** The records filters as the UI keeps them (and the URL carries them): GET /api/records' query names, as typed. */
export interface RecordFilter {
  jobId?: string | undefined;
  number?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  imei?: string | undefined;
  imsi?: string | undefined;
  cell?: string | undefined;
  direction?: string | undefined;
  minDuration?: string | undefined;
  maxDuration?: string | undefined;
}
/** The RecordFilter keys, in the order the URL lists them. */
export const RECORD_FILTER_KEYS = [
  "number",
  "imei",
  "imsi",
  "cell",
  "from",
  "to",
  "type",
  "direction",
  "minDuration",
  "maxDuration",
  "jobId",
] as const satisfies readonly (keyof RecordFilter)[];
/** Linked duplicate legs are left out unless asked for. */
const dupes = (includeDuplicates: boolean | undefined) => (includeDuplicates ? 1 : undefined);

/** Every route beyond jobs and cases: auth, review, templates, records, contacts, admin. Per-case lists take the case id first. */
export const adminApi = {
  me: () => apiFetch<MeResponse>("/api/auth/me"),
  signIn: (email: string, password: string) => apiFetch<{ user: SessionUserDto }>("/api/auth/sign-in", json("POST", { email, password })),
  setup: (email: string, name: string, password: string) => apiFetch<{ user: SessionUserDto }>("/api/auth/setup", json("POST", { email, name, password })),
  signOut: () => apiFetch<void>("/api/auth/sign-out", { method: "POST" }),

  preview: (jobId: string, draft: MappingOverride | null) => apiFetch<PreviewResponse>(`/api/ingestion/jobs/${id(jobId)}/preview`, json("POST", draft ?? undefined)),
  confirmMapping: (jobId: string, mapping: MappingOverride) => apiFetch<{ job: JobDto }>(`/api/ingestion/jobs/${id(jobId)}/mapping`, json("POST", mapping)),

  templates: () => apiFetch<{ templates: TemplateDto[] }>("/api/ingestion/templates"),
  updateTemplate: (tid: string, patch: Partial<Pick<TemplateDto, "name" | "timezone" | "columns">>) =>
    apiFetch<{ template: TemplateDto }>(`/api/ingestion/templates/${id(tid)}`, json("PATCH", patch)),
  deleteTemplate: (tid: string) => apiFetch<void>(`/api/ingestion/templates/${id(tid)}`, { method: "DELETE" }),

  errors: (caseId: number, f: ErrorFilter & { page: number; pageSize: number }) => apiFetch<AllErrorsResponse>(`/api/ingestion/errors${query({ caseId, ...f })}`),
  errorsCsvUrl: (caseId: number, f: ErrorFilter) => `/api/ingestion/errors${query({ caseId, ...f, format: "csv" })}`,

  records: (caseId: number, f: RecordFilter & { includeDuplicates?: boolean; page: number; pageSize: number }) =>
    apiFetch<RecordListResponse>(`/api/records${query({ caseId, ...f, includeDuplicates: dupes(f.includeDuplicates) })}`),
  recordsExportUrl: (caseId: number, f: RecordFilter & { includeDuplicates?: boolean }, format: "csv" | "xlsx" | "parquet") =>
    `/api/records/export${query({ caseId, ...f, includeDuplicates: dupes(f.includeDuplicates), format })}`,
  targets: (caseId: number) => apiFetch<{ targets: string[] }>(`/api/records/targets${query({ caseId })}`),
  /** `kind`: only contacts of that party kind (the response's `kinds` counts all of the target's). */
  contacts: (caseId: number, target: string, page: number, pageSize: number, kind?: PartyKind) =>
    apiFetch<ContactListResponse>(`/api/contacts${query({ caseId, target, kind, page, pageSize })}`),
  timeline: (caseId: number, target: string) => apiFetch<TimelineResponse>(`/api/records/timeline${query({ caseId, target })}`),

  privacyRules: () => apiFetch<{ rules: PrivacyRuleDto[] }>("/api/privacy-rules"),
  addPrivacyRule: (rule: { pattern: string; kind: "number" | "prefix"; action: "mask" | "suppress"; note?: string }) =>
    apiFetch<{ rule: PrivacyRuleDto }>("/api/privacy-rules", json("POST", rule)),
  deletePrivacyRule: (rid: string) => apiFetch<void>(`/api/privacy-rules/${id(rid)}`, { method: "DELETE" }),

  users: () => apiFetch<{ users: UserDto[] }>("/api/users"),
  addUser: (u: { email: string; name: string; password: string; role: Role }) => apiFetch<{ user: UserDto }>("/api/users", json("POST", u)),
  updateUser: (uid: string, patch: { role?: Role; name?: string; password?: string }) => apiFetch<{ user: UserDto }>(`/api/users/${id(uid)}`, json("PATCH", patch)),
  deleteUser: (uid: string) => apiFetch<void>(`/api/users/${id(uid)}`, { method: "DELETE" }),

  audit: (filter: AuditFilter & { page: number; pageSize: number }) => apiFetch<{ events: AuditEventDto[]; total: number }>(`/api/audit${query({ ...filter })}`),
};
