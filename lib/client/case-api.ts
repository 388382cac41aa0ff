import type { CaseListResponse, CaseMembersResponse, CaseResponse, CaseRole } from "@/lib/schemas/case";
import type { CaseMemberDto } from "@/lib/schemas/case";
import { apiFetch } from "./api";

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const path = (caseId: number, rest = "") => `/api/cases/${encodeURIComponent(String(caseId))}${rest}`;

/** `region`: ISO 3166-1 alpha-2 for the case's national numbers, null to clear it. */
export interface CaseInput {
  name: string;
  description?: string;
  region?: string | null;
  displayTimezone?: string | null;
}

/** The cases routes (lib/schemas/case.ts is the contract). */
export const caseApi = {
  list: () => apiFetch<CaseListResponse>("/api/cases"),
  get: (caseId: number) => apiFetch<CaseResponse>(path(caseId)),
  create: (input: CaseInput) => apiFetch<CaseResponse>("/api/cases", json("POST", input)),
  update: (caseId: number, patch: Partial<CaseInput>) => apiFetch<CaseResponse>(path(caseId), json("PATCH", patch)),
  remove: (caseId: number) => apiFetch<void>(path(caseId), { method: "DELETE" }),
  /** Remembers the case as the user's last used one (the switcher's default, and where an upload naming no case goes). */
  select: (caseId: number) => apiFetch<void>(path(caseId, "/select"), { method: "POST" }),
  members: (caseId: number) => apiFetch<CaseMembersResponse>(path(caseId, "/members")),
  addMember: (caseId: number, email: string, role: CaseRole) => apiFetch<{ member: CaseMemberDto }>(path(caseId, "/members"), json("POST", { email, role })),
  removeMember: (caseId: number, userId: string) => apiFetch<void>(path(caseId, `/members/${encodeURIComponent(userId)}`), { method: "DELETE" }),
};
