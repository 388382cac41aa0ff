"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { adminApi, type RecordFilter } from "./admin-api";
import { queryKeys } from "./query-keys";

export type RecordQuery = RecordFilter & { includeDuplicates: boolean; page: number; pageSize: number };

/** GET /api/records of one case. */
export function useRecords(caseId: number, params: RecordQuery) {
  return useQuery({ queryKey: queryKeys.records.list(caseId, params), queryFn: () => adminApi.records(caseId, params), placeholderData: keepPreviousData });
}
