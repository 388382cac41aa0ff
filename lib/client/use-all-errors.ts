"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { adminApi, type ErrorFilter } from "./admin-api";
import { queryKeys } from "./query-keys";

/** GET /api/ingestion/errors of one case (admins). */
export function useAllErrors(caseId: number, params: ErrorFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: queryKeys.errors.list(caseId, params), queryFn: () => adminApi.errors(caseId, params), placeholderData: keepPreviousData });
}
