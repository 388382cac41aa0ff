import type { Role } from "@/lib/auth/roles";

export interface NavItem { href: string; label: string; role: Role; match: (p: string) => boolean }

const under = (prefix: string) => (p: string) => p === prefix || p.startsWith(`${prefix}/`);

/** The main navigation; each item shows only to users with at least its role. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Upload", role: "analyst", match: (p) => p === "/" },
  { href: "/jobs", label: "Jobs", role: "analyst", match: (p) => under("/jobs")(p) && !p.endsWith("/review") },
  { href: "/review", label: "Review", role: "reviewer", match: (p) => p === "/review" || p.endsWith("/review") },
  { href: "/records", label: "Records", role: "analyst", match: under("/records") },
  { href: "/contacts", label: "Contacts", role: "analyst", match: under("/contacts") },
  { href: "/templates", label: "Templates", role: "reviewer", match: under("/templates") },
  { href: "/errors", label: "Errors", role: "admin", match: under("/errors") },
  { href: "/privacy", label: "Privacy", role: "admin", match: under("/privacy") },
  { href: "/users", label: "Users", role: "admin", match: under("/users") },
  { href: "/audit", label: "Audit", role: "admin", match: under("/audit") },
];
