import type { ErrorListResponse, JobDetailResponse, JobListResponse } from "@/lib/schemas/api";
import type { JobDto, JobStatus } from "@/lib/schemas/job";
import { redirectToSignIn } from "./auth-redirect";

/** An HTTP failure with the server's stable code, so callers can branch on it. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** The server's `error.details`, when it sent any (a refused mapping's problems). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** Reads `{error:{code,message}}` from a failed response; falls back to the status line. */
export function errorFromBody(body: unknown, status: number, statusText: string): ApiRequestError {
  if (body && typeof body === "object" && "error" in body) {
    const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (err && typeof err.message === "string") {
      return new ApiRequestError(err.message, typeof err.code === "string" ? err.code : "http_error", status, err.details);
    }
  }
  return new ApiRequestError(`Request failed: ${status} ${statusText}`.trim(), "http_error", status);
}

/** The one fetch helper: JSON in, JSON out, server errors become thrown Errors with the server's sentence. */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { Accept: "application/json", ...init?.headers },
  });
  // The auth endpoints answer 401 for a wrong password: the form shows that, no redirect.
  if (res.status === 401 && !path.startsWith("/api/auth/")) redirectToSignIn();
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy error page or similar: keep the status-based message below.
  }
  if (!res.ok) throw errorFromBody(body, res.status, res.statusText);
  return body as T;
}

export interface JobListParams {
  /** The case whose jobs to list; undefined lists every case the user may see. */
  caseId?: number | undefined;
  status?: JobStatus | undefined;
  carrier?: string | undefined;
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const api = {
  listJobs: (p: JobListParams) => apiFetch<JobListResponse>(`/api/ingestion/jobs${query({ ...p })}`),
  getJob: (id: string) => apiFetch<JobDetailResponse>(`/api/ingestion/jobs/${encodeURIComponent(id)}`),
  listErrors: (id: string, page: number, pageSize: number) => apiFetch<ErrorListResponse>(`/api/ingestion/jobs/${encodeURIComponent(id)}/errors${query({ page, pageSize })}`),
  retryJob: (id: string) => apiFetch<{ job: JobDto }>(`/api/ingestion/jobs/${encodeURIComponent(id)}/retry`, { method: "POST" }),
  cancelJob: (id: string) => apiFetch<{ job: JobDto }>(`/api/ingestion/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
  deleteJob: (id: string) => apiFetch<void>(`/api/ingestion/jobs/${encodeURIComponent(id)}`, { method: "DELETE" }),
};
