"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTokenBody, CreateTokenResponse, ApiTokenDto } from "@/lib/schemas/api-tokens";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";

/** Personal API tokens (issue 19): the settings page's calls. The routes take a browser session only. */
export const apiTokensApi = {
  list: () => apiFetch<{ tokens: ApiTokenDto[] }>("/api/tokens"),
  create: (body: CreateTokenBody) => apiFetch<CreateTokenResponse>("/api/tokens", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  revoke: (id: string) => apiFetch<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
};

/** GET /api/tokens */
export function useApiTokens() {
  return useQuery({ queryKey: queryKeys.apiTokens.all, queryFn: apiTokensApi.list });
}

/** POST /api/tokens: the answer holds the secret, shown once; it is never cached as a query. */
export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: apiTokensApi.create, onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.apiTokens.all }) });
}

/** DELETE /api/tokens/:id */
export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: apiTokensApi.revoke, onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.apiTokens.all }) });
}
