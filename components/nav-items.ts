import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";
import type { CaseRole } from "@/lib/schemas/case";

export interface NavItem {
  href: string;
  label: string;
  role: Role;
  /** Also shown to someone with this role in the current case (a case's reviewers review its files). */
  caseRole?: CaseRole;
  match: (p: string) => boolean;
}

const under = (prefix: string) => (p: string) => p === prefix || p.startsWith(`${prefix}/`);

/** The main navigation; each item shows only to users with at least its role. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Upload", role: "analyst", match: (p) => p === "/" },
  { href: "/jobs", label: "Jobs", role: "analyst", match: (p) => under("/jobs")(p) && !p.endsWith("/review") },
  { href: "/review", label: "Review", role: "reviewer", caseRole: "reviewer", match: (p) => p === "/review" || p.endsWith("/review") },
  { href: "/records", label: "Records", role: "analyst", match: under("/records") },
  { href: "/contacts", label: "Contacts", role: "analyst", match: under("/contacts") },
  { href: "/cases", label: "Cases", role: "analyst", match: under("/cases") },
  { href: "/templates", label: "Templates", role: "reviewer", match: under("/templates") },
  { href: "/errors", label: "Errors", role: "admin", match: under("/errors") },
  { href: "/privacy", label: "Privacy", role: "admin", match: under("/privacy") },
  { href: "/users", label: "Users", role: "admin", match: under("/users") },
  { href: "/audit", label: "Audit", role: "admin", match: under("/audit") },
];

export function navItemVisible(item: NavItem, user: SessionUser, roleInCase: CaseRole | null): boolean {
  return hasRole(user, item.role) || (!!item.caseRole && item.caseRole === roleInCase);
}
