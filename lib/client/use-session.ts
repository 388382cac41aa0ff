"use client";

import { useQuery } from "@tanstack/react-query";
import { hasRole, type Role } from "@/lib/auth/roles";
import { adminApi } from "./admin-api";
import { queryKeys } from "./query-keys";

export const sessionKey = queryKeys.session;

/** Who is signed in. Read once per page load: sign-in and sign-out navigate fully, so it never goes stale. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: adminApi.me, staleTime: Infinity, retry: 0 });
}

/** True when the signed-in user has at least this role. */
export function useHasRole(role: Role): boolean {
  const { data } = useSession();
  return !!data?.user && hasRole(data.user, role);
}
