import { z } from "zod";

export const ROLES = ["analyst", "reviewer", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /**
   * Set when the request came with a personal API token (issue 19): what narrows it. `read`
   * allows only GET/HEAD (lib/server/route.ts); `caseIds` (null: every case the owner may see)
   * narrows every case-visibility check (lib/data/case-access.ts).
   */
  token?: { id: string; scope: "read" | "write"; caseIds: number[] | null };
}

const RANK: Record<Role, number> = { analyst: 0, reviewer: 1, admin: 2 };

/** Roles are ordered: a reviewer may do what an analyst may, an admin what a reviewer may. */
export function hasRole(user: SessionUser, needed: Role): boolean {
  return RANK[user.role] >= RANK[needed];
}
