import type { Role } from "@/lib/auth/roles";
import type { RecordListResponse } from "@/lib/schemas/api";
import type { MappingOverride } from "@/lib/schemas/mapping";
import type { JobDto } from "@/lib/schemas/job";
import { apiFetch, query } from "./api";
import type {
  AllErrorsResponse, AuditEventDto, ContactDto, MeResponse, PreviewResponse, PrivacyRuleDto, SessionUserDto, TemplateDto, TimelineResponse, UserDto,
} from "./dto";

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const id = encodeURIComponent;

export interface ErrorFilter { jobId?: string | undefined; code?: string | undefined; field?: string | undefined }
export interface RecordFilter { jobId?: string | undefined; number?: string | undefined; from?: string | undefined; to?: string | undefined; type?: string | undefined }

/** Every route beyond the job list/detail: auth, review, templates, records, admin. */
export const adminApi = {
  me: () => apiFetch<MeResponse>("/api/auth/me"),
  signIn: (email: string, password: string) => apiFetch<{ user: SessionUserDto }>("/api/auth/sign-in", json("POST", { email, password })),
  setup: (email: string, name: string, password: string) => apiFetch<{ user: SessionUserDto }>("/api/auth/setup", json("POST", { email, name, password })),
  signOut: () => apiFetch<void>("/api/auth/sign-out", { method: "POST" }),

  preview: (jobId: string, draft: MappingOverride | null) =>
    apiFetch<PreviewResponse>(`/api/ingestion/jobs/${id(jobId)}/preview`, json("POST", draft ?? undefined)),
  confirmMapping: (jobId: string, mapping: MappingOverride) => apiFetch<{ job: JobDto }>(`/api/ingestion/jobs/${id(jobId)}/mapping`, json("POST", mapping)),

  templates: () => apiFetch<{ templates: TemplateDto[] }>("/api/ingestion/templates"),
  updateTemplate: (tid: string, patch: Partial<Pick<TemplateDto, "name" | "timezone" | "columns">>) =>
    apiFetch<{ template: TemplateDto }>(`/api/ingestion/templates/${id(tid)}`, json("PATCH", patch)),
  deleteTemplate: (tid: string) => apiFetch<void>(`/api/ingestion/templates/${id(tid)}`, { method: "DELETE" }),

  errors: (f: ErrorFilter & { page: number; pageSize: number }) => apiFetch<AllErrorsResponse>(`/api/ingestion/errors${query({ ...f })}`),
  errorsCsvUrl: (f: ErrorFilter) => `/api/ingestion/errors${query({ ...f, format: "csv" })}`,

  records: (f: RecordFilter & { page: number; pageSize: number }) => apiFetch<RecordListResponse>(`/api/records${query({ ...f })}`),
  recordsExportUrl: (f: RecordFilter, format: "csv" | "xlsx") => `/api/records/export${query({ ...f, format })}`,
  targets: () => apiFetch<{ targets: string[] }>("/api/records/targets"),
  contacts: (target: string, page: number, pageSize: number) =>
    apiFetch<{ contacts: ContactDto[]; total: number }>(`/api/contacts${query({ target, page, pageSize })}`),
  timeline: (target: string) => apiFetch<TimelineResponse>(`/api/records/timeline${query({ target })}`),

  privacyRules: () => apiFetch<{ rules: PrivacyRuleDto[] }>("/api/privacy-rules"),
  addPrivacyRule: (rule: { pattern: string; kind: "number" | "prefix"; action: "mask" | "suppress"; note?: string }) =>
    apiFetch<{ rule: PrivacyRuleDto }>("/api/privacy-rules", json("POST", rule)),
  deletePrivacyRule: (rid: string) => apiFetch<void>(`/api/privacy-rules/${id(rid)}`, { method: "DELETE" }),

  users: () => apiFetch<{ users: UserDto[] }>("/api/users"),
  addUser: (u: { email: string; name: string; password: string; role: Role }) => apiFetch<{ user: UserDto }>("/api/users", json("POST", u)),
  updateUser: (uid: string, patch: { role?: Role; name?: string; password?: string }) => apiFetch<{ user: UserDto }>(`/api/users/${id(uid)}`, json("PATCH", patch)),
  deleteUser: (uid: string) => apiFetch<void>(`/api/users/${id(uid)}`, { method: "DELETE" }),

  audit: (page: number, pageSize: number, action?: string) =>
    apiFetch<{ events: AuditEventDto[]; total: number }>(`/api/audit${query({ page, pageSize, action })}`),
};
